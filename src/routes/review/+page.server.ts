import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listReviewerQueue } from '$lib/server/reviews';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'reviewer');
	const queue = await listReviewerQueue(getDb(), user.id);
	return {
		assignments: queue.map((a) => ({
			id: a.id,
			status: a.status,
			proposalTitle: a.proposal_title,
			roundTitle: a.round_title,
			timeZone: a.time_zone,
			deadline: a.decision_at
		}))
	};
};
