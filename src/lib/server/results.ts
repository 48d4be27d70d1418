import { sql } from 'kysely';
import type { DB } from './db';
import type { ProposalStatus, Round } from './schema';
import type { LineReason } from '../domain/funding-line';
import { memoUntilWrite } from './cache';
import { oneDecimal } from '../domain/rounding';
import { audit } from './audit';
import { decisionState, getRoundById, getRoundByIdOrThrow, isFinal, phaseOf } from './rounds';
import { ok, refuse, type Outcome } from './outcome';
import { proposalScoreSummary } from './reviews';
import { lineRowStatus, proposalStage, type ProposalStage } from '../domain/status';
import { grantFactsFor, grantFactsOf } from './grant-facts';

/**
 * What the public reads of a round's decision (public fields only): the line on the notice, the
 * final results, each funded project, and the published record that freezes them at
 * confirmation, so that later edits to profiles or proposals do not rewrite what was published.
 */

/** Statuses that take part in the funding line: everything submitted and not withdrawn. */
export const IN_LINE: ProposalStatus[] = ['submitted', 'returned', 'eligible', 'ineligible', 'funded', 'not_funded'];
export const ELIGIBLE_STATUSES: readonly ProposalStatus[] = ['eligible', 'funded', 'not_funded'];

export interface PublicLineRow {
	id: number;
	rank: number | null;
	title: string;
	organisation: string;
	district: string;
	street: string;
	categories: string[];
	requestedFen: number;
	score: number | null;
	reviewCount: number;
	funded: boolean;
	awardFen: number | null;
	reason: LineReason;
	/** The text of an override or of a reduced award; null otherwise. */
	reasonText: string | null;
}

/**
 * Every proposal of the round's published line, ranked, with its reason; funded ones first in
 * rank. Once the list is confirmed, the line as it was then (see publishedRecord).
 */
export function publicLine(db: DB, roundId: number): Promise<PublicLineRow[]> {
	// Behind every results and project page: computed once until the database next changes.
	return memoUntilWrite(db, `publicLine:${roundId}`, { round: roundId }, async () => (await recordOfRound(db, roundId))?.line ?? computePublicLine(db, roundId));
}

async function computePublicLine(db: DB, roundId: number): Promise<PublicLineRow[]> {
	const rows = await db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.select([
			'proposals.id',
			'proposals.title',
			'proposals.status',
			'proposals.requested_fen',
			'proposals.award_fen',
			'proposals.funding_rank',
			'proposals.funding_reason',
			'proposals.ranking_score',
			'proposals.decision_reason',
			'organisations.name as organisation',
			'organisations.district',
			'organisations.street'
		])
		.where('proposals.round_id', '=', roundId)
		.where('proposals.status', 'in', IN_LINE)
		.execute();
	const ids = rows.map((r) => r.id);
	const cats = ids.length
		? await db
				.selectFrom('proposal_needs')
				.innerJoin('needs', 'needs.id', 'proposal_needs.need_id')
				.select(['proposal_needs.proposal_id', 'needs.category'])
				.where('proposal_needs.proposal_id', 'in', ids)
				.orderBy('needs.id')
				.execute()
		: [];
	const categoriesOf = new Map<number, string[]>();
	for (const c of cats) {
		const list = categoriesOf.get(c.proposal_id) ?? [];
		if (!list.includes(c.category)) list.push(c.category);
		categoriesOf.set(c.proposal_id, list);
	}
	const summary = await proposalScoreSummary(db, roundId);
	const out: PublicLineRow[] = rows.map((r) => {
		const funded = r.status === 'funded';
		// Rounds decided before the funding line existed have no stored reason: say what the status says.
		const reason =
			(r.funding_reason as LineReason | null) ??
			(funded ? 'funded' : ELIGIBLE_STATUSES.includes(r.status) ? 'below_line' : r.status === 'ineligible' ? 'ineligible' : 'not_checked');
		const eligibleReason = reason === 'override_fund' || reason === 'override_exclude' || (funded && (r.award_fen ?? 0) < r.requested_fen);
		return {
			id: r.id,
			rank: r.funding_rank,
			title: r.title,
			organisation: r.organisation,
			district: r.district,
			street: r.street,
			categories: categoriesOf.get(r.id) ?? [],
			requestedFen: r.requested_fen,
			score: r.ranking_score ?? oneDecimal(summary.get(r.id)?.trimmedMean ?? null),
			reviewCount: summary.get(r.id)?.count ?? 0,
			funded,
			awardFen: funded ? r.award_fen : null,
			reason,
			// Ineligibility reasons come from the eligibility check and stay with the applicant.
			reasonText: eligibleReason ? r.decision_reason : null
		};
	});
	return out.sort(
		(a, b) =>
			Number(b.funded) - Number(a.funded) ||
			(a.rank ?? Infinity) - (b.rank ?? Infinity) ||
			(b.score ?? -1) - (a.score ?? -1) ||
			a.id - b.id
	);
}

export type PublicResultRow = PublicLineRow;

/**
 * The round's published line, each row with its status now (the record keeps outcomes, not
 * phases; a funded project's stage comes from its grant facts) and what was paid to it.
 */
export async function stagedLine(db: DB, round: Round, now = new Date()) {
	const rows = await publicLine(db, round.id);
	const facts = await grantFactsOf(
		db,
		rows.filter((r) => r.funded).map((r) => r.id)
	);
	const state = decisionState(round, now);
	return rows.map((r) => {
		const grant = facts.get(r.id) ?? null;
		return { ...r, stage: proposalStage(lineRowStatus(r), state, grant), paidFen: grant?.paidFen ?? 0 };
	});
}

export interface PublicResults {
	publishedAt: string;
	/** Every proposal of the line (funded first), each with its reason and status. */
	projects: (PublicLineRow & { stage: ProposalStage })[];
	/** `paidFen`: paid out to the funded projects so far (the ledger, net of reversals). */
	totals: { count: number; awardedFen: number; paidFen: number; poolFen: number };
}

/**
 * The round's final list for the public, or null while results are unpublished. Only public
 * fields: no reviewer, no per-review score, no private note.
 */
export async function listResults(db: DB, roundId: number, now = new Date()): Promise<PublicResults | null> {
	const round = await getRoundById(db, roundId);
	if (!round?.results_published_at) return null;
	const projects = await stagedLine(db, round, now);
	const funded = projects.filter((p) => p.funded);
	return {
		publishedAt: round.results_published_at,
		projects,
		totals: {
			count: funded.length,
			awardedFen: funded.reduce((sum, p) => sum + (p.awardFen ?? 0), 0),
			paidFen: funded.reduce((sum, p) => sum + p.paidFen, 0),
			poolFen: round.pool_fen
		}
	};
}

/** What a funded project's public page shows, besides its round. */
export interface ProjectDetails {
	title: string;
	summary: string;
	organisation: string;
	district: string;
	street: string;
	targetGroup: string;
	beneficiaries: number | null;
	awardFen: number;
	requestedFen: number;
	needs: { id: number; title: string; category: string }[];
	score: number | null;
	rank: number | null;
	reasonText: string | null;
	reviewCount: number;
	budget: { category: string; totalFen: number }[];
	budgetTotalFen: number;
	matching: { cashFen: number; volunteerHours: number; volunteerValueFen: number; totalFen: number };
	indicators: { name: string; target: string; unit: string }[];
}

/** A funded project's public details as they stand now in its records; undefined when it is not funded. */
async function projectDetails(db: DB, id: number, round: Round, line: PublicLineRow[]): Promise<ProjectDetails | undefined> {
	const row = await db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.select([
			'proposals.id',
			'proposals.title',
			'proposals.summary',
			'proposals.award_fen',
			'proposals.requested_fen',
			'proposals.matching_cash_fen',
			'proposals.volunteer_hours',
			'proposals.target_group',
			'proposals.beneficiaries',
			'organisations.name as organisation',
			'organisations.district',
			'organisations.street'
		])
		.where('proposals.id', '=', id)
		.where('proposals.status', '=', 'funded')
		.executeTakeFirst();
	if (!row) return undefined;
	const needs = await db
		.selectFrom('proposal_needs')
		.innerJoin('needs', 'needs.id', 'proposal_needs.need_id')
		.select(['needs.id', 'needs.title', 'needs.category'])
		.where('proposal_needs.proposal_id', '=', row.id)
		.where('needs.status', '=', 'published')
		.orderBy('needs.id')
		.execute();
	const ranked = line.find((p) => p.id === row.id);
	const budget = await db
		.selectFrom('budget_lines')
		.select(['category', sql<number>`sum(quantity * unit_price_fen)`.as('total_fen')])
		.where('proposal_id', '=', row.id)
		.groupBy('category')
		.orderBy('category')
		.execute();
	const indicators = await db
		.selectFrom('proposal_indicators')
		.select(['name', 'target', 'unit'])
		.where('proposal_id', '=', row.id)
		.orderBy('position')
		.execute();
	const hourFen = Number((round as unknown as { volunteer_hour_fen?: number }).volunteer_hour_fen ?? 0);
	const volunteerValueFen = (row.volunteer_hours ?? 0) * hourFen;
	return {
		title: row.title,
		summary: row.summary,
		organisation: row.organisation,
		district: row.district,
		street: row.street,
		targetGroup: row.target_group,
		beneficiaries: row.beneficiaries,
		awardFen: row.award_fen ?? 0,
		requestedFen: row.requested_fen,
		needs: needs.map((n) => ({ id: n.id, title: n.title, category: n.category })),
		score: ranked?.score ?? null,
		rank: ranked?.rank ?? null,
		reasonText: ranked?.reasonText ?? null,
		reviewCount: ranked?.reviewCount ?? 0,
		budget: budget.map((b) => ({ category: b.category, totalFen: Number(b.total_fen) })),
		budgetTotalFen: budget.reduce((s, b) => s + Number(b.total_fen), 0),
		matching: {
			cashFen: row.matching_cash_fen ?? 0,
			volunteerHours: row.volunteer_hours ?? 0,
			volunteerValueFen,
			totalFen: (row.matching_cash_fen ?? 0) + volunteerValueFen
		},
		indicators
	};
}

/** A funded project of a round with published results, with public fields only; else undefined. */
export async function getPublicProject(db: DB, id: number, now = new Date()) {
	const found = await db
		.selectFrom('proposals')
		.innerJoin('rounds', 'rounds.id', 'proposals.round_id')
		.select('proposals.round_id')
		.where('proposals.id', '=', id)
		.where('rounds.results_published_at', 'is not', null)
		.executeTakeFirst();
	if (!found) return undefined;
	const round = await getRoundByIdOrThrow(db, found.round_id);
	if (phaseOf(round, now) === 'draft') return undefined;
	const record = await publishedRecord(db, round);
	const details = record ? record.projects[String(id)] : await projectDetails(db, id, round, await publicLine(db, round.id));
	if (!details) return undefined;
	const stage = proposalStage('funded', decisionState(round, now), await grantFactsFor(db, id));
	return { id, ...details, stage, round: { slug: round.slug, title: round.title } };
}

// ---------------------------------------------------------------------------------------------
// The published record: the final list and its projects as confirmed, in versions.
// ---------------------------------------------------------------------------------------------

export { isFinal };

export interface PublishedRecord {
	version: number;
	createdAt: string;
	/** Why this version replaced the one before (an admin's correction); null for the first. */
	reason: string | null;
	line: PublicLineRow[];
	projects: Record<string, ProjectDetails>;
}

/**
 * Writes the round's line and its funded projects as they stand now as the next version of its
 * published record; returns that version. Runs inside the caller's transaction.
 */
async function freezeRecord(db: DB, round: Round, input: { actorId: number | null; reason: string | null }, now: Date): Promise<number> {
	const line = await computePublicLine(db, round.id);
	const projects: Record<string, ProjectDetails> = {};
	for (const row of line.filter((r) => r.funded)) {
		const details = await projectDetails(db, row.id, round, line);
		if (details) projects[String(row.id)] = details;
	}
	const last = await db
		.selectFrom('published_records')
		.select((eb) => eb.fn.max('version').as('version'))
		.where('round_id', '=', round.id)
		.executeTakeFirst();
	const version = Number(last?.version ?? 0) + 1;
	await db
		.insertInto('published_records')
		.values({
			round_id: round.id,
			version,
			content: JSON.stringify({ line, projects }),
			reason: input.reason,
			created_by: input.actorId,
			created_at: now.toISOString()
		})
		// Two first readers of an older round freeze it at once: one version 1 is enough.
		.onConflict((oc) => oc.columns(['round_id', 'version']).doNothing())
		.execute();
	return version;
}

/** The round's latest published record: parsed once until the data changes (it is the round's whole list). */
function latestRecord(db: DB, roundId: number): Promise<PublishedRecord | null> {
	return memoUntilWrite(db, `latestRecord:${roundId}`, { round: roundId }, () => readLatestRecord(db, roundId));
}

async function readLatestRecord(db: DB, roundId: number): Promise<PublishedRecord | null> {
	const row = await db
		.selectFrom('published_records')
		.select(['version', 'content', 'reason', 'created_at'])
		.where('round_id', '=', roundId)
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!row) return null;
	const content = JSON.parse(row.content) as Pick<PublishedRecord, 'line' | 'projects'>;
	return { version: row.version, createdAt: row.created_at, reason: row.reason, ...content };
}

/**
 * The round's published record, once its list is final; null before. A round made final before
 * records were kept is frozen the first time it is read.
 */
export async function publishedRecord(db: DB, round: Round, now = new Date()): Promise<PublishedRecord | null> {
	if (!isFinal(round)) return null;
	const record = await latestRecord(db, round.id);
	if (record) return record;
	await freezeRecord(db, round, { actorId: null, reason: null }, now);
	return latestRecord(db, round.id);
}

async function recordOfRound(db: DB, roundId: number): Promise<PublishedRecord | null> {
	const round = await getRoundById(db, roundId);
	return round ? publishedRecord(db, round) : null;
}

/** Freezes the record at confirmation (called by confirmFinalList, inside its transaction). */
export async function recordConfirmedList(trx: DB, round: Round, actorId: number, now: Date): Promise<void> {
	await freezeRecord(trx, round, { actorId, reason: null }, now);
}

/**
 * An admin's correction of the published record: the names, titles and amounts as they stand
 * now become its next version, with the reason shown beside it and kept in the audit log.
 */
export async function correctPublishedRecord(
	db: DB,
	input: { roundId: number; actorId: number; reason: string },
	now = new Date()
): Promise<Outcome<{ version: number }>> {
	const reason = input.reason.trim();
	if (!reason) return refuse('review.err.reasonRequired');
	return db.transaction().execute(async (trx) => {
		const round = await getRoundById(trx, input.roundId);
		if (!round) return refuse('review.err.noRound');
		if (!isFinal(round)) return refuse('results.err.notFinal');
		// The version being corrected exists first (an older round's, frozen when first read).
		if (!(await readLatestRecord(trx, round.id))) await freezeRecord(trx, round, { actorId: null, reason: null }, now);
		const version = await freezeRecord(trx, round, { actorId: input.actorId, reason }, now);
		await audit(trx, {
			actorId: input.actorId,
			action: 'round.correct_record',
			entity: 'round',
			entityId: round.id,
			reason,
			detail: { version }
		});
		return ok({ version });
	});
}

export type NoticeStage = 'notice' | 'final';

/** The public notice of a round: null until published. */
export async function getNotice(db: DB, round: Round, now = new Date()) {
	if (!round.notice_published_at && !round.results_published_at) return null;
	const rows = await stagedLine(db, round, now);
	const awardedFen = rows.reduce((s, r) => s + (r.awardFen ?? 0), 0);
	return {
		stage: (isFinal(round) ? 'final' : 'notice') as NoticeStage,
		publishedAt: round.notice_published_at,
		endsAt: round.notice_ends_at,
		confirmedAt: round.results_confirmed_at ?? round.results_published_at,
		workingDays: round.notice_working_days,
		rows,
		totals: {
			poolFen: round.pool_fen,
			awardedFen,
			paidFen: rows.reduce((s, r) => s + r.paidFen, 0),
			leftFen: round.pool_fen - awardedFen,
			fundedCount: rows.filter((r) => r.funded).length,
			count: rows.length
		}
	};
}
