import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paymentRefusal, projectMoney, returnRefusal, type MoneyEntry } from './ledger';

const award = fc.integer({ min: 1, max: 100_000_000_00 });

describe('projectMoney', () => {
	it('adds up entries by kind and takes reversals back', () => {
		const entries: MoneyEntry[] = [
			{ id: 1, kind: 'commitment', amountFen: 5_000_000, reversesId: null },
			{ id: 2, kind: 'payment', amountFen: 2_500_000, reversesId: null },
			{ id: 3, kind: 'payment', amountFen: 1_500_000, reversesId: null },
			{ id: 4, kind: 'payment', amountFen: 1_500_000, reversesId: 3 },
			{ id: 5, kind: 'return', amountFen: 300_000, reversesId: null }
		];
		expect(projectMoney(entries)).toEqual({ committedFen: 5_000_000, paidFen: 2_500_000, returnedFen: 300_000, remainingFen: 2_500_000 });
	});

	it('never pays more than the award, whatever payments are tried in whatever order', () => {
		fc.assert(
			fc.property(award, fc.array(fc.integer({ min: -10, max: 100_000_000_00 }), { maxLength: 30 }), (awardFen, tries) => {
				const entries: MoneyEntry[] = [{ id: 1, kind: 'commitment', amountFen: awardFen, reversesId: null }];
				for (const amountFen of tries) {
					if (paymentRefusal(projectMoney(entries), amountFen) === null) {
						entries.push({ id: entries.length + 1, kind: 'payment', amountFen, reversesId: null });
					}
				}
				const money = projectMoney(entries);
				expect(money.paidFen).toBeLessThanOrEqual(awardFen);
				expect(money.remainingFen).toBe(awardFen - money.paidFen);
				expect(money.remainingFen).toBeGreaterThanOrEqual(0);
			})
		);
	});

	it('a reversing entry leaves the totals as if the reversed entry had never been', () => {
		fc.assert(
			fc.property(
				award,
				fc.array(fc.record({ kind: fc.constantFrom('payment' as const, 'return' as const), amountFen: fc.integer({ min: 1, max: 1_000_000 }) }), {
					minLength: 1,
					maxLength: 12
				}),
				fc.nat(),
				(awardFen, moves, pick) => {
					const entries: MoneyEntry[] = [
						{ id: 1, kind: 'commitment', amountFen: awardFen, reversesId: null },
						...moves.map((m, i) => ({ id: i + 2, ...m, reversesId: null }))
					];
					const reversed = entries[1 + (pick % moves.length)];
					const withReversal = [...entries, { id: 999, kind: reversed.kind, amountFen: reversed.amountFen, reversesId: reversed.id }];
					expect(projectMoney(withReversal)).toEqual(projectMoney(entries.filter((e) => e !== reversed)));
				}
			)
		);
	});

	it('refuses a payment beyond the award, a zero one and a return beyond what was paid', () => {
		const money = { committedFen: 1000, paidFen: 600, returnedFen: 0, remainingFen: 400 };
		expect(paymentRefusal(money, 400)).toBeNull();
		expect(paymentRefusal(money, 401)).toBe('overAward');
		expect(paymentRefusal(money, 0)).toBe('amount');
		expect(returnRefusal(money, 600)).toBeNull();
		expect(returnRefusal(money, 601)).toBe('overPaid');
	});
});
