import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_TRANCHE_PERCENTS, planRefusal, progressPercent, reportDueDates, splitByPercents, timeline } from './project-lifecycle';

describe('tranche plan', () => {
	it('splits ¥50,000 as 50/30/20', () => {
		expect(splitByPercents(5_000_000, DEFAULT_TRANCHE_PERCENTS)).toEqual([2_500_000, 1_500_000, 1_000_000]);
	});

	it('gives the odd fen to the first tranches', () => {
		expect(splitByPercents(1001, [50, 30, 20])).toEqual([501, 300, 200]);
		expect(splitByPercents(7, [34, 33, 33])).toEqual([3, 2, 2]);
		expect(splitByPercents(9, [10, 10, 80])).toEqual([1, 1, 7]);
	});

	it('tranches add up to the award exactly, each within a fen of its share', () => {
		const percents = fc
			.tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 }))
			.filter(([a, b]) => a + b < 100)
			.map(([a, b]) => [a, b, 100 - a - b]);
		fc.assert(
			fc.property(fc.integer({ min: 100, max: 100_000_000_00 }), percents, (awardFen, ps) => {
				const amounts = splitByPercents(awardFen, ps)!;
				expect(amounts.reduce((a, b) => a + b, 0)).toBe(awardFen);
				amounts.forEach((a, i) => expect(Math.abs(a - (awardFen * ps[i]) / 100)).toBeLessThan(1));
				expect(planRefusal(awardFen, amounts)).toBeNull();
			})
		);
	});

	it('refuses percents not adding up to 100, and plans not adding up to the award', () => {
		expect(splitByPercents(1000, [50, 30, 30])).toBeNull();
		expect(splitByPercents(1000, [50, 50, 0])).toBeNull();
		expect(planRefusal(1000, [500, 499])).toBe('sum');
		expect(planRefusal(1000, [1000, 0])).toBe('amount');
		expect(planRefusal(1000, [])).toBe('count');
	});
});

describe('stage and timeline', () => {
	it('orders milestones and counts progress in whole percent', () => {
		const t = timeline({
			confirmedAt: '2026-02-01T02:00:00.000Z',
			signedOn: '2026-03-01',
			payments: [
				{ on: '2026-09-01', position: 2, amountFen: 300 },
				{ on: '2026-03-05', position: 1, amountFen: 500 }
			],
			closing: { on: '2026-12-20', outcome: 'completed' }
		});
		expect(t.map((m) => m.kind)).toEqual(['confirmed', 'signed', 'paid', 'paid', 'closed']);
		expect(t[2].position).toBe(1);
		expect(progressPercent(800, 1000)).toBe(80);
		expect(progressPercent(1, 3)).toBe(33);
	});
});

describe('report due dates', () => {
	it('puts the mid-term report halfway through implementation and the final one at the round’s close', () => {
		expect(reportDueDates('2026-03-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z')).toEqual({
			midterm_report: '2026-07-31T12:00:00.000Z',
			final_report: '2026-12-31T00:00:00.000Z'
		});
	});
});
