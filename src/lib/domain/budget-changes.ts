/**
 * Budget changes (预算调整) on a funded project: the station moves money from one budget line to
 * another. Pure rules: the current budget after the changes in force, whether a change fits,
 * and whether it needs an admin's approval. A move never changes the total, so the award stays.
 */

/** A move over this share of either line's current budget needs an admin's approval. */
export const APPROVAL_OVER_PERCENT = 10;

export type BudgetChangeStatus = 'applied' | 'pending' | 'approved' | 'refused';

/** The changes that are part of the budget: taken at once (small) or approved. */
export function inForce(status: BudgetChangeStatus): boolean {
	return status === 'applied' || status === 'approved';
}

export interface BudgetMove {
	fromLine: number;
	toLine: number;
	amountFen: number;
}

export interface PlannedLine {
	item: string;
	budgetFen: number;
}

/** The budget lines after the moves in force, in the plan's order. */
export function currentBudget<L extends PlannedLine>(plan: readonly L[], moves: readonly BudgetMove[]): L[] {
	const lines = plan.map((l) => ({ ...l }));
	for (const m of moves) {
		if (!lines[m.fromLine] || !lines[m.toLine]) continue;
		lines[m.fromLine].budgetFen -= m.amountFen;
		lines[m.toLine].budgetFen += m.amountFen;
	}
	return lines;
}

/**
 * Over 10 % of a line: of the line the money leaves or of the one it joins (a line that grows by
 * more than a tenth changes as much as one that shrinks by it). A line at 0 grows by any amount.
 */
export function needsApproval(lines: readonly PlannedLine[], move: BudgetMove): boolean {
	const over = (budgetFen: number) => move.amountFen * 100 > budgetFen * APPROVAL_OVER_PERCENT;
	return over(lines[move.fromLine].budgetFen) || over(lines[move.toLine].budgetFen);
}

export type BudgetChangeProblem = 'sameLine' | 'noLine' | 'notPositive' | 'overLine';

/**
 * Why a move cannot be made on these lines, or null when it can: two different lines of the plan,
 * a positive amount, no more than the line has left after the moves still waiting for approval.
 */
export function moveProblem(lines: readonly PlannedLine[], move: BudgetMove, pendingFromLineFen = 0): BudgetChangeProblem | null {
	if (!lines[move.fromLine] || !lines[move.toLine]) return 'noLine';
	if (move.fromLine === move.toLine) return 'sameLine';
	if (!Number.isSafeInteger(move.amountFen) || move.amountFen <= 0) return 'notPositive';
	if (move.amountFen > lines[move.fromLine].budgetFen - pendingFromLineFen) return 'overLine';
	return null;
}

/** A change as the pages show it (budget-changes.ts reads it). */
export interface BudgetChangeView {
	id: number;
	fromItem: string;
	toItem: string;
	amountFen: number;
	reason: string;
	status: BudgetChangeStatus;
	requestedAt: string;
	decidedAt: string | null;
	decisionComment: string | null;
}
