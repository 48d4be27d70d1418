import type { Kysely } from 'kysely';

/**
 * Each community charity fund runs its own rounds, with its own admins.
 * - rounds.fund_id: the fund that holds the round (its admins run it); null for the federation's
 *   city-wide rounds, run by the federation's admins alone. What a round's pool draws from stays
 *   the allocations of the ledger (any fund may allocate to any round); the owning fund only says
 *   who runs it.
 * - users.fund_id: a fund admin's fund (role 'fund_admin'). An account serves one fund; a fund may
 *   have several admins. A fund admin's organisation_id, when set, is the station that operates
 *   the fund: its own proposals are checked and decided by a federation admin.
 * - invitations.fund_id: the fund a fund admin is invited to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('rounds').addColumn('fund_id', 'integer', (c) => c.references('funds.id')).execute();
	await db.schema.createIndex('rounds_fund').on('rounds').column('fund_id').execute();
	// No foreign key: funds.created_by already points at users, and db:copy orders tables by their
	// keys (a cycle has no order). The fund is checked when the invitation is made.
	await db.schema.alterTable('users').addColumn('fund_id', 'integer').execute();
	await db.schema.alterTable('invitations').addColumn('fund_id', 'integer', (c) => c.references('funds.id')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('invitations').dropColumn('fund_id').execute();
	await db.schema.alterTable('users').dropColumn('fund_id').execute();
	await db.schema.dropIndex('rounds_fund').execute();
	await db.schema.alterTable('rounds').dropColumn('fund_id').execute();
}
