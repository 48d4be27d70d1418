import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listRounds, phaseOf } from '$lib/server/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const rounds = await listRounds(getDb());
	return {
		rounds: rounds.map((r) => ({
			id: r.id,
			slug: r.slug,
			title: r.title,
			year: r.year,
			poolFen: r.pool_fen,
			phase: phaseOf(r),
			overridden: r.phase_override !== null
		}))
	};
};
