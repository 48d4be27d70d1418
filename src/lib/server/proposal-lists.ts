/** Lists of proposals: a station's own with their next step, and every proposal for the admins, filtered. */
import type { DB } from './db';
import type { ProposalStatus, Round } from './schema';
import { decisionState, getRoundById } from './rounds';
import type { MessageKey } from '../i18n';
import { deadlineOf } from './proposal-rules';
import { proposalStage, type ProposalStage, type RoundDecisionState } from '../domain/status';
import { fundedIds, grantFactsOf } from './grant-facts';

/** The organisation's proposals across rounds, newest round first, with what happens next. */
export async function listOrganisationProposals(db: DB, organisationId: number, now = new Date()) {
	const rows = await db
		.selectFrom('proposals')
		.select(['id', 'round_id', 'title', 'requested_fen', 'status', 'updated_at', 'revision_due_at'])
		.where('organisation_id', '=', organisationId)
		.orderBy('round_id', 'desc')
		.orderBy('id', 'desc')
		.execute();
	const rounds = new Map<number, Round | undefined>();
	for (const id of new Set(rows.map((r) => r.round_id))) rounds.set(id, await getRoundById(db, id));
	const facts = await grantFactsOf(db, fundedIds(rows));
	return rows.map((r) => {
		const round = rounds.get(r.round_id)!;
		const state = decisionState(round, now);
		const stage = proposalStage(r.status, state, facts.get(r.id) ?? null);
		const revisionOpen = r.status === 'returned' && !!r.revision_due_at && now.toISOString() < r.revision_due_at;
		return {
			id: r.id,
			title: r.title,
			requestedFen: r.requested_fen,
			stage,
			roundTitle: round.title,
			roundSlug: round.slug,
			timeZone: round.time_zone,
			phase: state.phase,
			deadline: deadlineOf(round),
			revisionDueAt: stage === 'returned' ? r.revision_due_at : null,
			nextStep: nextStep(stage, state.phase === 'applications', revisionOpen)
		};
	});
}

/** What the organisation can expect next for a proposal at its stage, as a catalogue key. */
export function nextStep(stage: ProposalStage, applicationsOpen: boolean, revisionOpen = false): MessageKey {
	switch (stage) {
		case 'draft':
			return applicationsOpen ? 'status.next.draft' : 'status.next.draftLate';
		case 'submitted':
			return applicationsOpen ? 'status.next.submitted' : 'status.next.awaiting_check';
		case 'returned':
			return revisionOpen ? 'status.next.returned' : 'status.next.returnedLate';
		default:
			return `status.next.${stage}`;
	}
}

export interface ProposalFilter {
	roundId?: number;
	status?: ProposalStatus;
	district?: string;
	category?: string;
}

/** Every proposal for the admins' overview (drafts stay the station's own business). */
export async function listAllProposals(db: DB, filter: ProposalFilter, now = new Date()) {
	let query = db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.innerJoin('rounds', 'rounds.id', 'proposals.round_id')
		.select([
			'proposals.id',
			'proposals.title',
			'proposals.status',
			'proposals.requested_fen',
			'proposals.round_id',
			'rounds.title as round_title',
			'organisations.name as organisation',
			'organisations.district',
			(eb) =>
				eb
					.selectFrom('proposal_needs')
					.innerJoin('needs', 'needs.id', 'proposal_needs.need_id')
					.select((e) => e.fn<string>('string_agg', [e.ref('needs.category'), e.val(',')]).as('c'))
					.whereRef('proposal_needs.proposal_id', '=', 'proposals.id')
					.as('categories')
		])
		.where('proposals.status', '!=', 'draft');
	if (filter.roundId) query = query.where('proposals.round_id', '=', filter.roundId);
	if (filter.status) query = query.where('proposals.status', '=', filter.status);
	if (filter.district) query = query.where('organisations.district', '=', filter.district);
	if (filter.category) {
		const category = filter.category;
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('proposal_needs')
					.innerJoin('needs', 'needs.id', 'proposal_needs.need_id')
					.select('needs.id')
					.whereRef('proposal_needs.proposal_id', '=', 'proposals.id')
					.where('needs.category', '=', category)
			)
		);
	}
	const rows = await query.orderBy('proposals.round_id', 'desc').orderBy('proposals.id').limit(1000).execute();
	const states = new Map<number, RoundDecisionState>();
	for (const id of new Set(rows.map((r) => r.round_id))) states.set(id, decisionState((await getRoundById(db, id))!, now));
	const facts = await grantFactsOf(db, fundedIds(rows));
	return rows.map((r) => ({
		...r,
		stage: proposalStage(r.status, states.get(r.round_id)!, facts.get(r.id) ?? null),
		categories: [...new Set(String(r.categories ?? '').split(',').filter(Boolean))]
	}));
}

/** Counts of the listed proposals by status (the one status model's), district and need category. */
export function proposalCounts(rows: Awaited<ReturnType<typeof listAllProposals>>) {
	const count = (keys: string[]) => {
		const m = new Map<string, number>();
		for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
		return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	};
	return {
		byStage: count(rows.map((r) => r.stage)),
		byDistrict: count(rows.map((r) => r.district)),
		byCategory: count(rows.flatMap((r) => r.categories))
	};
}
