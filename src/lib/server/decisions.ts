import { sql } from 'kysely';
import type { DB } from './db';
import type { Phase } from '../domain/phases';
import type { ProposalStatus } from './schema';
import { formatFen } from '../domain/money';
import { audit } from './audit';
import { phaseOf, type Round } from './rounds';
import {
	ASSIGNMENT_PHASES,
	ok,
	phaseClosed,
	proposalScoreSummary,
	refuse,
	type Outcome
} from './reviews';

/** Eligibility is checked in its own phase and may still be finished early in review. */
export const ELIGIBILITY_PHASES: readonly Phase[] = ASSIGNMENT_PHASES;
export const DECISION_PHASES: readonly Phase[] = ['decision'];
export const PUBLISH_PHASES: readonly Phase[] = ['decision', 'notice', 'implementation', 'closed'];
/** Proposals that a decision may fund or turn down (and change again within the phase). */
const DECIDABLE: readonly ProposalStatus[] = ['eligible', 'funded', 'not_funded'];
/** Proposals the panel works on: everything past draft that was not withdrawn. */
const IN_PLAY: ProposalStatus[] = ['submitted', 'eligible', 'ineligible', 'funded', 'not_funded'];

async function proposalWithRound(db: DB, proposalId: number) {
	const proposal = await db
		.selectFrom('proposals')
		.select(['id', 'round_id', 'status', 'requested_fen', 'award_fen'])
		.where('id', '=', proposalId)
		.executeTakeFirst();
	if (!proposal) return undefined;
	const round = await db
		.selectFrom('rounds')
		.selectAll()
		.where('id', '=', proposal.round_id)
		.executeTakeFirstOrThrow();
	return { proposal, round };
}

/** Passes a submitted proposal's eligibility check, or rejects it with a reason. */
export async function setEligibility(
	db: DB,
	input: { proposalId: number; eligible: boolean; reason: string | null; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	const found = await proposalWithRound(db, input.proposalId);
	if (!found) return refuse('review.err.noProposal');
	const { proposal, round } = found;
	if (!ELIGIBILITY_PHASES.includes(phaseOf(round, now))) return phaseClosed(round, now);
	if (proposal.status !== 'submitted') return refuse('review.err.notSubmitted');
	if (!input.eligible && !input.reason?.trim()) return refuse('review.err.reasonRequired');
	await db
		.updateTable('proposals')
		.set({
			status: input.eligible ? 'eligible' : 'ineligible',
			decision_reason: input.eligible ? null : input.reason,
			updated_at: now.toISOString()
		})
		.where('id', '=', proposal.id)
		.execute();
	await audit(db, {
		actorId: input.actorId,
		action: input.eligible ? 'proposal.eligible' : 'proposal.ineligible',
		entity: 'proposal',
		entityId: proposal.id,
		reason: input.reason
	});
	return ok(undefined);
}

/** The round's pool, what is awarded so far and what is left, in fen. */
export async function roundFunding(db: DB, round: Pick<Round, 'id' | 'pool_fen'>, exceptProposalId?: number) {
	let query = db
		.selectFrom('proposals')
		.select(sql<number>`coalesce(sum(award_fen), 0)`.as('awarded'))
		.where('round_id', '=', round.id)
		.where('status', '=', 'funded');
	if (exceptProposalId !== undefined) query = query.where('id', '!=', exceptProposalId);
	const { awarded } = await query.executeTakeFirstOrThrow();
	return { poolFen: round.pool_fen, awardedFen: awarded, leftFen: round.pool_fen - awarded };
}

/** Funds an eligible proposal with an award up to what it asked for, within what is left of the pool. */
export async function fundProposal(
	db: DB,
	input: { proposalId: number; awardFen: number; actorId: number; reason?: string | null },
	now = new Date()
): Promise<Outcome<void>> {
	return db.transaction().execute(async (trx) => {
		const found = await proposalWithRound(trx, input.proposalId);
		if (!found) return refuse('review.err.noProposal');
		const { proposal, round } = found;
		if (!DECISION_PHASES.includes(phaseOf(round, now))) return phaseClosed(round, now);
		if (!DECIDABLE.includes(proposal.status)) return refuse('review.err.notDecidable');
		if (!Number.isSafeInteger(input.awardFen) || input.awardFen <= 0) {
			return refuse('review.err.awardPositive');
		}
		if (input.awardFen > proposal.requested_fen) {
			return refuse('review.err.awardAboveRequest', { requested: formatFen(proposal.requested_fen) });
		}
		const { leftFen } = await roundFunding(trx, round, proposal.id);
		if (input.awardFen > leftFen) {
			return refuse('review.err.pool', { left: formatFen(Math.max(0, leftFen)) });
		}
		await trx
			.updateTable('proposals')
			.set({
				status: 'funded',
				award_fen: input.awardFen,
				decision_reason: input.reason ?? null,
				updated_at: now.toISOString()
			})
			.where('id', '=', proposal.id)
			.execute();
		await audit(trx, {
			actorId: input.actorId,
			action: 'proposal.fund',
			entity: 'proposal',
			entityId: proposal.id,
			reason: input.reason ?? null,
			detail: { awardFen: input.awardFen, previousStatus: proposal.status }
		});
		return ok(undefined);
	});
}

export async function notFundProposal(
	db: DB,
	input: { proposalId: number; reason: string; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	const found = await proposalWithRound(db, input.proposalId);
	if (!found) return refuse('review.err.noProposal');
	const { proposal, round } = found;
	if (!DECISION_PHASES.includes(phaseOf(round, now))) return phaseClosed(round, now);
	if (!DECIDABLE.includes(proposal.status)) return refuse('review.err.notDecidable');
	if (!input.reason.trim()) return refuse('review.err.reasonRequired');
	await db
		.updateTable('proposals')
		.set({ status: 'not_funded', award_fen: null, decision_reason: input.reason, updated_at: now.toISOString() })
		.where('id', '=', proposal.id)
		.execute();
	await audit(db, {
		actorId: input.actorId,
		action: 'proposal.not_fund',
		entity: 'proposal',
		entityId: proposal.id,
		reason: input.reason,
		detail: { previousStatus: proposal.status }
	});
	return ok(undefined);
}

/** Makes the round's results public, once. */
export async function publishResults(
	db: DB,
	input: { roundId: number; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	const round = await db.selectFrom('rounds').selectAll().where('id', '=', input.roundId).executeTakeFirst();
	if (!round) return refuse('review.err.noRound');
	if (!PUBLISH_PHASES.includes(phaseOf(round, now))) return phaseClosed(round, now);
	if (round.results_published_at) return refuse('review.err.alreadyPublished');
	const updated = await db
		.updateTable('rounds')
		.set({ results_published_at: now.toISOString() })
		.where('id', '=', round.id)
		.where('results_published_at', 'is', null)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) === 0) return refuse('review.err.alreadyPublished');
	const funding = await roundFunding(db, round);
	await audit(db, {
		actorId: input.actorId,
		action: 'round.publish_results',
		entity: 'round',
		entityId: round.id,
		detail: { awardedFen: funding.awardedFen, poolFen: funding.poolFen }
	});
	return ok(undefined);
}

/** A score for people to read: one decimal, or null without reviews. */
function oneDecimal(value: number | null): number | null {
	return value === null ? null : Math.round(value * 10) / 10;
}

/** Everything the admin's panel page shows about the round's proposals (staff only). */
export async function listRoundProposals(db: DB, roundId: number) {
	const proposals = await db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.select([
			'proposals.id',
			'proposals.title',
			'proposals.requested_fen',
			'proposals.status',
			'proposals.award_fen',
			'proposals.decision_reason',
			'proposals.organisation_id',
			'organisations.name as organisation_name'
		])
		.where('proposals.round_id', '=', roundId)
		.where('proposals.status', 'in', IN_PLAY)
		.orderBy('proposals.id')
		.execute();
	const assignments = await db
		.selectFrom('review_assignments')
		.innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
		.select([
			'review_assignments.id',
			'review_assignments.proposal_id',
			'review_assignments.status',
			'review_assignments.reviewer_id',
			'users.name as reviewer_name'
		])
		.where('review_assignments.round_id', '=', roundId)
		.orderBy('review_assignments.id')
		.execute();
	const summary = await proposalScoreSummary(db, roundId);
	return proposals.map((p) => {
		const s = summary.get(p.id);
		return {
			id: p.id,
			title: p.title,
			organisationId: p.organisation_id,
			organisationName: p.organisation_name,
			requestedFen: p.requested_fen,
			status: p.status,
			awardFen: p.award_fen,
			decisionReason: p.decision_reason,
			reviewers: assignments
				.filter((a) => a.proposal_id === p.id)
				.map((a) => ({
					assignmentId: a.id,
					reviewerId: a.reviewer_id,
					name: a.reviewer_name,
					submitted: a.status === 'submitted'
				})),
			count: s?.count ?? 0,
			mean: oneDecimal(s?.mean ?? null),
			trimmedMean: oneDecimal(s?.trimmedMean ?? null)
		};
	});
}

export interface PublicResultRow {
	id: number;
	title: string;
	organisation: string;
	district: string;
	awardFen: number;
	score: number | null;
}

export interface PublicResults {
	publishedAt: string;
	projects: PublicResultRow[];
	totals: { count: number; awardedFen: number; poolFen: number };
}

/**
 * The round's funded projects for the public, or null while results are unpublished. Only
 * public fields: no reviewer, no per-review score, no private note.
 */
export async function listResults(db: DB, roundId: number): Promise<PublicResults | null> {
	const round = await db
		.selectFrom('rounds')
		.select(['id', 'pool_fen', 'results_published_at'])
		.where('id', '=', roundId)
		.executeTakeFirst();
	if (!round?.results_published_at) return null;
	const rows = await db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.select([
			'proposals.id',
			'proposals.title',
			'proposals.award_fen',
			'organisations.name as organisation',
			'organisations.district'
		])
		.where('proposals.round_id', '=', round.id)
		.where('proposals.status', '=', 'funded')
		.execute();
	const summary = await proposalScoreSummary(db, round.id);
	const projects: PublicResultRow[] = rows
		.map((r) => ({
			id: r.id,
			title: r.title,
			organisation: r.organisation,
			district: r.district,
			awardFen: r.award_fen ?? 0,
			score: oneDecimal(summary.get(r.id)?.trimmedMean ?? null)
		}))
		.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.id - b.id);
	const awardedFen = projects.reduce((sum, p) => sum + p.awardFen, 0);
	return {
		publishedAt: round.results_published_at,
		projects,
		totals: { count: projects.length, awardedFen, poolFen: round.pool_fen }
	};
}

/** A funded project of a round with published results, with public fields only; else undefined. */
export async function getPublicProject(db: DB, id: number, now = new Date()) {
	const row = await db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.innerJoin('rounds', 'rounds.id', 'proposals.round_id')
		.select([
			'proposals.id',
			'proposals.title',
			'proposals.summary',
			'proposals.award_fen',
			'proposals.requested_fen',
			'proposals.round_id',
			'organisations.name as organisation',
			'organisations.district'
		])
		.where('proposals.id', '=', id)
		.where('proposals.status', '=', 'funded')
		.where('rounds.results_published_at', 'is not', null)
		.executeTakeFirst();
	if (!row) return undefined;
	const round = await db.selectFrom('rounds').selectAll().where('id', '=', row.round_id).executeTakeFirstOrThrow();
	if (phaseOf(round, now) === 'draft') return undefined;
	const needs = await db
		.selectFrom('proposal_needs')
		.innerJoin('needs', 'needs.id', 'proposal_needs.need_id')
		.select(['needs.id', 'needs.title'])
		.where('proposal_needs.proposal_id', '=', row.id)
		.where('needs.status', '=', 'published')
		.orderBy('needs.id')
		.execute();
	const summary = (await proposalScoreSummary(db, row.round_id)).get(row.id);
	return {
		id: row.id,
		title: row.title,
		summary: row.summary,
		organisation: row.organisation,
		district: row.district,
		round: { slug: round.slug, title: round.title },
		awardFen: row.award_fen ?? 0,
		requestedFen: row.requested_fen,
		needs,
		score: oneDecimal(summary?.trimmedMean ?? null),
		reviewCount: summary?.count ?? 0
	};
}

/** Whether a proposal belongs to the round, so that a form for one round cannot act on another's. */
export async function proposalInRound(db: DB, proposalId: number, roundId: number): Promise<boolean> {
	const row = await db
		.selectFrom('proposals')
		.select('id')
		.where('id', '=', proposalId)
		.where('round_id', '=', roundId)
		.executeTakeFirst();
	return row !== undefined;
}
