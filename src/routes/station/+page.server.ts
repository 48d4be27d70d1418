import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStation } from '$lib/server/auth/guard';
import { getOrganisation } from '$lib/server/organisations';
import { countSubmitted } from '$lib/server/proposals';
import { listOrganisationProposals } from '$lib/server/proposal-lists';
import { listRounds, phaseOf } from '$lib/server/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organisationId } = requireStation(event);
	const db = getDb();
	const organisation = await getOrganisation(db, organisationId);
	if (!organisation) error(403, 'forbidden');
	const now = new Date();
	const open = (await listRounds(db)).filter((r) => phaseOf(r, now) === 'applications');
	return {
		organisationName: organisation.name,
		proposals: await listOrganisationProposals(db, organisationId, now),
		openRounds: await Promise.all(
			open.map(async (r) => ({
				slug: r.slug,
				title: r.title,
				eligibilityAt: r.eligibility_at,
				timeZone: r.time_zone,
				limit: r.proposals_per_org,
				submitted: await countSubmitted(db, r.id, organisationId)
			}))
		)
	};
};
