import type { Kysely } from 'kysely';

/**
 * The last TOTP time step each account signed in with (RFC 6238 §5.2: a verifier must not accept
 * the same one-time password twice): a code seen over a shoulder or replayed from a proxy's log
 * is refused within its own 30 seconds too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
