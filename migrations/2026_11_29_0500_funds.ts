import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';
import { dropRefusalFunction, refuseChanges } from '../src/lib/server/db/append-only';
import { dropNotNull } from '../src/lib/server/db/relax';

/** The name of the federation fund that holds the pools of rounds decided before funds existed. */
export const BACKFILL_FUND_NAME = '慈善会统筹基金';
export const BACKFILL_REASON = '期初结余：账本启用前各轮次资金池已有的资金，按轮次补记为本基金的拨款';

/**
 * Community charity funds (社区慈善基金) and the rest of a pool's sources: the register of funds,
 * incomes (donations and other money received) and allocations to rounds' pools as ledger entries.
 * An income moves money from the outside into a fund and touches no round, so a ledger entry's
 * round becomes optional; its fund is named beside it. What the public may read of an income
 * (source type, campaign, the donor's name only with consent) is kept in fund_incomes, append-only
 * like the ledger. Every existing round's pool is backfilled as an allocation from a federation
 * fund whose opening balance held it, so old rounds reconcile too.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('funds')
		.addColumn('id', 'integer', identity(db))
		.addColumn('name', 'text', (c) => c.notNull().unique())
		// 'street', 'federation', 'government' or 'sponsor'.
		.addColumn('kind', 'text', (c) => c.notNull())
		// A street fund's street (街道 / 镇) in the places registry.
		.addColumn('street_id', 'integer', (c) => c.references('places.id'))
		.addColumn('host', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		// The sum of the fund's entries, kept by every write that locks the fund's row; ledger:check recomputes it.
		.addColumn('balance_fen', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await dropNotNull(db, 'ledger_entries', 'round_id');
	await db.schema.alterTable('ledger_entries').addColumn('fund_id', 'integer', (c) => c.references('funds.id')).execute();
	await db.schema.createIndex('ledger_entries_fund').on('ledger_entries').columns(['fund_id', 'id']).execute();

	await db.schema
		.createTable('fund_incomes')
		.addColumn('entry_id', 'integer', (c) => c.primaryKey().references('ledger_entries.id'))
		.addColumn('fund_id', 'integer', (c) => c.notNull().references('funds.id'))
		.addColumn('source_type', 'text', (c) => c.notNull())
		// Private unless the donor consented to be named (donor_consent 1): the public reads 匿名.
		.addColumn('donor_name', 'text')
		.addColumn('donor_consent', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('campaign', 'text', (c) => c.notNull().defaultTo(''))
		// The bank's or platform's reference of an imported income: the same one is never imported twice.
		.addColumn('import_reference', 'text')
		.addUniqueConstraint('fund_incomes_reference', ['fund_id', 'import_reference'])
		.execute();
	await refuseChanges(db, 'fund_incomes');

	await backfillPools(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
async function backfillPools(db: Kysely<any>): Promise<void> {
	const rounds: { id: number; pool_fen: number | string }[] = await db.selectFrom('rounds').select(['id', 'pool_fen']).orderBy('id').execute();
	const pools = rounds.map((r) => ({ id: r.id, poolFen: Number(r.pool_fen) })).filter((r) => r.poolFen > 0);
	if (pools.length === 0) return;
	const now = new Date().toISOString();
	const today = now.slice(0, 10);
	const fund = await db
		.insertInto('funds')
		.values({ name: BACKFILL_FUND_NAME, kind: 'federation', host: '', description: '', balance_fen: 0, created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	const total = pools.reduce((sum, r) => sum + r.poolFen, 0);
	const entry = { round_id: null, proposal_id: null, tranche_id: null, reverses_id: null, occurred_on: today, reference: '', actor_id: null, created_at: now, fund_id: fund.id };
	const income = await db
		.insertInto('ledger_entries')
		.values({ ...entry, kind: 'income', from_account: 'outside', to_account: `fund:${fund.id}`, amount_fen: total, reason: BACKFILL_REASON })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.insertInto('fund_incomes').values({ entry_id: income.id, fund_id: fund.id, source_type: 'opening', donor_name: null, donor_consent: 0, campaign: '' }).execute();
	for (const r of pools) {
		await db
			.insertInto('ledger_entries')
			.values({ ...entry, kind: 'allocation', from_account: `fund:${fund.id}`, to_account: `round:${r.id}`, round_id: r.id, amount_fen: r.poolFen, reason: BACKFILL_REASON })
			.execute();
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('fund_incomes').execute();
	await dropRefusalFunction(db, 'fund_incomes');
	await db.schema.dropIndex('ledger_entries_fund').execute();
	await db.schema.alterTable('ledger_entries').dropColumn('fund_id').execute();
	await db.schema.dropTable('funds').execute();
}
