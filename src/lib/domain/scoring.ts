/** A reviewer's score on one criterion, with the criterion's weight (weights total 100). */
export interface CriterionScore {
	score: number;
	weight: number;
	scaleMax: number;
}

/** A review's weighted total on a 0–100 scale. */
export function weightedTotal(scores: readonly CriterionScore[]): number {
	let total = 0;
	for (const { score, weight, scaleMax } of scores) total += (score / scaleMax) * weight;
	return Math.round(total * 100) / 100;
}

export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Drops one highest and one lowest when there are at least five reviews; the plain mean below that. */
/**
 * The trimmed mean's one name, in every message that names it (columns, the ranking basis, the
 * published score rule, the rounding notes): two names for one figure read as two figures.
 */
export const TRIMMED_MEAN_NAME = { zh: '去极值平均分', en: 'trimmed mean', enHeading: 'Trimmed mean' } as const;

export function trimmedMean(values: readonly number[]): number | null {
	if (values.length < 5) return mean(values);
	const sorted = [...values].sort((a, b) => a - b);
	return mean(sorted.slice(1, -1));
}

/** Population standard deviation; null without values. */
export function standardDeviation(values: readonly number[]): number | null {
	const m = mean(values);
	if (m === null) return null;
	return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / values.length);
}

/**
 * Reviewers disagree on a proposal when their totals spread by more than this standard deviation
 * (on the 0–100 scale) — about a band of the rubric either side of the mean.
 */
export const DISAGREEMENT_SD = 12;

export function disagreement(values: readonly number[], threshold = DISAGREEMENT_SD): boolean {
	return values.length >= 2 && (standardDeviation(values) ?? 0) > threshold;
}

/** One submitted review's total (0–100), for calibration. */
export interface ReviewTotal {
	proposalId: number;
	reviewerId: number;
	total: number;
}

/** Below this many reviews a reviewer's own mean and spread say too little to correct for. */
export const CALIBRATION_MIN_REVIEWS = 3;
/**
 * A floor on a reviewer's spread (0–100 scale), so that one who gives nearly the same total to
 * everything does not have tiny differences blown up into large z-scores.
 */
export const CALIBRATION_MIN_SD = 3;

export interface Calibrated {
	/** Mean of the reviewers' z-scores for the proposal: what the ranking rests on. */
	z: number;
	/** The z-score put back on the 0–100 scale of the pooled totals (clamped to 0–100). */
	score: number;
}

/**
 * Calibrated scores per proposal: each review becomes a z-score against its own reviewer's mean
 * and spread, which removes a reviewer's leniency or harshness; a proposal's mean z is then put
 * back on the pooled totals' scale (mean + z × sd) so it reads like a 0–100 score.
 *
 * A reviewer with fewer than `CALIBRATION_MIN_REVIEWS` reviews is measured against the pooled
 * mean and spread instead (no correction: there is too little to estimate it from), and spreads
 * are floored at `CALIBRATION_MIN_SD`.
 */
export function calibratedScores(reviews: readonly ReviewTotal[]): Map<number, Calibrated> {
	const out = new Map<number, Calibrated>();
	if (reviews.length === 0) return out;
	const all = reviews.map((r) => r.total);
	const poolMean = mean(all) ?? 0;
	const poolSd = Math.max(standardDeviation(all) ?? 0, CALIBRATION_MIN_SD);
	const byReviewer = new Map<number, number[]>();
	for (const r of reviews) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r.total]);
	const norm = new Map<number, { mean: number; sd: number }>();
	for (const [id, totals] of byReviewer) {
		norm.set(
			id,
			totals.length >= CALIBRATION_MIN_REVIEWS
				? { mean: mean(totals) ?? 0, sd: Math.max(standardDeviation(totals) ?? 0, CALIBRATION_MIN_SD) }
				: { mean: poolMean, sd: poolSd }
		);
	}
	const zs = new Map<number, number[]>();
	for (const r of reviews) {
		const n = norm.get(r.reviewerId)!;
		zs.set(r.proposalId, [...(zs.get(r.proposalId) ?? []), (r.total - n.mean) / n.sd]);
	}
	for (const [proposalId, list] of zs) {
		const z = mean(list) ?? 0;
		const score = Math.min(100, Math.max(0, poolMean + z * poolSd));
		out.set(proposalId, { z, score: Math.round(score * 100) / 100 });
	}
	return out;
}

/** The default rubric of DOMAIN.md. */
export const DEFAULT_RUBRIC = [
	{ name_zh: '需求回应', name_en: 'Answers the linked community needs', weight: 20 },
	{ name_zh: '项目设计与可行性', name_en: 'Design and feasibility', weight: 25 },
	{ name_zh: '居民参与与在地性', name_en: 'Resident participation and local roots', weight: 15 },
	{ name_zh: '预算合理性', name_en: 'Budget is reasonable', weight: 15 },
	{ name_zh: '团队能力', name_en: 'Team capacity', weight: 10 },
	{ name_zh: '资源链接与可持续', name_en: 'Leverage and sustainability', weight: 10 },
	{ name_zh: '创新性', name_en: 'Innovation', weight: 5 }
] as const;

export type ScoreBand = 'low' | 'fair' | 'good' | 'excellent';
export const SCORE_BANDS: readonly ScoreBand[] = ['low', 'fair', 'good', 'excellent'];

/**
 * The score range of each band on a 0–scaleMax criterion: below 40 %, 40–69 %, 70–89 % and 90 %
 * or more of the scale (0–3, 4–6, 7–8, 9–10 on the default 0–10 scale).
 */
export function scoreBands(scaleMax: number): { band: ScoreBand; min: number; max: number }[] {
	const cut = (f: number) => Math.ceil(scaleMax * f - 1e-9);
	const edges = [0, cut(0.4), cut(0.7), cut(0.9), scaleMax + 1];
	return SCORE_BANDS.map((band, i) => ({ band, min: edges[i], max: edges[i + 1] - 1 })).filter((b) => b.max >= b.min);
}

export function bandOf(score: number, scaleMax: number): ScoreBand | undefined {
	return scoreBands(scaleMax).find((b) => score >= b.min && score <= b.max)?.band;
}
