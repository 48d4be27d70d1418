import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { criterionSpread, pseudonymLetter, reviewerPseudonyms } from './review-reading';

describe('reviewer pseudonyms', () => {
	it('letters A … Z, then AA, AB …', () => {
		expect([0, 1, 25, 26, 27, 51, 52].map(pseudonymLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
	});

	it('names each reviewer by the order of their first assignment in the round, the same on every proposal', () => {
		// Reviewer 9 was assigned first (assignment 3), then 4, then 7; each has several assignments.
		const assignments = [
			{ reviewerId: 4, firstAssignmentId: 5 },
			{ reviewerId: 9, firstAssignmentId: 3 },
			{ reviewerId: 7, firstAssignmentId: 8 },
			{ reviewerId: 4, firstAssignmentId: 11 },
			{ reviewerId: 9, firstAssignmentId: 12 }
		];
		const names = reviewerPseudonyms(assignments);
		expect([...names]).toEqual([
			[9, 'A'],
			[4, 'B'],
			[7, 'C']
		]);
	});

	it('does not depend on the order the assignments are listed in, and never gives two reviewers one name', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { selector: (n) => n, minLength: 1, maxLength: 60 }),
				fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }),
				(assignmentIds, reviewerIds) => {
					const rows = assignmentIds.map((id, i) => ({ reviewerId: reviewerIds[i % reviewerIds.length], firstAssignmentId: id }));
					const names = reviewerPseudonyms(rows);
					const shuffled = reviewerPseudonyms([...rows].reverse());
					expect([...shuffled].sort()).toEqual([...names].sort());
					expect(new Set(names.values()).size).toBe(names.size);
					expect(names.size).toBe(new Set(rows.map((r) => r.reviewerId)).size);
				}
			)
		);
	});
});

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
