/**
 * Four eyes on money (双人复核): the words the pages and the server share about a money request.
 * Pure types: the rules live in server/four-eyes.ts and server/money-requests.ts.
 */

export type MoneyRequestKind = 'payment' | 'reversal' | 'allocation' | 'fund_reversal';
export type MoneyRequestStatus = 'pending' | 'approved' | 'refused' | 'withdrawn';

/** A money request as the pages show it. */
export interface MoneyRequestView {
	id: number;
	kind: MoneyRequestKind;
	status: MoneyRequestStatus;
	amountFen: number;
	/** Where the money moves: the project (with its round) or the fund (with the round it goes to). */
	roundId: number | null;
	round: string | null;
	proposalId: number | null;
	project: string | null;
	fundId: number | null;
	fund: string | null;
	entryId: number | null;
	entryKind: string | null;
	occurredOn: string | null;
	reference: string;
	reason: string | null;
	requestedBy: number;
	requester: string;
	requestedAt: string;
	decider: string | null;
	decidedAt: string | null;
	decisionReason: string | null;
}
