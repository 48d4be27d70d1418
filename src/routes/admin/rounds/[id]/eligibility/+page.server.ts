import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { decisionState, phaseOf } from '$lib/server/rounds';
import { withStagesNow } from '$lib/server/grant-facts';
import { listForEligibility } from '$lib/server/eligibility';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	const state = decisionState(round);
	const proposals = await withStagesNow(getDb(), await listForEligibility(getDb(), round.id), state);
	const counts: Record<string, number> = {};
	for (const p of proposals) counts[p.stage] = (counts[p.stage] ?? 0) + 1;
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone, phase: phaseOf(round) },
		proposals,
		counts
	};
};
