/**
 * Exact score arithmetic. A score is carried as an integer number of hundredths (8001 = 80.01)
 * from a review's weighted total to the published figure, so that no binary fraction decides a
 * rank: `0.1 + 0.2` style noise cannot make 1.005 round down while 80.005 rounds up.
 *
 * The rule is data (`SCORE_ROUNDING`) so that a decision record can state it, and every
 * implementation (the app, the record's recompute, anyone's spreadsheet) applies the same one.
 */
import { TRIMMED_MEAN_NAME } from './scoring';

export const SCORE_ROUNDING = {
	/** Scores are published and compared in this unit. */
	unit: '0.01',
	/** Ties at exactly half a unit go away from zero (四舍五入): 80.005 → 80.01, −0.005 → −0.01. */
	mode: 'half_away_from_zero',
	/**
	 * Values that come out of floating-point arithmetic (the additive model's fitted quality, the
	 * z-score calibration) are first rounded to this many decimals, so that 80.00499999999999
	 * (a float for 80.005) is read as 80.005 before the rule above applies.
	 */
	floatDecimals: 6,
	steps: [
		{
			zh: '每份评审的加权总分 = Σ(评分 ÷ 满分 × 权重)，按精确分数计算后四舍五入到 0.01。',
			en: 'Each review’s weighted total = Σ(score ÷ scale maximum × weight), computed exactly, then rounded half away from zero to 0.01.'
		},
		{
			zh: `平均分、${TRIMMED_MEAN_NAME.zh}：对上一步的 0.01 单位总分精确求平均，再四舍五入到 0.01。`,
			en: `Mean and ${TRIMMED_MEAN_NAME.en}: the exact average of those totals (in hundredths), rounded half away from zero to 0.01.`
		},
		{
			zh: '模型拟合值等浮点计算结果：先四舍五入到 6 位小数，再四舍五入到 0.01。',
			en: 'Floating-point results (the model’s fitted values): first rounded to 6 decimals, then half away from zero to 0.01.'
		},
		{
			zh: '排名与最低分线按 0.01 单位比较。',
			en: 'Ranks and the minimum score compare these 0.01 figures.'
		}
	]
} as const;

const HUNDREDTHS = 100;
const FLOAT_SNAP = 10 ** SCORE_ROUNDING.floatDecimals;

/** num ÷ den rounded half away from zero; both safe integers, den > 0. */
export function divideRounded(num: number, den: number): number {
	if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) {
		throw new RangeError(`divideRounded needs safe integers and a positive divisor, got ${num} / ${den}`);
	}
	const sign = num < 0 ? -1 : 1;
	const a = Math.abs(num);
	const q = Math.floor(a / den);
	const r = a - q * den;
	return sign * (2 * r >= den ? q + 1 : q) || 0;
}

/** The same for integers beyond 2^53 (an unusual rubric whose scales have a large common multiple). */
function divideRoundedBig(num: bigint, den: bigint): bigint {
	const negative = num < 0n;
	const a = negative ? -num : num;
	const q = a / den;
	const r = a - q * den;
	const out = 2n * r >= den ? q + 1n : q;
	return negative ? -out : out;
}

/** One criterion's score with its weight and scale (all integers, as the rubric stores them). */
export interface CriterionScoreExact {
	score: number;
	weight: number;
	scaleMax: number;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * A review's weighted total in hundredths: Σ score/scaleMax × weight × 100 over a common
 * denominator, rounded once at the end. Weights total 100 in a rubric, so this is 0–10000.
 */
export function weightedTotalHundredths(scores: readonly CriterionScoreExact[]): number {
	for (const s of scores) {
		if (!Number.isInteger(s.score) || !Number.isInteger(s.weight) || !Number.isInteger(s.scaleMax) || s.scaleMax <= 0) {
			throw new RangeError(`criterion scores, weights and scales are integers (scale > 0): ${JSON.stringify(s)}`);
		}
	}
	let den = 1n;
	for (const s of scores) {
		const m = BigInt(s.scaleMax);
		den = (den / gcd(den, m)) * m;
	}
	let num = 0n;
	for (const s of scores) num += BigInt(s.score) * BigInt(s.weight) * BigInt(HUNDREDTHS) * (den / BigInt(s.scaleMax));
	return Number(divideRoundedBig(num, den));
}

/** The mean of totals in hundredths, in hundredths (exact, one rounding); null without values. */
export function meanHundredths(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	let sum = 0;
	for (const v of values) sum += v;
	return divideRounded(sum, values.length);
}

/** Drops one highest and one lowest when there are at least five reviews; the plain mean below that. */
export function trimmedMeanHundredths(values: readonly number[]): number | null {
	if (values.length < 5) return meanHundredths(values);
	const sorted = [...values].sort((a, b) => a - b);
	return meanHundredths(sorted.slice(1, -1));
}

/**
 * A floating-point score (0–100 scale) in hundredths: first to `floatDecimals` decimals, then half
 * away from zero. Idempotent on figures that already have two decimals (80.01 stays 80.01), so
 * scores published in hundredths rank the same when read back.
 */
export function toHundredths(value: number): number {
	if (!Number.isFinite(value)) throw new RangeError(`not a finite score: ${value}`);
	const snapped = Math.sign(value) * Math.round(Math.abs(value) * FLOAT_SNAP);
	return divideRounded(snapped, FLOAT_SNAP / HUNDREDTHS);
}

/** The published figure: 8001 → "80.01", −5 → "-0.05". */
export function formatHundredths(hundredths: number): string {
	const sign = hundredths < 0 ? '-' : '';
	const a = Math.abs(hundredths);
	return `${sign}${Math.floor(a / HUNDREDTHS)}.${String(a % HUNDREDTHS).padStart(2, '0')}`;
}

/** Hundredths as a number for JSON (8001 → 80.01: the double nearest the decimal, which prints as it). */
export function fromHundredths(hundredths: number): number {
	return hundredths / HUNDREDTHS;
}

/** A score for people to read: one decimal, or null without reviews. */
export function oneDecimal(value: number | null): number | null {
	return value === null ? null : Math.round(value * 10) / 10;
}
