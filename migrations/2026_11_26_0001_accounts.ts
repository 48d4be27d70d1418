import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('organisations')
		.addColumn('id', 'integer', identity(db))
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('district', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('users')
		.addColumn('id', 'integer', identity(db))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('disabled_at', 'text')
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('secret_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('invitations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('token_hash', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
		.addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addColumn('used_by', 'integer', (c) => c.references('users.id'))
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'integer', identity(db))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'integer', (c) => c.references('users.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('reason', 'text')
		.addColumn('detail', 'text')
		.execute();
	await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
	await db.schema
		.createIndex('audit_log_entity')
		.on('audit_log')
		.columns(['entity', 'entity_id'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of ['audit_log', 'invitations', 'sessions', 'users', 'organisations']) {
		await db.schema.dropTable(table).execute();
	}
}
