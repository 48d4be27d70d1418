import type { DB } from './db';
import { projectMoney, type EntryKind, type MoneyEntry, type ProjectMoney } from '../domain/ledger';

/**
 * The ledger: the only place money moves are stored. Each entry moves a positive amount in fen
 * between two accounts (a round's pool, a project, the outside world) and is never changed or
 * deleted (the database refuses both); a mistake is corrected by a reversing entry that names
 * the entry it takes back. Balances and totals are sums of entries.
 *
 * Writers call these inside their own transaction, after locking the row their rule hangs on
 * (the project's proposal for its payments), so a check and the entry it allows go together.
 */

export const OUTSIDE = 'outside';
export const roundAccount = (roundId: number) => `round:${roundId}`;
export const projectAccount = (proposalId: number) => `project:${proposalId}`;

/** The kinds of entry that belong to a project of a round (funds' entries: see funds.ts). */
export type ProjectEntryKind = Extract<EntryKind, 'commitment' | 'payment' | 'return'>;

/** Where each kind of entry moves money, for a project of a round. */
function accountsOf(kind: ProjectEntryKind, roundId: number, proposalId: number): { from: string; to: string } {
	if (kind === 'commitment') return { from: roundAccount(roundId), to: projectAccount(proposalId) };
	if (kind === 'payment') return { from: projectAccount(proposalId), to: OUTSIDE };
	return { from: OUTSIDE, to: roundAccount(roundId) };
}

export interface NewEntry {
	kind: ProjectEntryKind;
	roundId: number;
	proposalId: number;
	trancheId?: number | null;
	amountFen: number;
	/** The day the money moved, YYYY-MM-DD in the round's time zone. */
	occurredOn: string;
	reference?: string;
	reason?: string | null;
	actorId: number | null;
	/** The second admin who approved it (four eyes), when it needed one. */
	approvedBy?: number | null;
}

/** Appends one entry; returns its id. */
export async function appendEntry(trx: DB, entry: NewEntry, now = new Date()): Promise<number> {
	const { from, to } = accountsOf(entry.kind, entry.roundId, entry.proposalId);
	const row = await trx
		.insertInto('ledger_entries')
		.values({
			kind: entry.kind,
			from_account: from,
			to_account: to,
			amount_fen: entry.amountFen,
			round_id: entry.roundId,
			proposal_id: entry.proposalId,
			tranche_id: entry.trancheId ?? null,
			reverses_id: null,
			occurred_on: entry.occurredOn,
			reference: entry.reference ?? '',
			reason: entry.reason ?? null,
			actor_id: entry.actorId,
			approved_by: entry.approvedBy ?? null,
			created_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export interface LedgerRow {
	id: number;
	kind: EntryKind;
	amountFen: number;
	trancheId: number | null;
	reversesId: number | null;
	occurredOn: string;
	reference: string;
	reason: string | null;
	createdAt: string;
	/** Whether a later entry reverses this one. */
	reversed: boolean;
}

/** A project's entries, oldest first. */
export async function projectEntries(db: DB, proposalId: number): Promise<LedgerRow[]> {
	const rows = await db
		.selectFrom('ledger_entries')
		.select(['id', 'kind', 'amount_fen', 'tranche_id', 'reverses_id', 'occurred_on', 'reference', 'reason', 'created_at'])
		.where('proposal_id', '=', proposalId)
		.orderBy('id')
		.execute();
	const reversed = new Set(rows.map((r) => r.reverses_id).filter((id) => id !== null));
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		amountFen: Number(r.amount_fen),
		trancheId: r.tranche_id,
		reversesId: r.reverses_id,
		occurredOn: r.occurred_on,
		reference: r.reference,
		reason: r.reason,
		createdAt: r.created_at,
		reversed: reversed.has(r.id)
	}));
}

/** A project's totals from its entries. */
export function moneyOf(entries: readonly LedgerRow[]): ProjectMoney {
	return projectMoney(entries.map((e): MoneyEntry => ({ id: e.id, kind: e.kind, amountFen: e.amountFen, reversesId: e.reversesId })));
}

/**
 * Appends the entry that takes back `entry` (same kind, accounts swapped, same amount), with the
 * reason; the caller checked that it is the project's and not reversed or a reversal itself.
 * Returns the new entry's id.
 */
export async function appendReversal(
	trx: DB,
	entry: Pick<LedgerRow, 'id'>,
	input: { reason: string; occurredOn: string; actorId: number; approvedBy?: number | null },
	now = new Date()
): Promise<number> {
	const original = await trx.selectFrom('ledger_entries').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
	const row = await trx
		.insertInto('ledger_entries')
		.values({
			kind: original.kind,
			from_account: original.to_account,
			to_account: original.from_account,
			amount_fen: original.amount_fen,
			round_id: original.round_id,
			proposal_id: original.proposal_id,
			tranche_id: original.tranche_id,
			fund_id: original.fund_id ?? null,
			reverses_id: original.id,
			occurred_on: input.occurredOn,
			reference: original.reference,
			reason: input.reason,
			actor_id: input.actorId,
			approved_by: input.approvedBy ?? null,
			created_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** What was paid out to each of the projects, net of reversals (0 for a project with no payment). */
export async function paidByProject(db: DB, proposalIds: readonly number[]): Promise<Map<number, number>> {
	const paid = new Map<number, number>(proposalIds.map((id) => [id, 0]));
	if (proposalIds.length === 0) return paid;
	const rows = await db
		.selectFrom('ledger_entries')
		.select(['proposal_id', 'amount_fen', 'reverses_id'])
		.where('kind', '=', 'payment')
		.where('proposal_id', 'in', [...proposalIds])
		.execute();
	for (const r of rows) {
		const amount = Number(r.amount_fen) * (r.reverses_id === null ? 1 : -1);
		paid.set(r.proposal_id!, (paid.get(r.proposal_id!) ?? 0) + amount);
	}
	return paid;
}
