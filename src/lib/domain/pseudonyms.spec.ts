import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pseudonymLabel, reviewerPseudonyms } from './pseudonyms';

describe('reviewer pseudonyms', () => {
	it('labels A…Z, then AA, AB…', () => {
		expect([0, 1, 25, 26, 27, 51, 52].map(pseudonymLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
	});

	it('gives each reviewer one label per round whatever the order, and other labels in another round', () => {
		const ids = [11, 12, 13, 14, 15, 16, 17, 18];
		const a = reviewerPseudonyms('round-salt-1', ids);
		expect(reviewerPseudonyms('round-salt-1', [...ids].reverse().concat(ids))).toEqual(a);
		expect(new Set(a.values()).size).toBe(8);
		expect([...a.values()].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
		const b = reviewerPseudonyms('round-salt-2', ids);
		expect(ids.some((id) => a.get(id) !== b.get(id))).toBe(true);
		// Not the order of the ids: that would tell who was invited first.
		expect(ids.map((id) => a.get(id)).join('')).not.toBe('ABCDEFGH');
	});

	it('does not depend on the order the reviewers are listed in, and never gives two reviewers one name', () => {
		fc.assert(
			fc.property(fc.string(), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 80 }), (salt, ids) => {
				const names = reviewerPseudonyms(salt, ids);
				expect(reviewerPseudonyms(salt, [...ids].reverse())).toEqual(names);
				expect(new Set(names.values()).size).toBe(names.size);
				expect(names.size).toBe(new Set(ids).size);
				expect([...names.values()].sort((a, b) => a.length - b.length || a.localeCompare(b))).toEqual([...names.values()].map((_, i) => pseudonymLabel(i)));
			})
		);
	});
});
