import { getDb } from '$lib/server/db';
import { requireRoundAdmin } from '$lib/server/auth/guard';
import { phaseOf } from '$lib/server/rounds';
import { roundsRunBy } from '$lib/server/fund-admins';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRoundAdmin(event);
	const rounds = await roundsRunBy(getDb(), user);
	return {
		// Only the federation opens new rounds (and says which fund runs each).
		federation: user.role === 'admin',
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
