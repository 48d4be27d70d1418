import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

/**
 * Budget changes (预算调整) on a funded project: money moved from one budget line to another,
 * with the station's reason; a move over 10 % of a line waits for an admin's decision. Rows are
 * never deleted: the history is the record. Lines are named by their position in the funded
 * proposal's budget, with the item's name kept as it read then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('budget_changes')
		.addColumn('id', 'integer', identity(db))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('agreements.proposal_id'))
		.addColumn('from_line', 'integer', (c) => c.notNull())
		.addColumn('from_item', 'text', (c) => c.notNull())
		.addColumn('to_line', 'integer', (c) => c.notNull())
		.addColumn('to_item', 'text', (c) => c.notNull())
		.addColumn('amount_fen', 'bigint', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		// 'applied' (small, at once), 'pending', 'approved' or 'refused'.
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('requested_at', 'text', (c) => c.notNull())
		.addColumn('decided_by', 'integer', (c) => c.references('users.id'))
		.addColumn('decided_at', 'text')
		.addColumn('decision_comment', 'text')
		.execute();
	await db.schema.createIndex('budget_changes_proposal').on('budget_changes').columns(['proposal_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('budget_changes').execute();
}
