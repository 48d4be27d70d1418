/**
 * A project's money, from its ledger entries alone: what was committed (the award), paid out,
 * returned, and what may still be paid. Pure: the server reads the entries, this adds them up.
 * Amounts are integer fen; an entry's amount is positive and a reversal cancels the entry it names.
 */

/**
 * What moved: a commitment (round pool → project), a payment (project → outside), a return
 * (outside → round pool); and for the funds, an income (outside → fund: a donation or other money
 * received) and an allocation (fund → round pool).
 */
export type EntryKind = 'commitment' | 'payment' | 'return' | 'income' | 'allocation';

export interface MoneyEntry {
	id: number;
	kind: EntryKind;
	amountFen: number;
	/** The entry this one reverses; null for an ordinary entry. */
	reversesId: number | null;
}

export interface ProjectMoney {
	/** The award committed from the round's pool. */
	committedFen: number;
	paidFen: number;
	returnedFen: number;
	/** What may still be paid: committed less paid (never below 0 in a ledger the rules wrote). */
	remainingFen: number;
}

/** Sums a project's entries by kind, each reversal taking back the entry it reverses. */
export function projectMoney(entries: readonly MoneyEntry[]): ProjectMoney {
	const byId = new Map(entries.map((e) => [e.id, e]));
	const totals: Record<EntryKind, number> = { commitment: 0, payment: 0, return: 0, income: 0, allocation: 0 };
	for (const e of entries) {
		if (e.reversesId === null) totals[e.kind] += e.amountFen;
		else totals[byId.get(e.reversesId)?.kind ?? e.kind] -= e.amountFen;
	}
	return {
		committedFen: totals.commitment,
		paidFen: totals.payment,
		returnedFen: totals.return,
		remainingFen: totals.commitment - totals.payment
	};
}

/** Why a payment of `amountFen` may not be made; null when it may. */
export function paymentRefusal(money: ProjectMoney, amountFen: number): 'amount' | 'overAward' | null {
	if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return 'amount';
	if (money.paidFen + amountFen > money.committedFen) return 'overAward';
	return null;
}

/** Why a return of `amountFen` may not be recorded: more than was paid out and not yet returned. */
export function returnRefusal(money: ProjectMoney, amountFen: number): 'amount' | 'overPaid' | null {
	if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return 'amount';
	if (money.returnedFen + amountFen > money.paidFen) return 'overPaid';
	return null;
}
