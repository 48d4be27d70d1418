import type { Kysely } from 'kysely';

/**
 * Two-factor sign-in (TOTP, RFC 6238): an account's authenticator key once enrolled, its
 * single-use recovery codes (only their SHA-256 kept), and, per session, when its second factor
 * was checked (a session of an enrolled account is of no use before that).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('users').addColumn('totp_key', 'text').execute();
	await db.schema.alterTable('users').addColumn('totp_enrolled_at', 'text').execute();
	await db.schema.alterTable('sessions').addColumn('two_factor_at', 'text').execute();
	await db.schema
		.createTable('recovery_codes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('recovery_codes').execute();
	await db.schema.alterTable('sessions').dropColumn('two_factor_at').execute();
	await db.schema.alterTable('users').dropColumn('totp_enrolled_at').execute();
	await db.schema.alterTable('users').dropColumn('totp_key').execute();
}
