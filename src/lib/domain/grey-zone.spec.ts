import { describe, expect, it } from 'vitest';
import { greyZone, indistinguishable, type LineScore } from './grey-zone';

const row = (id: number, score: number, se: number | null, funded: boolean): LineScore => ({ id, score, se, funded });

describe('grey zone at the funding line', () => {
	it('holds the proposals near the line that the reviews cannot tell apart, as one stretch of the ranking', () => {
		const rows = [
			row(1, 9000, 150, true),
			row(2, 8200, 150, true),
			row(3, 8000, 150, true),
			row(4, 7900, 150, false),
			row(5, 7700, 150, false),
			row(6, 7000, 150, false)
		];
		// se 1.50 each: indistinguishable within 1.96 × √(1.5² + 1.5²) = 4.16 points: 2–4, 3–4 and 3–5; 1 and 6 are clear.
		const zone = greyZone(rows);
		expect(zone).toEqual({ ids: [2, 3, 4, 5], fromRank: 2, toRank: 5, pairs: 3, zHundredths: 196 });
	});

	it('is empty when the line separates clearly, and tests in integers exactly at the boundary', () => {
		expect(greyZone([row(1, 9000, 100, true), row(2, 7000, 100, false)]).ids).toEqual([]);
		// Δ = 196 hundredths, se 100 and 0: exactly 1.96 standard errors apart counts as indistinguishable.
		expect(indistinguishable(row(1, 8196, 100, true), row(2, 8000, 0, false))).toBe(true);
		expect(indistinguishable(row(1, 8197, 100, true), row(2, 8000, 0, false))).toBe(false);
		// Without standard errors only equal scores are indistinguishable.
		expect(indistinguishable(row(1, 8000, null, true), row(2, 8000, null, false))).toBe(true);
		expect(greyZone([]).ids).toEqual([]);
	});

	it('closes the zone over the ranking: a precise proposal between two uncertain ones is in it too', () => {
		const rows = [row(1, 8500, 400, true), row(2, 8300, 10, true), row(3, 8100, 10, false), row(4, 7800, 400, false)];
		// 2 and 3 are 2.00 apart with se 0.10: distinguishable; 1 and 4 are not, so 1–4 form the zone.
		expect(greyZone(rows).ids).toEqual([1, 2, 3, 4]);
	});
});
