import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { phaseOf } from '$lib/server/rounds';
import { listForEligibility } from '$lib/server/eligibility';
import type { PageServerLoad } from './$types';
import { loadRound } from '../round.server';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const round = await loadRound(event);
	const proposals = await listForEligibility(getDb(), round.id);
	const counts: Record<string, number> = {};
	for (const p of proposals) counts[p.status] = (counts[p.status] ?? 0) + 1;
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone, phase: phaseOf(round) },
		proposals,
		counts
	};
};
