import { describe, expect, it } from 'vitest';
import { criterionSpread } from './review-reading';

describe('criterion spread', () => {
	it('flags a criterion whose scores lie 40 % of the scale apart or more', () => {
		expect(criterionSpread([3, 7], 10)).toMatchObject({ min: 3, max: 7, spread: 4, mean: 5, disagreement: true });
		expect(criterionSpread([4, 7, 6], 10)).toMatchObject({ spread: 3, disagreement: false });
		expect(criterionSpread([1, 3], 5)).toMatchObject({ spread: 2, disagreement: true });
	});

	it('needs two scores to disagree', () => {
		expect(criterionSpread([0], 10)).toMatchObject({ count: 1, spread: 0, disagreement: false });
		expect(criterionSpread([], 10)).toEqual({ count: 0, min: null, max: null, mean: null, spread: 0, disagreement: false });
	});
});
