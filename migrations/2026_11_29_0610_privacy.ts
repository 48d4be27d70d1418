import type { Kysely } from 'kysely';

/**
 * Personal information (PIPL): the federation's settings (how long residents' and objectors'
 * contacts are kept after their round closes), and when each contact was erased (by the retention
 * job or on request) and when its giver consented to it being kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('app_settings')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('users.id'))
		.execute();
	await db.schema.alterTable('needs').addColumn('contact_consent_at', 'text').execute();
	await db.schema.alterTable('needs').addColumn('contact_erased_at', 'text').execute();
	await db.schema.alterTable('objections').addColumn('contact_consent_at', 'text').execute();
	await db.schema.alterTable('objections').addColumn('contact_erased_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of ['needs', 'objections']) {
		await db.schema.alterTable(table).dropColumn('contact_erased_at').execute();
		await db.schema.alterTable(table).dropColumn('contact_consent_at').execute();
	}
	await db.schema.dropTable('app_settings').execute();
}
