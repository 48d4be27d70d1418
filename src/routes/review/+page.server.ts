import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listReviewerQueue } from '$lib/server/assignments';
import { listNotices, markNoticesRead } from '$lib/server/notify';
import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'reviewer');
	const db = getDb();
	const [queue, notices] = await Promise.all([listReviewerQueue(db, user.id), listNotices(db, user.id, 10)]);
	return {
		assignments: queue.map((a) => ({
			id: a.id,
			status: a.status,
			proposalTitle: a.proposal_title,
			roundTitle: a.round_title,
			timeZone: a.time_zone,
			deadline: a.decision_at
		})),
		notices: notices.map((n) => ({ id: n.id, kind: n.kind, params: n.params, link: n.link, createdAt: n.createdAt, unread: n.unread }))
	};
};

export const actions: Actions = {
	readNotices: async (event) => {
		const user = requireRole(event, 'reviewer');
		await markNoticesRead(getDb(), user.id);
		redirect(303, '/review');
	}
};
