import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	SCORE_ROUNDING,
	divideRounded,
	formatHundredths,
	fromHundredths,
	meanHundredths,
	toHundredths,
	trimmedMeanHundredths,
	weightedTotalHundredths
} from './rounding';
import { roundScore } from './funding-line';
import { DEFAULT_RUBRIC, weightedTotal } from './scoring';

describe('exact score arithmetic', () => {
	it('rounds half away from zero, the same at 1.005 as at 80.005', () => {
		// Binary floats made roundScore(1.005) = 1 but roundScore(80.005) = 80.01.
		expect(roundScore(1.005)).toBe(1.01);
		expect(roundScore(80.005)).toBe(80.01);
		expect(roundScore(2.675)).toBe(2.68);
		expect(roundScore(80.0049)).toBe(80);
		expect(toHundredths(-0.005)).toBe(-1);
		expect(toHundredths(-0.004)).toBe(0);
		expect(Object.is(toHundredths(-0.001), 0)).toBe(true);
		expect([divideRounded(5, 2), divideRounded(-5, 2), divideRounded(7, 3), divideRounded(8, 3)]).toEqual([3, -3, 2, 3]);
		expect(SCORE_ROUNDING.mode).toBe('half_away_from_zero');
	});

	it('property: a score published at two decimals reads back unchanged, so confirmed rounds rank as published', () => {
		fc.assert(
			fc.property(fc.integer({ min: -10_000, max: 1_000_000 }), (h) => {
				expect(toHundredths(fromHundredths(h))).toBe(h);
				expect(roundScore(h / 100)).toBe(h / 100);
			})
		);
	});

	it('property: floats are read at six decimals, then rounded once', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100_000_000 }), (micro) => {
				// micro-units → hundredths with integer arithmetic only.
				const expected = Math.floor(micro / 10_000) + (micro % 10_000 >= 5_000 ? 1 : 0);
				expect(toHundredths(micro / 1_000_000)).toBe(expected);
			})
		);
	});

	it('totals a review exactly over the rubric, whatever the scales', () => {
		const all = (score: number) => DEFAULT_RUBRIC.map((c) => ({ score, weight: c.weight, scaleMax: 10 }));
		expect(weightedTotalHundredths(all(10))).toBe(10_000);
		expect(weightedTotalHundredths(all(7))).toBe(7_000);
		// 1/3 × 100 = 33.333… → 33.33; 2/3 × 100 = 66.67.
		expect(weightedTotalHundredths([{ score: 1, weight: 100, scaleMax: 3 }])).toBe(3_333);
		expect(weightedTotalHundredths([{ score: 2, weight: 100, scaleMax: 3 }])).toBe(6_667);
		// 1/8 × 1 = 0.125: a true half hundredth, rounded up; and 1/16 + 1/16 exactly, not twice rounded.
		expect(weightedTotalHundredths([{ score: 1, weight: 1, scaleMax: 8 }])).toBe(13);
		expect(weightedTotalHundredths([{ score: 1, weight: 1, scaleMax: 16 }, { score: 1, weight: 1, scaleMax: 16 }])).toBe(13);
		expect(() => weightedTotalHundredths([{ score: 1.5, weight: 10, scaleMax: 10 }])).toThrow(RangeError);
	});

	it('property: agrees with the rational value of Σ score/scale × weight', () => {
		const criterion = fc.record({
			score: fc.integer({ min: 0, max: 20 }),
			weight: fc.integer({ min: 0, max: 100 }),
			scaleMax: fc.integer({ min: 1, max: 20 })
		});
		fc.assert(
			fc.property(fc.array(criterion, { maxLength: 8 }), (scores) => {
				// Over the product of the scales (exact in BigInt), rounded half up.
				const den = scores.reduce((d, s) => d * BigInt(s.scaleMax), 1n);
				const num = scores.reduce((n, s) => n + (BigInt(s.score * s.weight * 100) * den) / BigInt(s.scaleMax), 0n);
				const q = num / den;
				const expected = Number(2n * (num - q * den) >= den ? q + 1n : q);
				expect(weightedTotalHundredths(scores)).toBe(expected);
				// The float total it replaces agrees except where binary rounding tipped a half (within
				// one hundredth, give or take the float's own last bits).
				expect(Math.abs(weightedTotal(scores) * 100 - expected)).toBeLessThanOrEqual(1 + 1e-9);
			})
		);
	});

	it('averages and trims totals in hundredths with one rounding', () => {
		expect(meanHundredths([8000, 8001])).toBe(8001); // 80.005 → 80.01
		expect(meanHundredths([100, 101])).toBe(101); // 1.005 → 1.01
		expect(meanHundredths([8000, 8001, 8001])).toBe(8001); // 80.00666… → 80.01
		expect(meanHundredths([])).toBeNull();
		expect(trimmedMeanHundredths([1000, 8000, 8200, 8400, 10_000])).toBe(8200);
		expect(trimmedMeanHundredths([7000, 8000, 9000, 10_000])).toBe(8500);
	});

	it('prints the published figure from hundredths', () => {
		expect([formatHundredths(8001), formatHundredths(5), formatHundredths(-5), formatHundredths(10_000)]).toEqual([
			'80.01',
			'0.05',
			'-0.05',
			'100.00'
		]);
		expect(SCORE_ROUNDING.steps.every((s) => s.zh.length > 0 && s.en.length > 0)).toBe(true);
	});
});
