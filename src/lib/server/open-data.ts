import type { DB } from './db';
import { toCsv } from '../domain/csv';
import { SCORE_DECIMALS, type LineReason, type TieRule } from '../domain/funding-line';
import { lineRulesOf } from './decisions';
import { rankingScores } from './ranking-scores';
import type { RankingBasis } from '../domain/ranking';
import { getNotice, publishedRecord } from './results';
import { submittedTotals } from './reviews';
import { decisionRecord2, type DecisionRecord2 } from './decision-record';
import { publicImplementation } from './grant-views';
import { memoUntilWrite } from './cache';
import { decisionState, type Round } from './rounds';

/**
 * Open data of a round (信息公开): public once the notice (or, for older rounds, the results) is
 * published. Nothing private: no reviewer, no contact, no private note, no ineligibility text.
 */
export function openDataAvailable(round: Round): boolean {
	return !!round.notice_published_at || !!round.results_published_at;
}

const fen2yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/**
 * results.json: the same for every reader until the data changes (or the clock moves the decision
 * on), and costly at city scale (each funded project's tranches and reports), so computed once and
 * shared, as the stats are.
 */
export function resultsJson(db: DB, round: Round, now = new Date()) {
	return memoUntilWrite(db, `resultsJson:${round.id}:${JSON.stringify(decisionState(round, now))}`, { round: round.id }, () => computeResultsJson(db, round));
}

async function computeResultsJson(db: DB, round: Round) {
	const notice = await getNotice(db, round);
	if (!notice) return null;
	const record = await publishedRecord(db, round);
	// After confirmation each funded project says what became of it (phases 8–9): the same status
	// as every page, what was paid, each tranche planned and paid, and when it closed.
	const implementation = new Map<number, Awaited<ReturnType<typeof implementationOf>>>();
	if (notice.stage === 'final') for (const r of notice.rows.filter((r) => r.funded)) implementation.set(r.id, await implementationOf(db, r.id, r.stage));
	return {
		round: { slug: round.slug, title: round.title, year: round.year },
		stage: notice.stage,
		// The published record of a final list: its version, and why it was corrected, if it was.
		record: record && { version: record.version, publishedAt: record.createdAt, correctionReason: record.reason },
		noticePublishedAt: notice.publishedAt,
		noticeEndsAt: notice.endsAt,
		confirmedAt: notice.confirmedAt,
		currency: 'CNY',
		amountsIn: 'fen',
		totals: notice.totals,
		proposals: notice.rows.map((r) => ({
			id: r.id,
			rank: r.rank,
			title: r.title,
			organisation: r.organisation,
			district: r.district,
			street: r.street,
			categories: r.categories,
			score: r.score,
			reviewCount: r.reviewCount,
			requestedFen: r.requestedFen,
			funded: r.funded,
			awardFen: r.awardFen,
			reason: r.reason,
			reasonText: r.reasonText,
			status: r.stage,
			...(implementation.has(r.id) ? { implementation: implementation.get(r.id) } : {})
		}))
	};
}

/** A funded project's `implementation` object of results.json (amounts in fen, days YYYY-MM-DD). */
async function implementationOf(db: DB, proposalId: number, status: string) {
	const impl = await publicImplementation(db, proposalId);
	return {
		status,
		paidFen: impl?.paidFen ?? 0,
		returnedFen: impl?.returnedFen ?? 0,
		tranches: (impl?.tranches ?? []).map((t) => ({ position: t.position, condition: t.condition, plannedFen: t.plannedFen, paidFen: t.paidFen, paidOn: t.paidOn })),
		closedAt: impl?.closedAt ?? null,
		closingOutcome: impl?.closingOutcome ?? null,
		// As the latest accepted report says.
		spentFen: impl?.spentFen ?? 0,
		reports: (impl?.reports ?? []).map((r) => ({ kind: r.kind, due: r.dueOn, submitted: r.submittedOn, accepted: r.acceptedOn })),
		// The 中期/结项评估 grade, once graded: the final evaluation's, else the mid-term's; null before.
		evaluation: impl?.evaluation ?? null
	};
}

/** Column headers stay in Chinese (the people who open it in Excel read Chinese); keys in English. */
export const RESULTS_CSV_HEADER = [
	'编号 id',
	'排名 rank',
	'项目名称 title',
	'申报主体 organisation',
	'所在区 district',
	'街道 street',
	'服务类别 categories',
	'评审得分 score',
	'评审份数 reviews',
	'申请金额（元） requested_yuan',
	'是否资助 funded',
	'资助金额（元） award_yuan',
	'原因 reason',
	'说明 reason_text',
	'状态 status'
] as const;

export async function resultsCsv(db: DB, round: Round): Promise<string | null> {
	const notice = await getNotice(db, round);
	if (!notice) return null;
	return toCsv(
		RESULTS_CSV_HEADER,
		notice.rows.map((r) => [
			r.id,
			r.rank,
			r.title,
			r.organisation,
			r.district,
			r.street,
			r.categories.join(' '),
			r.score,
			r.reviewCount,
			fen2yuan(r.requestedFen),
			r.funded ? 'yes' : 'no',
			fen2yuan(r.awardFen),
			r.reason,
			r.reasonText,
			r.stage
		])
	);
}

export interface DecisionRecordProposal {
	id: number;
	title: string;
	district: string;
	eligible: boolean;
	/** False when its eligibility was never decided (published as not_checked, not ineligible). */
	checked: boolean;
	requestedFen: number;
	submittedAt: string | null;
	/** Reviewers' weighted totals (0–100), labelled A, B, … within this proposal, highest first. */
	reviews: { reviewer: string; total: number }[];
	rankingScore: number | null;
	reducedAwardFen: number | null;
	override: { kind: 'fund' | 'exclude'; reason: string } | null;
	published: { rank: number | null; funded: boolean; awardFen: number | null; reason: LineReason };
}

export interface DecisionRecord {
	format: 'decision-record/1';
	round: { slug: string; title: string; year: number };
	stage: 'notice' | 'final';
	rankingScore: {
		basis: RankingBasis;
		aggregation: string;
		trimRule: { dropHighest: 1; dropLowest: 1; whenReviewsAtLeast: 5 };
		decimals: number;
	};
	fundingRule: {
		poolFen: number;
		tieRule: TieRule;
		minScore: number | null;
		districtCapsFen: Record<string, number>;
		steps: string[];
	};
	proposals: DecisionRecordProposal[];
}

const LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function reviewerLabel(i: number): string {
	return i < 26 ? LABELS[i] : `${LABELS[Math.floor(i / 26) - 1]}${LABELS[i % 26]}`;
}

/**
 * Everything needed to recompute the funded list: per proposal the anonymised reviewer totals,
 * the ranking score, the admin's inputs (reduced awards, overrides with reasons), and the rules
 * with their parameters. Reviewer labels are per proposal and follow the score, not the person,
 * so that nobody can follow one reviewer across proposals.
 */
export async function decisionRecord(db: DB, round: Round): Promise<DecisionRecord | DecisionRecord2 | null> {
	if (!openDataAvailable(round)) return null;
	// Rounds decided from format 2 on; the others keep the record they were published with.
	if (round.decision_format !== 1) return decisionRecord2(db, round);
	const notice = await getNotice(db, round);
	if (!notice) return null;
	const rows = await db
		.selectFrom('proposals')
		.select([
			'id',
			'status',
			'submitted_at',
			'reduced_award_fen',
			'line_override',
			'line_override_reason'
		])
		.where('round_id', '=', round.id)
		.where('id', 'in', notice.rows.length ? notice.rows.map((r) => r.id) : [-1])
		.execute();
	const byId = new Map(rows.map((r) => [r.id, r]));
	const totals = await submittedTotals(
		db,
		notice.rows.map((r) => r.id)
	);
	const { basis } = await rankingScores(db, round);
	const rules = lineRulesOf(round);
	const proposals = notice.rows
		.map((p): DecisionRecordProposal => {
			const r = byId.get(p.id)!;
			const reviewTotals = totals
				.filter((t) => t.proposalId === p.id)
				.map((t) => t.total)
				.sort((a, b) => b - a);
			return {
				id: p.id,
				title: p.title,
				district: p.district,
				eligible: ['eligible', 'funded', 'not_funded'].includes(r.status),
				checked: r.status !== 'submitted' && r.status !== 'returned',
				requestedFen: p.requestedFen,
				submittedAt: r.submitted_at,
				reviews: reviewTotals.map((total, i) => ({ reviewer: reviewerLabel(i), total })),
				rankingScore: p.score,
				reducedAwardFen: r.reduced_award_fen,
				override: r.line_override ? { kind: r.line_override, reason: r.line_override_reason ?? '' } : null,
				published: { rank: p.rank, funded: p.funded, awardFen: p.awardFen, reason: p.reason }
			};
		})
		.sort((a, b) => a.id - b.id);
	return {
		format: 'decision-record/1',
		round: { slug: round.slug, title: round.title, year: round.year },
		stage: notice.stage,
		rankingScore: {
			basis,
			aggregation:
				basis === 'trimmed_mean'
					? 'Mean of the reviewers’ weighted totals; with 5 or more reviews the single highest and single lowest are dropped first. Rounded to `decimals`.'
					: 'Calibrated: each review is a z-score against its own reviewer’s mean and spread across the round, averaged per proposal and put back on the 0–100 scale. The reviewer labels are per proposal, so this score is published as computed; the trimmed mean can still be checked from `reviews`.',
			trimRule: { dropHighest: 1, dropLowest: 1, whenReviewsAtLeast: 5 },
			decimals: SCORE_DECIMALS
		},
		fundingRule: {
			poolFen: rules.poolFen,
			tieRule: rules.tieRule,
			minScore: rules.minScore,
			districtCapsFen: rules.districtCapsFen,
			steps: [
				'1. Not eligible → not funded (ineligible; not_checked when its eligibility was never decided).',
				'2. override.kind = exclude → not funded (override_exclude), outside the ranking.',
				'3. Rank the rest by rankingScore, highest first; no score ranks last. Equal scores: tieRule (lower_request = smaller amount first; earlier_submission = earlier submittedAt first), then smaller id.',
				'4. The amount is reducedAwardFen when it is set and below requestedFen, else requestedFen.',
				'5. override.kind = fund, in rank order: funded (override_fund) if the amount fits in what is left of the pool, else pool_exhausted.',
				'6. The others in rank order: no score → no_score; score below minScore → below_line; district total + amount above its cap → district_cap; amount above what is left → pool_exhausted (later, smaller ones may still fit); else funded.'
			]
		},
		proposals
	};
}
