import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listRounds, phaseOf } from '$lib/server/rounds';
import { workWaiting } from '$lib/server/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const [counts, rounds] = await Promise.all([workWaiting(db), listRounds(db)]);
	return {
		counts,
		rounds: rounds.map((r) => ({ id: r.id, title: r.title, phase: phaseOf(r) }))
	};
};
