import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC, mean, trimmedMean, weightedTotal } from './scoring';

describe('scoring', () => {
	it('has a default rubric whose weights total 100', () => {
		expect(DEFAULT_RUBRIC.reduce((s, c) => s + c.weight, 0)).toBe(100);
	});

	it('weights criterion scores to a 0–100 total', () => {
		const all = (score: number) => DEFAULT_RUBRIC.map((c) => ({ score, weight: c.weight, scaleMax: 10 }));
		expect(weightedTotal(all(10))).toBe(100);
		expect(weightedTotal(all(0))).toBe(0);
		expect(weightedTotal(all(7))).toBe(70);
		expect(weightedTotal([{ score: 5, weight: 20, scaleMax: 10 }, { score: 10, weight: 80, scaleMax: 10 }])).toBe(90);
	});

	it('trims one highest and one lowest from five or more reviews', () => {
		expect(trimmedMean([10, 80, 82, 84, 100])).toBe(82);
		expect(trimmedMean([70, 80, 90, 100])).toBe(85);
		expect(mean([])).toBeNull();
		expect(trimmedMean([])).toBeNull();
	});
});
