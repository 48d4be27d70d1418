import type { Kysely } from 'kysely';

/**
 * Needs from people without a phone: how a need reached the portal (online by the resident, or
 * entered by staff from paper, a phone call or a visit to the front desk) and which staff member
 * entered it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('needs').addColumn('channel', 'text', (c) => c.notNull().defaultTo('online')).execute();
	await db.schema.alterTable('needs').addColumn('entered_by', 'integer', (c) => c.references('users.id')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('needs').dropColumn('entered_by').execute();
	await db.schema.alterTable('needs').dropColumn('channel').execute();
}
