import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_BASIS } from './ranking';
import {
	DEFAULT_GUARD,
	RANKING_GRID,
	chooseDefault,
	evaluateSetting,
	fundedOverlap,
	kendallTau,
	syntheticPanel
} from './ranking-evaluation';

describe('ranking evaluation tools', () => {
	it('Kendall τ-b: 1 for the same order, −1 reversed, ties counted', () => {
		expect(kendallTau([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
		expect(kendallTau([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
		// One tie in the first ranking: 5 concordant of 6 pairs, τ-b = 5 / √(5 × 6).
		expect(kendallTau([1, 1, 2, 3], [1, 2, 3, 4])).toBeCloseTo(5 / Math.sqrt(30), 12);
	});

	it('funded overlap: the share of the truly best that the estimate also funds', () => {
		const truth = new Map([
			[1, 90],
			[2, 80],
			[3, 70],
			[4, 60]
		]);
		expect(fundedOverlap([1, 2, 3, 4], truth, truth, 2)).toBe(1);
		expect(fundedOverlap([1, 2, 3, 4], new Map([[1, 90], [2, 10], [3, 70], [4, 60]]), truth, 2)).toBe(0.5);
	});

	it('a panel is the same for the same seed, scored on the rubric in hundredths, k reviews each', () => {
		const s = RANKING_GRID.find((x) => x.name === 'small-round')!;
		const a = syntheticPanel(s, 42);
		expect(syntheticPanel(s, 42)).toEqual(a);
		expect(a.reviews).toHaveLength(s.proposals * s.perProposal);
		for (const r of a.reviews) {
			expect(Number.isInteger(r.total)).toBe(true);
			expect(r.total).toBeGreaterThanOrEqual(0);
			expect(r.total).toBeLessThanOrEqual(10_000);
		}
	});
});

/**
 * A small grid on fixed seeds: the settings where a bias model could most plausibly lose to the
 * plain mean (no bias at all, real category differences, scale rather than leniency, outliers,
 * few reviews per reviewer, small rounds). Not timed; the full grid is `npm run eval:ranking`.
 */
const GUARD_SETTINGS = ['no-bias', 'category-quality', 'clustered', 'scale-strong', 'outliers', 'few-per-reviewer', 'small-round', 'demo-like'];
const GUARD_SEEDS = 40;

describe('the default ranking basis', () => {
	it(
		`is never worse than the plain mean by more than ${-DEFAULT_GUARD} τ on average in any setting`,
		() => {
			const settings = RANKING_GRID.filter((s) => GUARD_SETTINGS.includes(s.name));
			expect(settings).toHaveLength(GUARD_SETTINGS.length);
			const results = settings.map((s) => evaluateSetting(s, GUARD_SEEDS));
			for (const r of results) {
				expect(r.tauVsMean[DEFAULT_RANKING_BASIS].mean, r.setting.name).toBeGreaterThanOrEqual(DEFAULT_GUARD);
			}
			// And it is the basis this grid would choose.
			expect(chooseDefault(results).basis).toBe(DEFAULT_RANKING_BASIS);
			// The z-score calibration's known failure: it erases real category differences.
			const categories = results.find((r) => r.setting.name === 'category-quality')!;
			expect(categories.tauVsMean.calibrated.mean).toBeLessThan(DEFAULT_GUARD);
		},
		180_000
	);
});
