import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TEST_ENGINE, freshDatabaseTarget, freshDb, makeUser, openTestDatabase } from '../../../tests/helpers/db';
import type { DB } from './db';
import { checkLedger } from './ledger-check';
import { seedDemo, DEMO_EARLIER_SLUG } from './seed/demo';
import { getRoundBySlug } from './rounds';
import { roundLedger } from './fund-disclosure';
import { resultsJson } from './open-data';
import { recordAgreement, recordPayment } from './grants';
import { publicImplementation, projectLedger, todayIn } from './grant-views';
import { reconciles } from '../domain/fund-ledger';

const run = promisify(execFile);

/** Lets a test change a ledger entry behind the app's back, as a broken tool or a hand in the database would. */
async function dropUpdateTrigger(db: DB) {
	if (TEST_ENGINE === 'postgres') await sql`drop trigger ledger_entries_no_update on ledger_entries`.execute(db);
	else await sql`drop trigger ledger_entries_no_update`.execute(db);
}

describe('ledger:check', () => {
	it('finds every balance of a fresh demo seed matching, and the 2025 round’s ledger reconciling with results.json and the payments', { timeout: 90_000 }, async () => {
		const db = await freshDb();
		await seedDemo(db);
		expect(await checkLedger(db)).toEqual([]);

		// Sign and pay the first tranche of the 2025 round's first funded project, as an admin would.
		const round = (await getRoundBySlug(db, DEMO_EARLIER_SLUG))!;
		const results = (await resultsJson(db, round))!;
		const funded = results.proposals.filter((p) => p.funded);
		expect(funded.length).toBeGreaterThanOrEqual(3);
		const admin = await makeUser(db, 'admin');
		const project = funded[0];
		const today = todayIn(round.time_zone);
		if (!(await projectLedger(db, project.id))!.agreement) {
			const signed = await recordAgreement(db, { proposalId: project.id, roundId: round.id, actorId: admin.id, number: 'HT-2025-CHECK', signedOn: today, payeeAccountName: '收款户名', amountsFen: null, planReason: null });
			expect(signed.ok).toBe(true);
		}
		const view = (await projectLedger(db, project.id))!;
		const first = view.tranches.find((t) => t.paidFen < t.amountFen && t.conditionMetAt);
		if (first) expect((await recordPayment(db, { proposalId: project.id, roundId: round.id, trancheId: first.id, amountFen: first.amountFen - first.paidFen, paidOn: today, reference: 'PZ-CHECK', actorId: admin.id })).ok).toBe(true);

		const ledger = await roundLedger(db, round);
		expect(reconciles(ledger.totals)).toBe(true);
		expect(ledger.totals.allocatedFen).toBe(results.totals.poolFen);
		expect(ledger.sources.reduce((s, f) => s + f.allocatedFen, 0)).toBe(ledger.totals.allocatedFen);
		// Each project's award as results.json publishes it, and its payments as its public page shows them.
		let paid = 0;
		for (const p of ledger.projects) {
			expect(p.awardedFen).toBe(funded.find((f) => f.id === p.id)!.awardFen);
			const implementation = await publicImplementation(db, p.id);
			expect(p.paidFen).toBe(implementation?.paidFen ?? 0);
			expect(p.committedFen).toBe((await projectLedger(db, p.id))!.agreement?.awardFen ?? 0);
			paid += p.paidFen;
		}
		expect(paid).toBe(ledger.totals.paidFen);
		expect(ledger.totals.paidFen).toBeGreaterThan(0);
		expect(await checkLedger(db)).toEqual([]);
	});

	it('fails when an entry is changed directly in the database', { timeout: 90_000 }, async () => {
		const db = await freshDb();
		await seedDemo(db);
		await dropUpdateTrigger(db);
		const { id } = await db.selectFrom('ledger_entries').select('id').where('kind', '=', 'income').orderBy('id').executeTakeFirstOrThrow();
		await sql`update ledger_entries set amount_fen = amount_fen + 1 where id = ${id}`.execute(db);
		const problems = await checkLedger(db);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^fund \d+ .*: balance ¥[\d,.]+ kept, ¥[\d,.]+ from its entries$/);
	});

	it.skipIf(TEST_ENGINE !== 'sqlite')('as a command, exits 0 on a sound ledger and 1 on a corrupted one', { timeout: 120_000 }, async () => {
		const target = await freshDatabaseTarget();
		const db = openTestDatabase(target);
		await seedDemo(db);
		const check = () => run('npx', ['tsx', 'scripts/ledger-check.ts'], { env: { ...process.env, DATABASE_URL: '', DATABASE_PATH: target } });
		expect((await check()).stdout).toMatch(/every balance recomputed and matching/);
		await dropUpdateTrigger(db);
		await sql`update ledger_entries set to_account = 'fund:999' where kind = 'allocation'`.execute(db);
		await db.destroy();
		const failed = await check().then(
			() => null,
			(e: { code: number; stderr: string }) => e
		);
		expect(failed?.code).toBe(1);
		expect(failed?.stderr).toMatch(/moves fund:\d+ → fund:999, where its kind moves fund:\d+ → round:\d+/);
	});
});
