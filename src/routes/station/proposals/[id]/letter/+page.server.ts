import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStation } from '$lib/server/auth/guard';
import { getRoundById } from '$lib/server/rounds';
import { getOwnProposal } from '$lib/server/proposals';
import { applicantFeedback } from '$lib/server/feedback';
import { idParam } from '../../shared.server';
import type { PageServerLoad } from './$types';

/** The award or decline letter of the organisation's own proposal, once the final list is confirmed; 404 before. */
export const load: PageServerLoad = async (event) => {
	const { organisationId } = requireStation(event);
	const db = getDb();
	const proposal = await getOwnProposal(db, idParam(event.params.id), organisationId);
	if (!proposal) error(404, 'not found');
	const round = await getRoundById(db, proposal.round_id);
	if (!round) error(404, 'not found');
	const feedback = await applicantFeedback(db, round, { proposalId: proposal.id, organisationId });
	if (!feedback) error(404, 'not found');
	return { proposalId: proposal.id, round: { title: round.title, timeZone: round.time_zone }, feedback };
};
