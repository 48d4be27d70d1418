import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';
import { dropRefusalFunction, refuseChanges } from '../src/lib/server/db/append-only';

/**
 * After the award: each funded project's agreement (签约), its tranche plan (分期拨付), its closing
 * (结项), and the ledger, the one store of money moves. Ledger entries are never changed or
 * deleted (the database refuses it); a mistake is corrected by a reversing entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('ledger_entries')
		.addColumn('id', 'integer', identity(db))
		// 'commitment' (round pool → project), 'payment' (project → outside), 'return' (outside → round pool).
		.addColumn('kind', 'text', (c) => c.notNull())
		// Accounts, e.g. 'round:3', 'project:17', 'outside'.
		.addColumn('from_account', 'text', (c) => c.notNull())
		.addColumn('to_account', 'text', (c) => c.notNull())
		// Always positive; a reversal moves it back between the same two accounts.
		.addColumn('amount_fen', 'bigint', (c) => c.notNull())
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		.addColumn('proposal_id', 'integer', (c) => c.references('proposals.id'))
		.addColumn('tranche_id', 'integer')
		// The entry this one reverses; null for an ordinary entry.
		.addColumn('reverses_id', 'integer', (c) => c.references('ledger_entries.id').unique())
		// The day the money moved (YYYY-MM-DD, in the round's time zone), as on the voucher.
		.addColumn('occurred_on', 'text', (c) => c.notNull())
		// The voucher or bank reference.
		.addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('reason', 'text')
		.addColumn('actor_id', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('ledger_entries_proposal').on('ledger_entries').columns(['proposal_id', 'id']).execute();
	await db.schema.createIndex('ledger_entries_round').on('ledger_entries').columns(['round_id', 'id']).execute();
	await refuseChanges(db, 'ledger_entries');

	await db.schema
		.createTable('agreements')
		.addColumn('proposal_id', 'integer', (c) => c.primaryKey().references('proposals.id'))
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		.addColumn('number', 'text', (c) => c.notNull())
		.addColumn('signed_on', 'text', (c) => c.notNull())
		// The award, from the confirmed list as published.
		.addColumn('award_fen', 'bigint', (c) => c.notNull())
		// Private: the admin and the station only.
		.addColumn('payee_account_name', 'text', (c) => c.notNull().defaultTo(''))
		// Why the plan departs from the round's default; null when it follows it.
		.addColumn('plan_reason', 'text')
		.addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('tranches')
		.addColumn('id', 'integer', identity(db))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('agreements.proposal_id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('amount_fen', 'bigint', (c) => c.notNull())
		// 'signing', 'midterm_report' or 'final_report'.
		.addColumn('condition', 'text', (c) => c.notNull())
		// When its condition was recorded as met (signing: at signing), by whom and why.
		.addColumn('condition_met_at', 'text')
		.addColumn('condition_met_by', 'integer', (c) => c.references('users.id'))
		.addColumn('condition_reason', 'text')
		.addUniqueConstraint('tranches_position', ['proposal_id', 'position'])
		.execute();
	await db.schema
		.createTable('project_closings')
		.addColumn('proposal_id', 'integer', (c) => c.primaryKey().references('agreements.proposal_id'))
		// 'completed' or 'terminated'.
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('closed_on', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull())
		// What the station is to give back (terminated: the unspent money); returns are ledger entries.
		.addColumn('return_due_fen', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('project_closings').execute();
	await db.schema.dropTable('tranches').execute();
	await db.schema.dropTable('agreements').execute();
	await db.schema.dropTable('ledger_entries').execute();
	await dropRefusalFunction(db, 'ledger_entries');
}
