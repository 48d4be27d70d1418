/**
 * Four eyes on money (双人复核): a payment, an allocation or a reversal above the federation's
 * threshold is not written to the ledger when an admin asks for it; it is filed as a pending
 * money request, and only a second admin's approval writes the entry (money-requests.ts).
 *
 * What this module holds is what the ledger's writers (grants.ts, funds.ts) need for that, and
 * nothing that imports them: the threshold, how a writer is told to file instead of write (or that
 * it writes an approved request), and what pending requests already hold. A pending request counts
 * against what else may be paid or allocated, as if it were paid: two pending payments can never
 * together exceed the award, nor two pending allocations the fund's balance. Requests that would
 * give money back (a pending reversal of an allocation, say) do not make room until approved.
 */
import type { DB } from './db';
import { audit } from './audit';
import { getSetting, putSetting } from './privacy';
import type { MoneyRequestKind } from './schema/funds';
import type { EntryKind } from '../domain/ledger';

export const FOUR_EYES_KEY = 'four_eyes_threshold_fen';
/** ¥10,000: above it a move of money waits for a second admin. */
export const DEFAULT_FOUR_EYES_FEN = 1_000_000;

/** The federation's threshold in fen: moves of more than this wait for a second admin. */
export async function fourEyesThreshold(db: DB): Promise<number> {
	const value = Number(await getSetting(db, FOUR_EYES_KEY));
	return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_FOUR_EYES_FEN;
}

export async function setFourEyesThreshold(db: DB, input: { thresholdFen: number; actorId: number }): Promise<void> {
	await putSetting(db, { key: FOUR_EYES_KEY, value: String(input.thresholdFen), actorId: input.actorId });
}

/**
 * How a ledger writer is called: by an admin's form, with the threshold above which it files a
 * request instead of writing; or by the approval of request `requestId`, with the second admin.
 * Without one (seeds, imports, the tests' worlds) it writes at once.
 */
export type MoneyControl = { thresholdFen: number } | { requestId: number; approvedBy: number };

/** What a writer did: wrote an entry, or filed a request for a second admin. */
export type MoneyMove = { entryId: number; requestId: null } | { entryId: null; requestId: number };

/** The admin-form control: the current threshold. */
export async function formControl(db: DB): Promise<MoneyControl> {
	return { thresholdFen: await fourEyesThreshold(db) };
}

/** Whether a move of `amountFen` under `control` must wait for a second admin. */
export function needsSecondAdmin(control: MoneyControl | undefined, amountFen: number): boolean {
	return !!control && 'thresholdFen' in control && amountFen > control.thresholdFen;
}

/** The request being approved (its own amount is not "pending" against itself), else null. */
export function approving(control: MoneyControl | undefined): number | null {
	return control && 'requestId' in control ? control.requestId : null;
}

/** The approver to record on the entry, else null. */
export function approverOf(control: MoneyControl | undefined): number | null {
	return control && 'approvedBy' in control ? control.approvedBy : null;
}

export interface PendingFilter {
	kind: MoneyRequestKind;
	proposalId?: number;
	trancheId?: number;
	fundId?: number;
	roundId?: number;
	entryKind?: EntryKind;
	entryId?: number;
}

/** What pending requests matching `filter` hold, in fen, leaving out request `except`. */
export async function pendingFen(trx: DB, filter: PendingFilter, except: number | null): Promise<number> {
	let query = trx
		.selectFrom('money_requests')
		.select(['id', 'amount_fen'])
		.where('status', '=', 'pending')
		.where('kind', '=', filter.kind);
	if (filter.proposalId !== undefined) query = query.where('proposal_id', '=', filter.proposalId);
	if (filter.trancheId !== undefined) query = query.where('tranche_id', '=', filter.trancheId);
	if (filter.fundId !== undefined) query = query.where('fund_id', '=', filter.fundId);
	if (filter.roundId !== undefined) query = query.where('round_id', '=', filter.roundId);
	if (filter.entryKind !== undefined) query = query.where('entry_kind', '=', filter.entryKind);
	if (filter.entryId !== undefined) query = query.where('entry_id', '=', filter.entryId);
	const rows = await query.execute();
	return rows.filter((r) => r.id !== except).reduce((sum, r) => sum + Number(r.amount_fen), 0);
}

/** Whether another request to reverse `entryId` is pending: one reversal of an entry at a time. */
export async function reversalPending(trx: DB, kind: 'reversal' | 'fund_reversal', entryId: number, except: number | null): Promise<boolean> {
	const rows = await trx.selectFrom('money_requests').select('id').where('status', '=', 'pending').where('kind', '=', kind).where('entry_id', '=', entryId).execute();
	return rows.some((r) => r.id !== except);
}

/** What pending requests will take out of a fund: allocations from it and reversals of its incomes. */
export async function pendingOutOfFund(trx: DB, fundId: number, except: number | null): Promise<number> {
	return (
		(await pendingFen(trx, { kind: 'allocation', fundId }, except)) +
		(await pendingFen(trx, { kind: 'fund_reversal', fundId, entryKind: 'income' }, except))
	);
}

export interface NewRequest {
	kind: MoneyRequestKind;
	amountFen: number;
	roundId?: number | null;
	proposalId?: number | null;
	trancheId?: number | null;
	fundId?: number | null;
	entryId?: number | null;
	entryKind?: EntryKind | null;
	occurredOn?: string | null;
	reference?: string;
	reason?: string | null;
	requestedBy: number;
}

/**
 * Files a request for a second admin, in the writer's transaction after every rule passed (so a
 * request that could not be paid is refused at once, not on approval); audited.
 */
export async function fileRequest(trx: DB, request: NewRequest, now = new Date()): Promise<MoneyMove> {
	const row = await trx
		.insertInto('money_requests')
		.values({
			kind: request.kind,
			amount_fen: request.amountFen,
			round_id: request.roundId ?? null,
			proposal_id: request.proposalId ?? null,
			tranche_id: request.trancheId ?? null,
			fund_id: request.fundId ?? null,
			entry_id: request.entryId ?? null,
			entry_kind: request.entryKind ?? null,
			occurred_on: request.occurredOn ?? null,
			reference: request.reference ?? '',
			reason: request.reason ?? null,
			requested_by: request.requestedBy,
			requested_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await audit(trx, {
		actorId: request.requestedBy,
		action: 'money.request',
		entity: 'money_request',
		entityId: row.id,
		reason: request.reason ?? null,
		detail: {
			kind: request.kind,
			amountFen: request.amountFen,
			proposalId: request.proposalId ?? undefined,
			fundId: request.fundId ?? undefined,
			roundId: request.roundId ?? undefined,
			entryId: request.entryId ?? undefined
		}
	});
	return { entryId: null, requestId: row.id };
}
