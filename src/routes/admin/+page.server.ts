import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listRounds, phaseOf } from '$lib/server/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const count = async (table: 'needs' | 'proposals' | 'users', status?: string) => {
		let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
		if (status) q = q.where('status', '=', status as never);
		return Number((await q.executeTakeFirstOrThrow()).n);
	};
	const rounds = await listRounds(db);
	return {
		counts: {
			newNeeds: await count('needs', 'new'),
			submitted: await count('proposals', 'submitted'),
			users: await count('users')
		},
		rounds: rounds.map((r) => ({ id: r.id, title: r.title, phase: phaseOf(r) }))
	};
};
