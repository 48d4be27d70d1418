import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { getRoundById, phaseOf } from '$lib/server/rounds';
import { listForEligibility } from '$lib/server/eligibility';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const id = Number(event.params.id);
	const round = Number.isSafeInteger(id) ? await getRoundById(getDb(), id) : undefined;
	if (!round) error(404, 'not found');
	const proposals = await listForEligibility(getDb(), round.id);
	const counts: Record<string, number> = {};
	for (const p of proposals) counts[p.status] = (counts[p.status] ?? 0) + 1;
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone, phase: phaseOf(round) },
		proposals,
		counts
	};
};
