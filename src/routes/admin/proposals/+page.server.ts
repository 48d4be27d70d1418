import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listRounds } from '$lib/server/rounds';
import { listAllProposals, proposalCounts } from '$lib/server/proposal-lists';
import { LISTED_STATUSES, proposalFilterSchema as filterSchema } from '$lib/schemas/proposals';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const q = event.url.searchParams;
	const filter = filterSchema.parse({
		round: q.get('round') || undefined,
		status: q.get('status') || undefined,
		district: q.get('district') || undefined,
		category: q.get('category') || undefined
	});
	const rows = await listAllProposals(db, {
		roundId: filter.round,
		status: filter.status,
		district: filter.district,
		category: filter.category
	});
	return {
		filter: {
			round: filter.round ? String(filter.round) : '',
			status: filter.status ?? '',
			district: filter.district ?? '',
			category: filter.category ?? ''
		},
		statuses: LISTED_STATUSES,
		rounds: (await listRounds(db)).map((r) => ({ id: r.id, title: r.title })),
		proposals: rows.map((r) => ({
			id: r.id,
			roundId: r.round_id,
			title: r.title,
			status: r.status,
			stage: r.stage,
			requestedFen: r.requested_fen,
			roundTitle: r.round_title,
			organisation: r.organisation,
			district: r.district,
			categories: r.categories
		})),
		counts: proposalCounts(rows)
	};
};
