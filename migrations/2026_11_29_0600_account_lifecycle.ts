import type { Kysely } from 'kysely';

/**
 * Password resets an admin issues: a single-use, short-lived link `/reset/<id>.<secret>`, of which
 * only a hash of the secret is kept (as for invitations), so a copy of the database cannot use it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('password_resets')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('token_hash', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('password_resets').execute();
}
