import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

/**
 * Four eyes on money: a payment, an allocation or a reversal above the federation's threshold is
 * first a pending request, which writes nothing to the ledger until a second admin approves it
 * (or its requester withdraws it, or another admin refuses it). The ledger entry an approval
 * writes names both: its actor is the requester, `approved_by` the approver. Adding a column
 * changes no existing row, so the ledger stays append-only.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('money_requests')
		.addColumn('id', 'integer', identity(db))
		// 'payment', 'reversal' (of a project's entry), 'allocation' or 'fund_reversal'.
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('amount_fen', 'bigint', (c) => c.notNull())
		.addColumn('round_id', 'integer', (c) => c.references('rounds.id'))
		.addColumn('proposal_id', 'integer', (c) => c.references('proposals.id'))
		.addColumn('tranche_id', 'integer', (c) => c.references('tranches.id'))
		.addColumn('fund_id', 'integer', (c) => c.references('funds.id'))
		// The entry a reversal takes back, and that entry's kind.
		.addColumn('entry_id', 'integer', (c) => c.references('ledger_entries.id'))
		.addColumn('entry_kind', 'text')
		// The day the money moves (a payment's or an allocation's), YYYY-MM-DD.
		.addColumn('occurred_on', 'text')
		.addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('reason', 'text')
		.addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('requested_at', 'text', (c) => c.notNull())
		// 'pending', 'approved', 'refused' or 'withdrawn'.
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('decided_by', 'integer', (c) => c.references('users.id'))
		.addColumn('decided_at', 'text')
		.addColumn('decision_reason', 'text')
		// The ledger entry the approval wrote.
		.addColumn('result_entry_id', 'integer', (c) => c.references('ledger_entries.id'))
		.execute();
	await db.schema.createIndex('money_requests_status').on('money_requests').columns(['status', 'id']).execute();
	await db.schema.alterTable('ledger_entries').addColumn('approved_by', 'integer', (c) => c.references('users.id')).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('ledger_entries').dropColumn('approved_by').execute();
	await db.schema.dropTable('money_requests').execute();
}
