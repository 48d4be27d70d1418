import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

/**
 * The outbox: every e-mail the app sends is first a row written in the same transaction as the
 * change it tells of, and sent after the response by a worker that retries a failed send with
 * backoff. A mail is never lost with a failed connection, and never holds up the request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('outbox')
		.addColumn('id', 'integer', identity(db))
		.addColumn('recipient', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'text', (c) => c.notNull())
		// A sender holds a message until then, so two server processes never send it twice.
		.addColumn('claimed_until', 'text')
		.addColumn('last_error', 'text')
		.addColumn('sent_at', 'text')
		.execute();
	await db.schema.createIndex('outbox_due').on('outbox').columns(['sent_at', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('outbox').execute();
}
