import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_BASIS, RANKING_BASES, bootstrapSe, rankingScoresFor, type BasisReview } from './ranking';
import { meanHundredths } from './rounding';

const reviews: BasisReview[] = [
	...[8000, 8001, 7000, 9000, 8500].map((total, i) => ({ proposalId: 1, reviewerId: i + 1, total })),
	...[6000, 6500, 7000, 6200, 6100].map((total, i) => ({ proposalId: 2, reviewerId: ((i + 2) % 5) + 1, total })),
	{ proposalId: 3, reviewerId: 1, total: 7500 }
];

describe('ranking bases', () => {
	it('offers the model, the mean and the trimmed mean, the model by default', () => {
		expect(RANKING_BASES).toEqual(['additive_model', 'mean', 'trimmed_mean']);
		expect(DEFAULT_RANKING_BASIS).toBe('additive_model');
	});

	it('scores in exact hundredths, with intervals of ± 1.96 standard errors', () => {
		const mean = rankingScoresFor('mean', reviews, { seed: 1 }).scores;
		expect(mean.get(1)!.score).toBe(8100); // 40 501 / 5 = 8100.2
		expect(mean.get(2)!.score).toBe(6360);
		const one = mean.get(1)!;
		expect(one.se).toBeGreaterThan(0);
		expect(one.upper! - one.score).toBe(one.score - one.lower!);
		expect(one.upper! - one.score).toBe(Math.round((196 * one.se!) / 100));
		// A single review has no interval.
		expect(mean.get(3)).toEqual({ score: 7500, se: null, lower: null, upper: null, reviews: 1 });
		const trimmed = rankingScoresFor('trimmed_mean', reviews).scores;
		expect(trimmed.get(1)!.score).toBe(meanHundredths([8000, 8001, 8500]));
	});

	it('bootstraps the same intervals for the same seed', () => {
		const a = rankingScoresFor('mean', reviews, { seed: 7 }).scores;
		expect(rankingScoresFor('mean', reviews, { seed: 7 }).scores).toEqual(a);
		expect(rankingScoresFor('mean', reviews, { seed: 8 }).scores.get(1)!.se).not.toBe(a.get(1)!.se);
		// 2,000 resamples of five values: close to the textbook σ/√n (population σ).
		const values = [8000, 8001, 7000, 9000, 8500];
		const m = values.reduce((x, y) => x + y) / 5;
		const sd = Math.sqrt(values.reduce((x, v) => x + (v - m) ** 2, 0) / 5);
		expect(Math.abs(bootstrapSe(values, meanHundredths, 3, 2000)! - sd / Math.sqrt(5))).toBeLessThan(0.1 * (sd / Math.sqrt(5)));
	});

	it('fits the additive model and reports its fit for the record', () => {
		const result = rankingScoresFor('additive_model', reviews);
		expect(result.model).not.toBeNull();
		expect([...result.scores.keys()].sort()).toEqual([1, 2, 3]);
		for (const s of result.scores.values()) expect(Number.isInteger(s.score)).toBe(true);
		expect(rankingScoresFor('calibrated', reviews).scores.get(1)!.se).toBeNull();
	});
});
