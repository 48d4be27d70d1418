/**
 * A proposal's budget and the round's rules for it, in integer fen. Pure: the editor runs it in
 * the browser for live totals and the server runs it again on every save.
 */

/** DOMAIN.md's budget categories, plus the two costs rounds ban by default. */
export const BUDGET_CATEGORIES = [
	'personnel',
	'activities',
	'materials',
	'publicity',
	'transport',
	'admin',
	'other',
	'fixed_assets',
	'cash_transfer'
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const DEFAULT_BANNED: readonly BudgetCategory[] = ['fixed_assets', 'cash_transfer'];

/** The largest quantity and unit price a line takes: keeps every product a safe integer. */
export const QUANTITY_MAX = 100_000;
export const UNIT_PRICE_MAX_FEN = 10_000_000_00; // ¥10,000,000
/** The most matching cash a proposal may pledge: ¥10,000,000, like a line's unit price. */
export const MATCHING_CASH_MAX_FEN = 10_000_000_00;

export interface BudgetLine {
	category: BudgetCategory;
	item: string;
	unit: string;
	quantity: number;
	unitPriceFen: number;
}

export interface ProposalRules {
	grantMinFen: number;
	grantMaxFen: number;
	/** Percent of the grant; whole numbers 0–100. */
	matchingMinPct: number;
	personnelMaxPct: number;
	adminMaxPct: number;
	bannedCategories: readonly string[];
	/** What one volunteer hour counts as towards matching funds. */
	volunteerHourFen: number;
}

export interface Funding {
	matchingCashFen: number;
	volunteerHours: number;
}

export function lineTotalFen(line: Pick<BudgetLine, 'quantity' | 'unitPriceFen'>): number {
	return line.quantity * line.unitPriceFen;
}

export interface BudgetTotals {
	/** The grant requested: what the budget lines add up to. */
	grantFen: number;
	byCategory: Partial<Record<BudgetCategory, number>>;
	volunteerValueFen: number;
	matchingFen: number;
}

export function budgetTotals(lines: readonly BudgetLine[], funding: Funding, volunteerHourFen: number): BudgetTotals {
	const byCategory: Partial<Record<BudgetCategory, number>> = {};
	let grantFen = 0;
	for (const line of lines) {
		const total = lineTotalFen(line);
		grantFen += total;
		byCategory[line.category] = (byCategory[line.category] ?? 0) + total;
	}
	const volunteerValueFen = funding.volunteerHours * volunteerHourFen;
	return { grantFen, byCategory, volunteerValueFen, matchingFen: funding.matchingCashFen + volunteerValueFen };
}

/**
 * `part` is at most `pct` percent of `whole`, compared in integers (part·100 ≤ pct·whole) so
 * that 30 % of ¥33,333.33 is neither rounded up nor down.
 */
export function withinShare(part: number, whole: number, pct: number): boolean {
	return part * 100 <= pct * whole;
}

/** The smallest amount that is at least `pct` percent of `whole`, rounded up to the fen. */
export function shareFen(whole: number, pct: number): number {
	return Math.ceil((whole * pct) / 100);
}

/** The largest amount that is at most `pct` percent of `whole`, rounded down to the fen. */
export function capFen(whole: number, pct: number): number {
	return Math.floor((whole * pct) / 100);
}

export type BudgetProblem =
	| { code: 'empty' }
	| { code: 'grantRange'; min: number; max: number; grant: number }
	| { code: 'personnelCap'; pct: number; capFen: number; actualFen: number }
	| { code: 'adminCap'; pct: number; capFen: number; actualFen: number }
	| { code: 'matching'; pct: number; neededFen: number; actualFen: number }
	| { code: 'banned'; category: string; line: number };

/** Every way the budget breaks the round's rules; empty when it complies. */
export function budgetProblems(lines: readonly BudgetLine[], funding: Funding, rules: ProposalRules): BudgetProblem[] {
	const problems: BudgetProblem[] = [];
	lines.forEach((line, i) => {
		if (rules.bannedCategories.includes(line.category)) {
			problems.push({ code: 'banned', category: line.category, line: i + 1 });
		}
	});
	if (lines.length === 0) {
		problems.push({ code: 'empty' });
		return problems;
	}
	const totals = budgetTotals(lines, funding, rules.volunteerHourFen);
	const grant = totals.grantFen;
	if (grant < rules.grantMinFen || grant > rules.grantMaxFen) {
		problems.push({ code: 'grantRange', min: rules.grantMinFen, max: rules.grantMaxFen, grant });
	}
	const personnel = totals.byCategory.personnel ?? 0;
	if (!withinShare(personnel, grant, rules.personnelMaxPct)) {
		problems.push({ code: 'personnelCap', pct: rules.personnelMaxPct, capFen: capFen(grant, rules.personnelMaxPct), actualFen: personnel });
	}
	const admin = totals.byCategory.admin ?? 0;
	if (!withinShare(admin, grant, rules.adminMaxPct)) {
		problems.push({ code: 'adminCap', pct: rules.adminMaxPct, capFen: capFen(grant, rules.adminMaxPct), actualFen: admin });
	}
	const needed = shareFen(grant, rules.matchingMinPct);
	if (totals.matchingFen < needed) {
		problems.push({ code: 'matching', pct: rules.matchingMinPct, neededFen: needed, actualFen: totals.matchingFen });
	}
	return problems;
}
