import type { Kysely } from 'kysely';

/**
 * Rate-limit state in the database rather than in one process's memory, so that limits hold when
 * the app runs as several processes or servers: counters per (bucket, hashed subject), and the
 * browsers where an account's owner signed in before (OWASP's device cookies).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('rate_limits')
		.addColumn('bucket', 'text', (c) => c.notNull())
		// A SHA-256 of who is counted (an address, an email): never the address itself.
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull())
		.addColumn('window_ends_at', 'text', (c) => c.notNull())
		// Failures with growing delays: no new attempt before this instant.
		.addColumn('blocked_until', 'text')
		.addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'subject'])
		.execute();
	await db.schema.createIndex('rate_limits_window').on('rate_limits').column('window_ends_at').execute();

	await db.schema
		.createTable('trusted_devices')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('secret_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		// Wrong passwords typed in this browser: ten lock it for a while, not the account.
		.addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('locked_until', 'text')
		.execute();
	await db.schema.createIndex('trusted_devices_user').on('trusted_devices').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('trusted_devices').execute();
	await db.schema.dropTable('rate_limits').execute();
}
