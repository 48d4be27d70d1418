import type { Kysely } from 'kysely';

/** One reminder to the admins per round and disclosure due day (信息公开, every three months). */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('disclosure_reminders')
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		// YYYY-MM-DD on the round's wall clock.
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('disclosure_reminders_pk', ['round_id', 'due_on'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('disclosure_reminders').execute();
}
