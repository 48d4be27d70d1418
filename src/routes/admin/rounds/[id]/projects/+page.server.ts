import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { roundProjects } from '$lib/server/grant-views';
import { isFinal } from '$lib/server/results';
import { FUNDED_STAGES } from '$lib/domain/status';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	const projects = await roundProjects(getDb(), round);
	return {
		round: { id: round.id, title: round.title },
		confirmed: isFinal(round),
		projects,
		// The dashboard: how many projects at each stage, in the one status model's order.
		byStage: FUNDED_STAGES.map((stage) => ({ stage, count: projects.filter((p) => p.stage === stage).length })),
		paymentsDue: projects.filter((p) => p.dueTranche !== null).length,
		allClosed: projects.length > 0 && projects.every((p) => p.stage === 'completed' || p.stage === 'terminated'),
		totals: {
			awardedFen: projects.reduce((s, p) => s + p.awardFen, 0),
			paidFen: projects.reduce((s, p) => s + p.paidFen, 0)
		}
	};
};
