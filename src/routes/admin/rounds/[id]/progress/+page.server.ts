import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { reviewProgress, sendReviewReminders } from '$lib/server/assignments';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	return { round: { id: round.id, title: round.title }, progress: await reviewProgress(getDb(), round.id) };
};

export const actions: Actions = {
	remind: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const result = await sendReviewReminders(getDb(), { roundId: round.id, actorId: user.id });
		if (!result.ok) return fail(400, { errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/progress?reminded=${result.value.reminded}`);
	}
};
