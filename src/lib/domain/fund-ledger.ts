/**
 * The funds' side of the ledger, as pure rules: the kinds of fund and of income, account balances
 * as sums of entries, a round's totals that reconcile, and the refusals that keep a fund above zero
 * and a round's commitments within what was allocated to it. Amounts are integer fen, positive; a
 * reversal moves the same amount back between the same two accounts, under the same kind.
 */
import type { EntryKind } from './ledger';

export const FUND_KINDS = ['street', 'federation', 'government', 'sponsor'] as const;
/** 社区慈善基金 (a street's), 慈善会自有基金, 政府购买服务资金, 企业冠名 / 赞助. */
export type FundKind = (typeof FUND_KINDS)[number];

/**
 * Where an income came from: residents (个人), businesses (企业), a joint campaign (联合劝募, such
 * as 广益联募), government (政府购买服务), the federation's own money, other; and `opening`, money
 * held before the ledger began (the migration's and an install's opening balances).
 */
export const SOURCE_TYPES = ['resident', 'business', 'campaign', 'government', 'federation', 'other', 'opening'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const OUTSIDE = 'outside';
export const fundAccount = (fundId: number) => `fund:${fundId}`;

export interface Move {
	id: number;
	kind: EntryKind;
	from: string;
	to: string;
	amountFen: number;
	reversesId: number | null;
}

/** Every account's balance: what came in less what went out. The outside's is minus all the rest. */
export function balances(moves: readonly Move[]): Map<string, number> {
	const out = new Map<string, number>();
	for (const m of moves) {
		out.set(m.to, (out.get(m.to) ?? 0) + m.amountFen);
		out.set(m.from, (out.get(m.from) ?? 0) - m.amountFen);
	}
	return out;
}

/** Net amount of each kind: entries less the reversals of entries of that kind. */
export function netByKind(moves: readonly Move[]): Record<EntryKind, number> {
	const totals: Record<EntryKind, number> = { commitment: 0, payment: 0, return: 0, income: 0, allocation: 0 };
	for (const m of moves) totals[m.kind] += m.reversesId === null ? m.amountFen : -m.amountFen;
	return totals;
}

/**
 * A round's money, from its entries: each line of the disclosure, reconciling to the fen.
 * allocated = committed + uncommitted; committed = paid + toPay;
 * paid = spentAsReported + returned + unreported.
 * Spent as reported comes from the projects' final reports, which the portal does not hold yet:
 * until it does it is 0, and what was paid and not returned is "unreported".
 */
export interface RoundTotals {
	allocatedFen: number;
	committedFen: number;
	uncommittedFen: number;
	paidFen: number;
	toPayFen: number;
	spentAsReportedFen: number;
	returnedFen: number;
	unreportedFen: number;
	/** What the round's pool account holds: uncommitted money plus returns. */
	poolBalanceFen: number;
}

export function roundTotals(moves: readonly Move[], spentAsReportedFen = 0): RoundTotals {
	const net = netByKind(moves);
	return {
		allocatedFen: net.allocation,
		committedFen: net.commitment,
		uncommittedFen: net.allocation - net.commitment,
		paidFen: net.payment,
		toPayFen: net.commitment - net.payment,
		spentAsReportedFen,
		returnedFen: net.return,
		unreportedFen: net.payment - net.return - spentAsReportedFen,
		poolBalanceFen: net.allocation - net.commitment + net.return
	};
}

/** Whether the totals add up as the disclosure says they do. */
export function reconciles(t: RoundTotals): boolean {
	return (
		t.allocatedFen === t.committedFen + t.uncommittedFen &&
		t.committedFen === t.paidFen + t.toPayFen &&
		t.paidFen === t.spentAsReportedFen + t.returnedFen + t.unreportedFen
	);
}

export function isAmount(amountFen: number): boolean {
	return Number.isSafeInteger(amountFen) && amountFen > 0;
}

/** A fund never goes below zero: the shortfall of taking `amountFen` out of `balanceFen`, or 0. */
export function shortfall(balanceFen: number, amountFen: number): number {
	return Math.max(0, amountFen - balanceFen);
}

/**
 * How much more must be allocated for the round to commit `amountFen` more: its commitments
 * never exceed its allocations. 0 when it may.
 */
export function commitmentShortfall(t: Pick<RoundTotals, 'allocatedFen' | 'committedFen'>, amountFen: number): number {
	return Math.max(0, t.committedFen + amountFen - t.allocatedFen);
}

/** The name the public sees for a donor: theirs only with their consent. */
export function publicDonor(name: string | null, consent: boolean): string | null {
	return consent && name ? name : null;
}

/** YYYY-MM of a day. */
export function monthOf(day: string): string {
	return day.slice(0, 7);
}
