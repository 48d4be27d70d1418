import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

/**
 * A confirmed list is a record: the names, titles and amounts published are frozen at
 * confirmation, in versions. A later version is an admin's correction, with its reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('published_records')
		.addColumn('id', 'integer', identity(db))
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		.addColumn('version', 'integer', (c) => c.notNull())
		// JSON: the public line and each funded project's public page, as published.
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('reason', 'text')
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('published_records_version', ['round_id', 'version'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('published_records').execute();
}
