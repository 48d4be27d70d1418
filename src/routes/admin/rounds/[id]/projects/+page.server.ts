import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { roundProjects } from '$lib/server/grants';
import { isFinal } from '$lib/server/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	const projects = await roundProjects(getDb(), round);
	return {
		round: { id: round.id, title: round.title },
		confirmed: isFinal(round),
		projects,
		totals: {
			awardedFen: projects.reduce((s, p) => s + p.awardFen, 0),
			paidFen: projects.reduce((s, p) => s + p.paidFen, 0)
		}
	};
};
