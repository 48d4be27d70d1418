import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { listReviewerProfiles, panelIds, setPanel } from '$lib/server/reviewers';
import { assignmentLoads } from '$lib/server/assignments';
import { formError } from '$lib/schemas/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	const db = getDb();
	const [profiles, panel, load] = await Promise.all([
		listReviewerProfiles(db),
		panelIds(db, round.id),
		assignmentLoads(db, round.id)
	]);
	return {
		round: { id: round.id, title: round.title },
		reviewers: profiles
			.filter((r) => r.active)
			.map((r) => ({
				id: r.id,
				name: r.name,
				organisationName: r.organisationName,
				expertise: r.expertise,
				onPanel: panel.includes(r.id),
				assigned: load.get(r.id) ?? 0
			}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const data = await event.request.formData();
		const raw = data.getAll('reviewerId').map(String);
		if (raw.some((v) => !/^\d{1,12}$/.test(v))) return fail(400, { chosen: [], errors: formError('err.invalid') });
		const ids = raw.map(Number);
		const result = await setPanel(getDb(), { roundId: round.id, reviewerIds: ids, actorId: user.id });
		if (!result.ok) return fail(400, { chosen: ids, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/panel?saved=1`);
	}
};
