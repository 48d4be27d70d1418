/**
 * The score that ranks each proposal of a round, by the round's ranking basis (lib/domain/ranking.ts),
 * with its interval, and the reviews it was computed from. Rounds decided under record format 1
 * keep the arithmetic they were published with (a float trimmed mean or calibration, rounded to
 * two decimals), so that their ranking reads byte for byte as published.
 */
import type { DB } from './db';
import type { Round } from './schema';
import { roundScore } from '../domain/funding-line';
import {
	BOOTSTRAP_RESAMPLES,
	DEFAULT_RANKING_BASIS,
	EVALUATED_BASES,
	rankingScoresFor,
	type BasisReview,
	type RankingBasis
} from '../domain/ranking';
import type { AdditiveFit } from '../domain/additive-model';
import { fromHundredths, weightedTotalHundredths } from '../domain/rounding';
import { proposalScoreSummary, submittedReviews } from './reviews';

export interface ProposalRankingScore {
	/** Two decimals (a figure in hundredths), or null without reviews. */
	score: number | null;
	count: number;
	/** score ∓ 1.96 standard errors, two decimals; null where no interval can be estimated. */
	lower: number | null;
	upper: number | null;
	/** Standard error in hundredths (for the grey zone); null without one. */
	seHundredths: number | null;
	/** The score in hundredths, as the grey zone and the record use it. */
	hundredths: number | null;
}

export interface RoundRankingScores {
	basis: RankingBasis;
	scores: Map<number, ProposalRankingScore>;
	model: AdditiveFit | null;
}

/** One submitted review with its per-criterion scores (criterion ids) and its total in hundredths. */
export interface RoundReview {
	assignmentId: number;
	proposalId: number;
	reviewerId: number;
	scores: { criterionId: number; score: number }[];
	totalHundredths: number;
}

export function basisOf(round: Pick<Round, 'ranking_score'>): RankingBasis {
	return EVALUATED_BASES.includes(round.ranking_score) ? round.ranking_score : DEFAULT_RANKING_BASIS;
}

/** Every submitted review of the round's proposals, with exact totals, in assignment order. */
export async function roundReviews(db: DB, roundId: number): Promise<RoundReview[]> {
	const ids = (await db.selectFrom('proposals').select('id').where('round_id', '=', roundId).execute()).map((p) => p.id);
	return (await submittedReviews(db, ids)).map((r) => ({
		assignmentId: r.assignmentId,
		proposalId: r.proposalId,
		reviewerId: r.reviewerId,
		scores: [...r.scores].sort((a, b) => a.position - b.position).map((s) => ({ criterionId: s.criterionId, score: s.score })),
		totalHundredths: weightedTotalHundredths(r.scores)
	}));
}

const twoDecimals = (hundredths: number | null) => (hundredths === null ? null : fromHundredths(hundredths));

/** Format-1 rounds: the float trimmed mean (or calibration) rounded to two decimals, as published. */
async function formatOneScores(db: DB, round: Round): Promise<RoundRankingScores> {
	const summary = await proposalScoreSummary(db, round.id);
	const basis: RankingBasis = round.ranking_score === 'calibrated' ? 'calibrated' : 'trimmed_mean';
	const scores = new Map<number, ProposalRankingScore>();
	for (const [id, s] of summary) {
		const score = roundScore(basis === 'calibrated' ? s.calibrated : s.trimmedMean);
		const hundredths = score === null ? null : Math.round(score * 100);
		scores.set(id, { score, count: s.count, lower: null, upper: null, seHundredths: null, hundredths });
	}
	return { basis, scores, model: null };
}

/** Bootstrap intervals are seeded by the round, so the same reviews give the same intervals. */
export function basisOptions(roundId: number) {
	return { seed: roundId, resamples: BOOTSTRAP_RESAMPLES };
}

/** The ranking score of every proposal of the round that has reviews, by the round's basis. */
export async function rankingScores(db: DB, round: Round, reviews?: readonly RoundReview[]): Promise<RoundRankingScores> {
	if (round.decision_format === 1) return formatOneScores(db, round);
	const basis = basisOf(round);
	const all = reviews ?? (await roundReviews(db, round.id));
	const input: BasisReview[] = all.map((r) => ({ proposalId: r.proposalId, reviewerId: r.reviewerId, total: r.totalHundredths }));
	const computed = rankingScoresFor(basis, input, basisOptions(round.id));
	const scores = new Map<number, ProposalRankingScore>();
	for (const [id, s] of computed.scores) {
		scores.set(id, {
			score: twoDecimals(s.score),
			count: s.reviews,
			lower: twoDecimals(s.lower),
			upper: twoDecimals(s.upper),
			seHundredths: s.se,
			hundredths: s.score
		});
	}
	return { basis, scores, model: computed.model };
}
