import { describe, expect, it } from 'vitest';
import { currentBudget, moveProblem, needsApproval } from './budget-changes';

const plan = [
	{ item: '活动材料', budgetFen: 3_000_000 },
	{ item: '场地', budgetFen: 2_000_000 }
];

describe('budget changes', () => {
	it('moves money between lines and never changes the total', () => {
		const lines = currentBudget(plan, [
			{ fromLine: 0, toLine: 1, amountFen: 150_000 },
			{ fromLine: 1, toLine: 0, amountFen: 50_000 }
		]);
		expect(lines.map((l) => l.budgetFen)).toEqual([2_900_000, 2_100_000]);
		expect(lines.reduce((s, l) => s + l.budgetFen, 0)).toBe(5_000_000);
		// The plan itself is left as it was.
		expect(plan[0].budgetFen).toBe(3_000_000);
	});

	it('needs approval above 10 % of either line, not at exactly 10 %', () => {
		// 10 % of 场地 (¥20,000) is ¥2,000: exactly that is in force at once, a fen more is not.
		expect(needsApproval(plan, { fromLine: 0, toLine: 1, amountFen: 200_000 })).toBe(false);
		expect(needsApproval(plan, { fromLine: 0, toLine: 1, amountFen: 200_001 })).toBe(true);
		// Growing 活动材料 by ¥2,500 is under 10 % of it but over 10 % of the line it leaves.
		expect(needsApproval(plan, { fromLine: 1, toLine: 0, amountFen: 250_000 })).toBe(true);
		expect(needsApproval([...plan, { item: '新增', budgetFen: 0 }], { fromLine: 0, toLine: 2, amountFen: 1 })).toBe(true);
	});

	it('refuses a move to the same line, off the plan, of nothing, or of more than the line has left', () => {
		expect(moveProblem(plan, { fromLine: 0, toLine: 0, amountFen: 100 })).toBe('sameLine');
		expect(moveProblem(plan, { fromLine: 0, toLine: 5, amountFen: 100 })).toBe('noLine');
		expect(moveProblem(plan, { fromLine: 0, toLine: 1, amountFen: 0 })).toBe('notPositive');
		expect(moveProblem(plan, { fromLine: 1, toLine: 0, amountFen: 2_000_001 })).toBe('overLine');
		expect(moveProblem(plan, { fromLine: 1, toLine: 0, amountFen: 2_000_000 })).toBeNull();
		// Money already asked for from the line, waiting for approval, is not there to move again.
		expect(moveProblem(plan, { fromLine: 1, toLine: 0, amountFen: 1_500_000 }, 600_000)).toBe('overLine');
	});
});
