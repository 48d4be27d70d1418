import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listRounds, phaseOf } from '$lib/server/rounds';
import { adminTodo, userCount } from '$lib/server/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const now = new Date();
	const [users, todo, rounds] = await Promise.all([userCount(db), adminTodo(db, now), listRounds(db)]);
	return {
		users,
		todo,
		rounds: rounds.map((r) => ({ id: r.id, title: r.title, phase: phaseOf(r, now) }))
	};
};
