import type { Kysely } from 'kysely';

/**
 * One store of form submissions: a form sent twice (a double click with scripts off, a resend on
 * a slow network) runs once, and the second request gets the first one's answer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('form_submissions')
		// SHA-256 of (who, which action, the form's key, what was sent).
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('state', 'text', (c) => c.notNull())
		// The first answer, as JSON ({ status, location }), once it is known.
		.addColumn('answer', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('form_submissions_created').on('form_submissions').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('form_submissions').execute();
}
