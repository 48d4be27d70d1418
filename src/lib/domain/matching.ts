/**
 * Matching realised (配套落实), as pure rules: a project's matching is cash plus volunteer hours
 * (时间银行) valued at its round's rate for one hour. Memo entries record what was pledged (the
 * proposal, at signing) and what was delivered (the accepted final report); they move no fen and
 * no balance counts them: they sit beside the money.
 */

export type MatchingKind = 'pledged' | 'delivered';

export interface MatchingAmounts {
	cashFen: number;
	volunteerHours: number;
	/** Cash plus the hours at the round's rate. */
	valueFen: number;
}

export interface MatchingMemo extends MatchingAmounts {
	kind: MatchingKind;
	hourRateFen: number;
}

/** What cash and hours are worth together at `hourRateFen` a volunteer hour. */
export function matchingValueFen(cashFen: number, volunteerHours: number, hourRateFen: number): number {
	return cashFen + volunteerHours * hourRateFen;
}

/** Pledged and delivered, summed over memos. */
export function matchingTotals(memos: readonly Pick<MatchingMemo, 'kind' | 'cashFen' | 'volunteerHours' | 'valueFen'>[]): Record<MatchingKind, MatchingAmounts> {
	const zero = (): MatchingAmounts => ({ cashFen: 0, volunteerHours: 0, valueFen: 0 });
	const out = { pledged: zero(), delivered: zero() };
	for (const m of memos) {
		out[m.kind].cashFen += m.cashFen;
		out[m.kind].volunteerHours += m.volunteerHours;
		out[m.kind].valueFen += m.valueFen;
	}
	return out;
}
