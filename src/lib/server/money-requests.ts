/**
 * Money requests waiting for a second admin (four-eyes.ts files them): the list admins see, and
 * what a second admin does with one. An approval runs in one transaction: it locks the rows the
 * move's rules hang on (the project, or the round and the fund) and then the request, re-runs every
 * rule of the move (payment within the award and the tranche, fund never below zero, commitments
 * within allocations) and writes the ledger entry naming both admins. Whoever asked can never
 * approve it, only withdraw it; another admin may refuse it with a reason. A decided request is
 * never decided again, so two approvals at once pay once.
 */
import type { DB } from './db';
import { lockRows, writeTransaction } from './db';
import { audit } from './audit';
import { notFound, ok, refuse, type Outcome } from './outcome';
import { paymentIn, reversalIn } from './grants';
import { appendAllocation, fundReversalIn } from './funds';
import type { MoneyControl, MoneyMove } from './four-eyes';
import type { MoneyRequestTable } from './schema/funds';
import type { MoneyRequestStatus, MoneyRequestView } from '../domain/money-requests';

export type { MoneyRequestView };
import type { Selectable } from 'kysely';

type RequestRow = Selectable<MoneyRequestTable>;

/** Locks what the move's rules hang on, in the order the move itself locks them. */
async function lockTarget(trx: DB, r: RequestRow): Promise<void> {
	if (r.proposal_id !== null) await lockRows(trx, 'proposals', [r.proposal_id]);
	if (r.round_id !== null && r.fund_id !== null) await lockRows(trx, 'rounds', [r.round_id]);
	if (r.fund_id !== null) await lockRows(trx, 'funds', [r.fund_id]);
}

/** The move the request asks for, under the approval's control: every rule again, then the entry. */
function applyRequest(trx: DB, r: RequestRow, control: MoneyControl, now: Date): Promise<Outcome<MoneyMove>> {
	const actorId = r.requested_by;
	if (r.kind === 'payment') {
		return paymentIn(
			trx,
			{ proposalId: r.proposal_id!, roundId: r.round_id!, trancheId: r.tranche_id!, amountFen: Number(r.amount_fen), paidOn: r.occurred_on!, reference: r.reference, actorId },
			now,
			control
		);
	}
	if (r.kind === 'reversal') return reversalIn(trx, { proposalId: r.proposal_id!, roundId: r.round_id!, entryId: r.entry_id!, reason: r.reason ?? '', actorId }, now, control);
	if (r.kind === 'allocation') {
		return appendAllocation(
			trx,
			{ fundId: r.fund_id!, roundId: r.round_id!, amountFen: Number(r.amount_fen), allocatedOn: r.occurred_on!, reason: r.reason, actorId },
			now,
			control
		);
	}
	return fundReversalIn(trx, { fundId: r.fund_id!, entryId: r.entry_id!, reason: r.reason ?? '', actorId }, now, control);
}

/** Reads the request locked (after its target), pending, or the refusal to give. */
async function pendingRequest(trx: DB, requestId: number): Promise<Outcome<RequestRow>> {
	const first = await trx.selectFrom('money_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
	if (!first) return notFound();
	await lockTarget(trx, first);
	const r = await trx.selectFrom('money_requests').selectAll().where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow();
	if (r.status !== 'pending') return refuse('approvals.err.decided', undefined, 409);
	return ok(r);
}

async function decide(
	trx: DB,
	r: RequestRow,
	input: { status: Exclude<MoneyRequestStatus, 'pending'>; actorId: number; reason: string | null; entryId?: number | null },
	now: Date
): Promise<void> {
	await trx
		.updateTable('money_requests')
		.set({ status: input.status, decided_by: input.actorId, decided_at: now.toISOString(), decision_reason: input.reason, result_entry_id: input.entryId ?? null })
		.where('id', '=', r.id)
		.execute();
	const action = { approved: 'money.approve', refused: 'money.refuse', withdrawn: 'money.withdraw' }[input.status];
	await audit(trx, {
		actorId: input.actorId,
		action,
		entity: 'money_request',
		entityId: r.id,
		reason: input.reason,
		detail: { kind: r.kind, amountFen: Number(r.amount_fen), requestedBy: r.requested_by, entryId: input.entryId ?? undefined }
	});
}

/** A second admin approves: the move is made now, or refused by its rules (the request stays pending). Returns the entry's id. */
export async function approveRequest(db: DB, input: { requestId: number; actorId: number }, now = new Date()): Promise<Outcome<number>> {
	return writeTransaction(db, async (trx) => {
		const found = await pendingRequest(trx, input.requestId);
		if (!found.ok) return found;
		const r = found.value;
		if (r.requested_by === input.actorId) return refuse('approvals.err.own', undefined, 409);
		const moved = await applyRequest(trx, r, { requestId: r.id, approvedBy: input.actorId }, now);
		if (!moved.ok) return moved;
		const entryId = moved.value.entryId!;
		await decide(trx, r, { status: 'approved', actorId: input.actorId, reason: null, entryId }, now);
		return ok(entryId);
	});
}

/** Another admin refuses it, with a reason; nothing moves. */
export async function refuseRequest(db: DB, input: { requestId: number; actorId: number; reason: string }, now = new Date()): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		const found = await pendingRequest(trx, input.requestId);
		if (!found.ok) return found;
		if (found.value.requested_by === input.actorId) return refuse('approvals.err.ownRefuse', undefined, 409);
		await decide(trx, found.value, { status: 'refused', actorId: input.actorId, reason: input.reason }, now);
		return ok();
	});
}

/** Its requester takes it back; nothing moves. */
export async function withdrawRequest(db: DB, input: { requestId: number; actorId: number }, now = new Date()): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		const found = await pendingRequest(trx, input.requestId);
		if (!found.ok) return found;
		if (found.value.requested_by !== input.actorId) return refuse('approvals.err.notYours', undefined, 409);
		await decide(trx, found.value, { status: 'withdrawn', actorId: input.actorId, reason: null }, now);
		return ok();
	});
}


/** Requests, newest first: pending ones (for a project or a fund, or all), or the latest decided. */
export async function moneyRequests(db: DB, filter: { status: 'pending' | 'decided'; proposalId?: number; fundId?: number; limit?: number }): Promise<MoneyRequestView[]> {
	let query = db
		.selectFrom('money_requests as r')
		.innerJoin('users as requester', 'requester.id', 'r.requested_by')
		.leftJoin('users as decider', 'decider.id', 'r.decided_by')
		.leftJoin('rounds', 'rounds.id', 'r.round_id')
		.leftJoin('proposals', 'proposals.id', 'r.proposal_id')
		.leftJoin('funds', 'funds.id', 'r.fund_id')
		.select([
			'r.id',
			'r.kind',
			'r.status',
			'r.amount_fen',
			'r.round_id',
			'rounds.title as round',
			'r.proposal_id',
			'proposals.title as project',
			'r.fund_id',
			'funds.name as fund',
			'r.entry_id',
			'r.entry_kind',
			'r.occurred_on',
			'r.reference',
			'r.reason',
			'r.requested_by',
			'requester.name as requester',
			'r.requested_at',
			'decider.name as decider',
			'r.decided_at',
			'r.decision_reason'
		])
		.where('r.status', filter.status === 'pending' ? '=' : '!=', 'pending');
	if (filter.proposalId !== undefined) query = query.where('r.proposal_id', '=', filter.proposalId);
	if (filter.fundId !== undefined) query = query.where('r.fund_id', '=', filter.fundId);
	const rows = await query.orderBy('r.id', 'desc').limit(filter.limit ?? 200).execute();
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		status: r.status,
		amountFen: Number(r.amount_fen),
		roundId: r.round_id,
		round: r.round,
		proposalId: r.proposal_id,
		project: r.project,
		fundId: r.fund_id,
		fund: r.fund,
		entryId: r.entry_id,
		entryKind: r.entry_kind,
		occurredOn: r.occurred_on,
		reference: r.reference,
		reason: r.reason,
		requestedBy: r.requested_by,
		requester: r.requester,
		requestedAt: r.requested_at,
		decider: r.decider,
		decidedAt: r.decided_at,
		decisionReason: r.decision_reason
	}));
}
