/**
 * The ranking bases a round can rank by, each giving every reviewed proposal a score in exact
 * hundredths with a standard error and an interval, so the grey zone at the funding line can be
 * found (grey-zone.ts). Which one is the default is decided by the ranking evaluation
 * (`npm run eval:ranking`, bench/ranking.md), not by taste.
 *
 * - `additive_model`: quality + reviewer bias + noise, biases shrunk (additive-model.ts). Corrects
 *   reviewers' leniency and harshness where reviewers share proposals; with unbiased reviewers it
 *   is the plain mean. It cannot correct a reviewer who spreads scores wider or narrower.
 * - `mean`: the plain mean of the reviews' totals. Corrects nothing; the most accurate when
 *   reviewers are unbiased and no review is wild.
 * - `trimmed_mean`: the mean after dropping the highest and lowest of five or more reviews.
 *   Guards against a single wild review, at the cost of discarding two honest ones.
 * - `calibrated` (older rounds only): per-reviewer z-scores (scoring.ts). Corrects leniency and
 *   spread, but also erases real differences between categories when reviewers mostly see their
 *   own; the evaluation found it best in no setting, so new rounds are not offered it.
 */
import { fitAdditiveModel, type AdditiveFit } from './additive-model';
import { seededRandom } from './random';
import { divideRounded, fromHundredths, meanHundredths, toHundredths, trimmedMeanHundredths } from './rounding';
import { calibratedScores } from './scoring';

/** The bases a round may rank by. */
export const RANKING_BASES = ['additive_model', 'mean', 'trimmed_mean'] as const;
/** Still computed, so that rounds ranked by it read and recompute, and measured by the evaluation; not offered. */
export const LEGACY_RANKING_BASES = ['calibrated'] as const;
export type RankingBasis = (typeof RANKING_BASES)[number] | (typeof LEGACY_RANKING_BASES)[number];
/** Every basis the app computes, as the evaluation compares them. */
export const EVALUATED_BASES: readonly RankingBasis[] = [...RANKING_BASES, ...LEGACY_RANKING_BASES];

/** The bases a round is offered: the three, and its own legacy basis while it still ranks by one. */
export function basesOffered(current: RankingBasis): RankingBasis[] {
	return (RANKING_BASES as readonly RankingBasis[]).includes(current) ? [...RANKING_BASES] : [...RANKING_BASES, current];
}

/** Chosen by the ranking evaluation: see bench/ranking.md for the evidence. */
export const DEFAULT_RANKING_BASIS: RankingBasis = 'additive_model';

/** Intervals are the score ± this many standard errors (1.96: 95 % under a normal error). */
export const INTERVAL_Z_HUNDREDTHS = 196;

export interface BasisReview {
	proposalId: number;
	reviewerId: number;
	/** The review's weighted total in hundredths (rounding.ts). */
	total: number;
}

export interface RankedScore {
	/** The ranking score in hundredths. */
	score: number;
	/** Its standard error in hundredths, or null when it cannot be estimated (one review, say). */
	se: number | null;
	/** score ∓ 1.96 se, in hundredths; null without a standard error. */
	lower: number | null;
	upper: number | null;
	reviews: number;
}

export interface BasisOptions {
	/** Seeds the bootstrap of the mean and trimmed mean; the same seed gives the same intervals. */
	seed?: number;
	/** Bootstrap resamples per proposal; 0 for no intervals on the mean and trimmed mean. */
	resamples?: number;
}

export interface RankingScores {
	basis: RankingBasis;
	scores: Map<number, RankedScore>;
	/** The additive model's fit (variances, shrinkage, biases), for the decision record. */
	model: AdditiveFit | null;
}

export const BOOTSTRAP_RESAMPLES = 1000;

function withInterval(score: number, se: number | null, reviews: number): RankedScore {
	if (se === null) return { score, se, lower: null, upper: null, reviews };
	const half = divideRounded(INTERVAL_Z_HUNDREDTHS * se, 100);
	return { score, se, lower: score - half, upper: score + half, reviews };
}

/**
 * Standard error of a statistic of a proposal's reviews by the bootstrap: the spread of the
 * statistic over resamples (with replacement) of the reviews. Seeded per proposal.
 */
export function bootstrapSe(
	values: readonly number[],
	statistic: (values: readonly number[]) => number | null,
	seed: number,
	resamples = BOOTSTRAP_RESAMPLES
): number | null {
	if (values.length < 2 || resamples <= 0) return null;
	const random = seededRandom(seed);
	const sample = new Array<number>(values.length);
	let sum = 0;
	let sumSquares = 0;
	for (let b = 0; b < resamples; b++) {
		for (let i = 0; i < values.length; i++) sample[i] = values[random.below(values.length)];
		const s = statistic(sample)!;
		sum += s;
		sumSquares += s * s;
	}
	const mean = sum / resamples;
	return Math.sqrt(Math.max(0, sumSquares / resamples - mean * mean));
}

const STATISTIC = { mean: meanHundredths, trimmed_mean: trimmedMeanHundredths } as const;

export function rankingScoresFor(basis: RankingBasis, reviews: readonly BasisReview[], options: BasisOptions = {}): RankingScores {
	const scores = new Map<number, RankedScore>();
	if (basis === 'additive_model') {
		const model = fitAdditiveModel(reviews.map((r) => ({ ...r, total: fromHundredths(r.total) })));
		for (const [id, q] of model.quality) {
			scores.set(id, withInterval(toHundredths(q.score), q.se === null ? null : toHundredths(q.se), q.reviews));
		}
		return { basis, scores, model };
	}
	if (basis === 'calibrated') {
		const calibrated = calibratedScores(reviews.map((r) => ({ ...r, total: fromHundredths(r.total) })));
		const count = new Map<number, number>();
		for (const r of reviews) count.set(r.proposalId, (count.get(r.proposalId) ?? 0) + 1);
		for (const [id, c] of calibrated) scores.set(id, withInterval(toHundredths(c.score), null, count.get(id)!));
		return { basis, scores, model: null };
	}
	const statistic = STATISTIC[basis];
	const byProposal = new Map<number, number[]>();
	for (const r of [...reviews].sort((a, b) => a.proposalId - b.proposalId || a.reviewerId - b.reviewerId)) {
		byProposal.set(r.proposalId, [...(byProposal.get(r.proposalId) ?? []), r.total]);
	}
	for (const [id, values] of byProposal) {
		const seed = ((options.seed ?? 0) ^ Math.imul(id, 0x9e3779b1)) >>> 0;
		const se = bootstrapSe(values, statistic, seed, options.resamples);
		scores.set(id, withInterval(statistic(values)!, se === null ? null : toHundredths(se), values.length));
	}
	return { basis, scores, model: null };
}
