import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import type { DB } from './db';
import { recordAgreement, recordPayment } from './grants';
import { projectLedger, todayIn } from './grant-views';
import { projectReport, reviewReport, saveReport } from './project-reports';
import { roundMoney } from './funds';
import { roundMatching } from './matching';
import { roundLedger, roundLedgerCsv } from './fund-disclosure';
import { checkLedger } from './ledger-check';
import { balances } from '../domain/fund-ledger';
import { reportOnPlan } from '../domain/project-reports';

const AWARD = 5_000_000;
/** The round's rate: ¥25 a volunteer hour. */
const RATE = 2_500;

/** A signed project of ¥50,000 that pledged ¥8,000 of matching cash and 300 volunteer hours. */
async function pledgedProject(db: DB) {
	const round = await makeRound(db, 'implementation');
	await db.updateTable('rounds').set({ volunteer_hour_fen: RATE }).where('id', '=', round.id).execute();
	const org = await makeOrganisation(db);
	const admin = await makeUser(db, 'admin');
	const station = await makeUser(db, 'station', org);
	const id = await makeProposal(db, round.id, org, 'funded', AWARD);
	await db
		.updateTable('proposals')
		.set({ award_fen: AWARD, funding_reason: 'funded', funding_rank: 1, matching_cash_fen: 800_000, volunteer_hours: 300 })
		.where('id', '=', id)
		.execute();
	const at = new Date(Date.now() - 86_400_000).toISOString();
	await db.updateTable('rounds').set({ results_confirmed_at: at, results_published_at: at }).where('id', '=', round.id).execute();
	const today = todayIn(round.time_zone);
	const signed = await recordAgreement(db, { proposalId: id, roundId: round.id, actorId: admin.id, number: 'HZ-1', signedOn: today, payeeAccountName: '站', amountsFen: null, planReason: null });
	expect(signed.ok).toBe(true);
	return { round, org, admin, station, id, today };
}

/** The station's final report says it delivered ¥6,000 and 420 hours; the admin accepts it. */
async function deliver(db: DB, w: Awaited<ReturnType<typeof pledgedProject>>) {
	const current = (await projectReport(db, w.id, 'final'))!;
	const content = { ...reportOnPlan({ activities: [], indicators: [], lines: [] }, current.report.content), matchingCashFen: 600_000, volunteerHours: 420, narrative: '全部完成。' };
	const base = { proposalId: w.id, organisationId: w.org, kind: 'final' as const, actorId: w.station.id };
	expect((await saveReport(db, { ...base, version: 0, content, submit: true })).ok).toBe(true);
	expect((await reviewReport(db, { proposalId: w.id, roundId: w.round.id, kind: 'final', decision: 'accept', comment: null, actorId: w.admin.id })).ok).toBe(true);
}

async function ledgerBalances(db: DB) {
	const rows = await db.selectFrom('ledger_entries').select(['id', 'kind', 'from_account', 'to_account', 'amount_fen', 'reverses_id']).execute();
	return balances(rows.map((r) => ({ id: r.id, kind: r.kind, from: r.from_account, to: r.to_account, amountFen: Number(r.amount_fen), reversesId: r.reverses_id })));
}

describe('matching realised', () => {
	it('records the pledge at signing and the delivery at the final report, valued at the round’s rate, moving no money', async () => {
		const db = await freshDb();
		const w = await pledgedProject(db);
		const afterSigning = await roundMatching(db, w.round.id);
		expect(afterSigning.pledged).toEqual({ cashFen: 800_000, volunteerHours: 300, valueFen: 800_000 + 300 * RATE });
		expect(afterSigning.delivered).toEqual({ cashFen: 0, volunteerHours: 0, valueFen: 0 });
		expect((await recordPayment(db, { proposalId: w.id, roundId: w.round.id, actorId: w.admin.id, trancheId: (await projectLedger(db, w.id))!.tranches[0].id, amountFen: 2_500_000, paidOn: w.today, reference: 'PZ' })).ok).toBe(true);

		const moneyBefore = await roundMoney(db, w.round.id);
		const balancesBefore = await ledgerBalances(db);
		await deliver(db, w);
		const matching = await roundMatching(db, w.round.id);
		expect(matching.delivered).toEqual({ cashFen: 600_000, volunteerHours: 420, valueFen: 600_000 + 420 * RATE });
		expect(matching.entries.map((e) => [e.kind, e.projectId, e.hourRateFen])).toEqual([
			['pledged', w.id, RATE],
			['delivered', w.id, RATE]
		]);
		// Memo entries beside the money: no balance and no total of the round moved.
		expect(await roundMoney(db, w.round.id)).toEqual(moneyBefore);
		expect(await ledgerBalances(db)).toEqual(balancesBefore);
		expect(await checkLedger(db)).toEqual([]);
	});

	it('is in the round’s ledger.json and ledger.csv, pledged against delivered, outside the money totals', async () => {
		const db = await freshDb();
		const w = await pledgedProject(db);
		await deliver(db, w);
		const ledger = await roundLedger(db, w.round);
		expect(ledger.matching.memo).toBe(true);
		expect(ledger.matching.pledged.valueFen).toBe(800_000 + 300 * RATE);
		expect(ledger.matching.delivered.valueFen).toBe(600_000 + 420 * RATE);
		expect(ledger.entries.every((e) => !String(e.kind).startsWith('memo'))).toBe(true);
		const csv = roundLedgerCsv(ledger).split(/\r?\n/);
		expect(csv.filter((line) => line.includes(',memo_pledged,'))).toHaveLength(1);
		expect(csv.filter((line) => line.includes(',memo_delivered,'))).toHaveLength(1);
		expect(csv.find((line) => line.includes(',memo_delivered,'))).toContain('cash_fen=600000;volunteer_hours=420;hour_rate_fen=2500');
		expect(csv.filter((line) => line.includes(',memo_total,'))).toHaveLength(2);
	});

	it('keeps memos as written (the database refuses UPDATE and DELETE), and ledger:check sees one that does not match its source', async () => {
		const db = await freshDb();
		const w = await pledgedProject(db);
		await expect(db.updateTable('matching_memos').set({ cash_fen: 1 }).execute()).rejects.toThrow(/append-only/);
		await expect(db.deleteFrom('matching_memos').execute()).rejects.toThrow(/append-only/);
		expect(await checkLedger(db)).toEqual([]);
		// A delivery no accepted final report says, worth more than its cash and hours make.
		await db
			.insertInto('matching_memos')
			.values({ kind: 'delivered', round_id: w.round.id, proposal_id: w.id, cash_fen: 100, volunteer_hours: 1, hour_rate_fen: RATE, value_fen: 999, occurred_on: w.today, actor_id: null, created_at: new Date().toISOString() })
			.execute();
		const problems = await checkLedger(db);
		expect(problems.some((p) => p.includes('worth ¥9.99'))).toBe(true);
		expect(problems.some((p) => p.includes('no accepted final report'))).toBe(true);
	});
});
