import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { budgetProblems, budgetTotals, capFen, lineTotalFen, shareFen, withinShare, type BudgetLine, type ProposalRules } from './budget';
import { yuanToFen } from './money';

const rules: ProposalRules = {
	grantMinFen: 500_000,
	grantMaxFen: 5_000_000,
	matchingMinPct: 10,
	personnelMaxPct: 30,
	adminMaxPct: 10,
	bannedCategories: ['fixed_assets', 'cash_transfer'],
	volunteerHourFen: 2_000
};

const line = (category: BudgetLine['category'], quantity: number, price: string): BudgetLine => ({
	category,
	item: '项目',
	unit: '次',
	quantity,
	unitPriceFen: yuanToFen(price)!
});

describe('budget arithmetic in fen', () => {
	it('multiplies ¥33.33 × 3 to exactly ¥99.99 and adds ¥0.10 + ¥0.20 to exactly ¥0.30', () => {
		expect(lineTotalFen(line('materials', 3, '33.33'))).toBe(9_999);
		const totals = budgetTotals([line('materials', 1, '0.10'), line('materials', 1, '0.20')], { matchingCashFen: 0, volunteerHours: 0 }, 2_000);
		expect(totals.grantFen).toBe(30);
		expect(0.1 + 0.2).not.toBe(0.3); // what floats would have done
	});

	it('totals by category and values volunteer hours at the round’s rate', () => {
		const totals = budgetTotals(
			[line('personnel', 2, '3000'), line('activities', 10, '1500.50'), line('personnel', 1, '0.01')],
			{ matchingCashFen: 100_000, volunteerHours: 120 },
			2_500
		);
		expect(totals.byCategory).toEqual({ personnel: 600_001, activities: 1_500_500 });
		expect(totals.grantFen).toBe(2_100_501);
		expect(totals.volunteerValueFen).toBe(300_000);
		expect(totals.matchingFen).toBe(400_000);
	});

	it('sums any lines exactly (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 1000 }), cents: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 40 }),
				(rows) => {
					const lines = rows.map((r) => ({ ...line('activities', r.quantity, '0'), unitPriceFen: r.cents }));
					const total = budgetTotals(lines, { matchingCashFen: 0, volunteerHours: 0 }, 0).grantFen;
					expect(Number.isInteger(total)).toBe(true);
					expect(BigInt(total)).toBe(rows.reduce((s, r) => s + BigInt(r.quantity) * BigInt(r.cents), 0n));
				}
			)
		);
	});

	it('compares shares without rounding: 30 % of ¥100.01 allows ¥30.00 but not ¥30.01', () => {
		expect(withinShare(3_000, 10_001, 30)).toBe(true);
		expect(withinShare(3_001, 10_001, 30)).toBe(false);
		expect(capFen(10_001, 30)).toBe(3_000);
		expect(shareFen(10_001, 10)).toBe(1_001); // 10 % is ¥10.001: matching must reach ¥10.01
	});
});

describe('the round’s budget rules', () => {
	const funding = { matchingCashFen: 300_000, volunteerHours: 0 };
	const good = [line('personnel', 1, '9000'), line('activities', 1, '18000'), line('admin', 1, '3000')];

	it('accepts a budget within every rule', () => {
		expect(budgetProblems(good, funding, rules)).toEqual([]);
	});

	it('refuses an empty budget', () => {
		expect(budgetProblems([], funding, rules)).toEqual([{ code: 'empty' }]);
	});

	it('holds the grant between the round’s minimum and maximum, edges included', () => {
		expect(budgetProblems([line('activities', 1, '4999.99')], funding, rules)).toContainEqual(expect.objectContaining({ code: 'grantRange', grant: 499_999 }));
		expect(budgetProblems([line('activities', 1, '5000')], funding, rules)).toEqual([]);
		expect(budgetProblems([line('activities', 1, '50000')], { matchingCashFen: 500_000, volunteerHours: 0 }, rules)).toEqual([]);
		expect(budgetProblems([line('activities', 1, '50000.01')], { matchingCashFen: 600_000, volunteerHours: 0 }, rules)).toEqual([
			{ code: 'grantRange', min: 500_000, max: 5_000_000, grant: 5_000_001 }
		]);
	});

	it('caps personnel at 30 % and admin at 10 % of the grant', () => {
		const lines = [line('personnel', 1, '9000.01'), line('activities', 1, '17999.99'), line('admin', 1, '3000')];
		expect(budgetProblems(lines, funding, rules)).toEqual([{ code: 'personnelCap', pct: 30, capFen: 900_000, actualFen: 900_001 }]);
		const admin = [line('activities', 1, '26999.99'), line('admin', 1, '3000.01')];
		expect(budgetProblems(admin, funding, rules)).toEqual([{ code: 'adminCap', pct: 10, capFen: 300_000, actualFen: 300_001 }]);
	});

	it('needs matching funds of at least 10 %, counting volunteer hours at the rate', () => {
		expect(budgetProblems(good, { matchingCashFen: 299_999, volunteerHours: 0 }, rules)).toEqual([
			{ code: 'matching', pct: 10, neededFen: 300_000, actualFen: 299_999 }
		]);
		// ¥2,000 cash + 50 h × ¥20 = ¥3,000
		expect(budgetProblems(good, { matchingCashFen: 200_000, volunteerHours: 50 }, rules)).toEqual([]);
	});

	it('refuses banned categories, naming the line', () => {
		const lines = [...good, line('fixed_assets', 1, '0.01')];
		expect(budgetProblems(lines, { matchingCashFen: 400_000, volunteerHours: 0 }, rules)).toEqual([
			{ code: 'banned', category: 'fixed_assets', line: 4 }
		]);
		expect(budgetProblems(lines, { matchingCashFen: 400_000, volunteerHours: 0 }, { ...rules, bannedCategories: [] })).toEqual([]);
	});
});
