import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { BACKFILL_FUND_NAME } from '../../../migrations/2026_11_29_0500_funds';
import { TEST_ENGINE, freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import { migrate, openDatabase, type DB } from './db';
import { allocate, getFund, poolRefusal, recordIncome, reverseFundEntry, roundMoney, saveFund } from './funds';
import { recordAgreement } from './grants';
import { todayIn } from './grant-views';
import { reconciles } from '../domain/fund-ledger';

const DAY = '2026-03-02';

async function fundWith(db: DB, amountFen: number) {
	const admin = await makeUser(db, 'admin');
	const made = await saveFund(db, null, { name: `基金 ${Math.random()}`, kind: 'federation', streetId: null, host: '广州市慈善会', description: '' }, admin.id);
	if (!made.ok) throw new Error('fund');
	const income = await recordIncome(db, { fundId: made.value, amountFen, receivedOn: DAY, sourceType: 'resident', donorName: '张三', donorConsent: false, campaign: '', reference: '', actorId: admin.id });
	if (!income.ok) throw new Error('income');
	return { admin, fundId: made.value, incomeId: income.value };
}

describe('the backfill of existing rounds', () => {
	it('turns every existing pool into an allocation from a federation fund, and the ledger stays append-only', async () => {
		// An install from before funds existed: its rounds' pools were numbers typed by an admin.
		const db = TEST_ENGINE === 'sqlite' ? openDatabase(':memory:') : await freshDb();
		const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
		// SQLite starts empty and goes up to the migration before funds; PostgreSQL's fresh database is
		// migrated already and steps down to it.
		expect((await migrator.migrateTo('2026_11_29_0400_grants')).error).toBeUndefined();
		const typed = async (poolFen: number) => {
			const round = await makeRound(db, 'review', { pool_fen: 0 });
			await db.updateTable('rounds').set({ pool_fen: poolFen }).where('id', '=', round.id).execute();
			return { ...round, pool_fen: poolFen };
		};
		const before = await typed(12_345_600);
		const other = await typed(20_000_000);
		await migrate(db);

		const fund = await db.selectFrom('funds').selectAll().where('name', '=', BACKFILL_FUND_NAME).executeTakeFirstOrThrow();
		expect(fund.kind).toBe('federation');
		expect(Number(fund.balance_fen)).toBe(0);
		for (const round of [before, other]) {
			const money = await roundMoney(db, round.id);
			expect(money.allocatedFen).toBe(round.pool_fen);
			expect(reconciles(money)).toBe(true);
		}
		const [income] = await db.selectFrom('fund_incomes').selectAll().execute();
		expect(income.source_type).toBe('opening');
		// The table was rebuilt on SQLite to let an income name no round: its triggers came back.
		await expect(sql`update ledger_entries set amount_fen = 1`.execute(db)).rejects.toThrow(/append-only/);
		await expect(sql`delete from ledger_entries`.execute(db)).rejects.toThrow(/append-only/);
		await expect(sql`update fund_incomes set donor_consent = 1`.execute(db)).rejects.toThrow(/append-only/);
		await db.destroy();
	});
});

describe('a fund never goes below zero', () => {
	it('refuses an allocation beyond the balance, naming the shortfall', async () => {
		const db = await freshDb();
		const { admin, fundId } = await fundWith(db, 1_000_000);
		const round = await makeRound(db, 'draft', { pool_fen: 0 });
		const over = await allocate(db, { fundId, roundId: round.id, amountFen: 1_000_001, allocatedOn: DAY, reason: null, actorId: admin.id });
		expect(over.ok || over.errors.amount).toEqual({ key: 'funds.err.fundShort', params: { balance: '¥10,000.00', shortfall: '¥0.01' } });
		expect((await allocate(db, { fundId, roundId: round.id, amountFen: 1_000_000, allocatedOn: DAY, reason: null, actorId: admin.id })).ok).toBe(true);
		expect((await getFund(db, fundId))!.balanceFen).toBe(0);
		const pool = await db.selectFrom('rounds').select('pool_fen').where('id', '=', round.id).executeTakeFirstOrThrow();
		expect(Number(pool.pool_fen)).toBe(1_000_000);
	});

	it('serves two allocations at once one after the other: only one of two that together overdraw passes', async () => {
		const db = await freshDb();
		const { admin, fundId } = await fundWith(db, 1_000_000);
		const [a, b] = [await makeRound(db, 'draft', { pool_fen: 0 }), await makeRound(db, 'draft', { pool_fen: 0 })];
		const results = await Promise.all(
			[a, b].map((r) => allocate(db, { fundId, roundId: r.id, amountFen: 600_000, allocatedOn: DAY, reason: null, actorId: admin.id }))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect((await getFund(db, fundId))!.balanceFen).toBe(400_000);
	});

	it('refuses to reverse an income already allocated, and reverses an allocation within what is uncommitted', async () => {
		const db = await freshDb();
		const { admin, fundId, incomeId } = await fundWith(db, 1_000_000);
		const round = await makeRound(db, 'draft', { pool_fen: 0 });
		const allocated = await allocate(db, { fundId, roundId: round.id, amountFen: 700_000, allocatedOn: DAY, reason: null, actorId: admin.id });
		if (!allocated.ok) throw new Error('allocation');
		const income = await reverseFundEntry(db, { fundId, entryId: incomeId, reason: '重复录入', actorId: admin.id });
		expect(income.ok || income.errors._form?.key).toBe('funds.err.reverseIncome');
		expect((await reverseFundEntry(db, { fundId, entryId: allocated.value.entryId!, reason: '拨错轮次', actorId: admin.id })).ok).toBe(true);
		const twice = await reverseFundEntry(db, { fundId, entryId: allocated.value.entryId!, reason: '再次冲正', actorId: admin.id });
		expect(twice.ok || twice.errors._form?.key).toBe('grants.err.reversed');
		expect((await reverseFundEntry(db, { fundId, entryId: incomeId, reason: '重复录入', actorId: admin.id })).ok).toBe(true);
		expect((await getFund(db, fundId))!.balanceFen).toBe(0);
		expect(await roundMoney(db, round.id)).toMatchObject({ allocatedFen: 0, poolBalanceFen: 0 });
		const pool = await db.selectFrom('rounds').select('pool_fen').where('id', '=', round.id).executeTakeFirstOrThrow();
		expect(Number(pool.pool_fen)).toBe(0);
	});
});

describe('a round commits no more than was allocated to it', () => {
	it('refuses an agreement whose award the allocations do not cover, naming the shortfall', async () => {
		const db = await freshDb();
		const { admin, fundId } = await fundWith(db, 3_000_000);
		const round = await makeRound(db, 'implementation', { pool_fen: 0 });
		await allocate(db, { fundId, roundId: round.id, amountFen: 3_000_000, allocatedOn: DAY, reason: null, actorId: admin.id });
		const org = await makeOrganisation(db);
		const ids = [await makeProposal(db, round.id, org, 'funded', 2_000_000), await makeProposal(db, round.id, org, 'funded', 2_000_000)];
		for (const [i, id] of ids.entries()) {
			await db.updateTable('proposals').set({ award_fen: 2_000_000, funding_reason: 'funded', funding_rank: i + 1 }).where('id', '=', id).execute();
		}
		const at = new Date(Date.now() - 86_400_000).toISOString();
		await db.updateTable('rounds').set({ results_confirmed_at: at, results_published_at: at }).where('id', '=', round.id).execute();
		const sign = (id: number, n: string) =>
			recordAgreement(db, { proposalId: id, roundId: round.id, actorId: admin.id, number: n, signedOn: todayIn(round.time_zone), payeeAccountName: '', amountsFen: null, planReason: null });
		expect((await sign(ids[0], 'A-1')).ok).toBe(true);
		const second = await sign(ids[1], 'A-2');
		expect(second.ok || second.errors._form).toEqual({ key: 'funds.err.overAllocated', params: { allocated: '¥30,000.00', shortfall: '¥10,000.00' } });
		const money = await roundMoney(db, round.id);
		expect(money).toMatchObject({ allocatedFen: 3_000_000, committedFen: 2_000_000, uncommittedFen: 1_000_000 });
	});

	it('refuses a typed pool bigger than the allocations, naming the shortfall', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'draft', { pool_fen: 5_000_000 });
		expect((await poolRefusal(db, round, 5_000_000)).ok).toBe(true);
		const bigger = await poolRefusal(db, round, 6_000_000);
		expect(bigger.ok || bigger.errors.pool).toEqual({ key: 'funds.err.poolShortfall', params: { allocated: '¥50,000.00', shortfall: '¥10,000.00' } });
		const smaller = await poolRefusal(db, round, 4_000_000);
		expect(smaller.ok || smaller.errors.pool?.key).toBe('funds.err.poolBelowAllocated');
	});
});
