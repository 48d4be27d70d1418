import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_ENGINE, freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import type { DB } from './db';
import { allocate, getFund, recordIncome, reverseFundEntry, roundMoney, saveFund } from './funds';
import { closeProject, recordAgreement, recordConditionMet, recordPayment, recordReturn, reverseEntry } from './grants';
import { projectLedger, todayIn } from './grant-views';
import { checkLedger } from './ledger-check';
import { formControl, pendingFen, pendingOutOfFund, setFourEyesThreshold } from './four-eyes';
import { approveRequest, moneyRequests, refuseRequest } from './money-requests';
import { reconciles } from '../domain/fund-ledger';

const AWARD = 1_000_000;
const amount = fc.integer({ min: 1, max: 1_500_000 });
/** Money coming in and going to the pool comes in bigger sums than a tranche. */
const sum = fc.integer({ min: 100_000, max: 2_500_000 });
const fund = fc.constantFrom(0, 1);
const project = fc.constantFrom(0, 1, 2);
const pick = fc.nat({ max: 20 });

/** What an admin may do with the money, in any order: most of it refused by the rules at some point. */
const op = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ t: fc.constant('income' as const), f: fund, amount: sum }) },
	{ weight: 3, arbitrary: fc.record({ t: fc.constant('allocate' as const), f: fund, amount: sum }) },
	{ weight: 1, arbitrary: fc.record({ t: fc.constant('reverseFund' as const), f: fund, k: pick }) },
	{ weight: 2, arbitrary: fc.record({ t: fc.constant('sign' as const), p: project }) },
	{ weight: 3, arbitrary: fc.record({ t: fc.constant('pay' as const), p: project, amount }) },
	{ weight: 2, arbitrary: fc.record({ t: fc.constant('close' as const), p: project }) },
	{ weight: 3, arbitrary: fc.record({ t: fc.constant('return' as const), p: project, amount }) },
	{ weight: 1, arbitrary: fc.record({ t: fc.constant('reverseProject' as const), p: project, k: pick }) },
	// The second admin approves or refuses one of the requests pending (moves above the threshold).
	{ weight: 6, arbitrary: fc.record({ t: fc.constant('decide' as const), k: pick, approve: fc.nat({ max: 3 }).map((n) => n > 0) }) }
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/**
 * Two funds and a round whose confirmed list holds three projects of ¥10,000, nothing allocated yet;
 * two admins, and a threshold of ¥4,000: the admin's bigger moves wait for the second admin.
 */
async function world(db: DB) {
	const admin = await makeUser(db, 'admin');
	const checker = await makeUser(db, 'admin');
	await setFourEyesThreshold(db, { thresholdFen: 400_000, actorId: admin.id });
	const funds: number[] = [];
	for (const name of ['甲街社区慈善基金', '慈善会基金']) {
		const made = await saveFund(db, null, { name, kind: 'federation', streetId: null, host: '', description: '' }, admin.id);
		if (!made.ok) throw new Error('fund');
		funds.push(made.value);
		await recordIncome(db, { fundId: made.value, amountFen: 1_500_000, receivedOn: '2026-01-05', sourceType: 'opening', donorName: null, donorConsent: false, campaign: '', reference: '', actorId: admin.id });
	}
	const round = await makeRound(db, 'implementation', { pool_fen: 0 });
	const org = await makeOrganisation(db);
	const projects: number[] = [];
	for (let i = 0; i < 3; i++) {
		const id = await makeProposal(db, round.id, org, 'funded', AWARD);
		await db.updateTable('proposals').set({ award_fen: AWARD, funding_reason: 'funded', funding_rank: i + 1 }).where('id', '=', id).execute();
		projects.push(id);
	}
	const at = new Date(Date.now() - 86_400_000).toISOString();
	await db.updateTable('rounds').set({ results_confirmed_at: at, results_published_at: at }).where('id', '=', round.id).execute();
	return { admin: admin.id, checker: checker.id, funds, round, projects, today: todayIn(round.time_zone) };
}

async function apply(db: DB, w: Awaited<ReturnType<typeof world>>, o: Op): Promise<void> {
	const base = { roundId: w.round.id, actorId: w.admin };
	const control = await formControl(db);
	if (o.t === 'decide') {
		const pending = await moneyRequests(db, { status: 'pending' });
		if (!pending.length) return;
		const r = pending[o.k % pending.length];
		if (o.approve) await approveRequest(db, { requestId: r.id, actorId: w.checker });
		else await refuseRequest(db, { requestId: r.id, actorId: w.checker, reason: '凭证不全' });
	} else if (o.t === 'income') {
		await recordIncome(db, { fundId: w.funds[o.f], amountFen: o.amount, receivedOn: w.today, sourceType: 'resident', donorName: null, donorConsent: false, campaign: '', reference: '', actorId: w.admin });
	} else if (o.t === 'allocate') {
		await allocate(db, { fundId: w.funds[o.f], roundId: w.round.id, amountFen: o.amount, allocatedOn: w.today, reason: null, actorId: w.admin }, undefined, control);
	} else if (o.t === 'reverseFund') {
		const entries = await db.selectFrom('ledger_entries').select('id').where('fund_id', '=', w.funds[o.f]).where('reverses_id', 'is', null).orderBy('id').execute();
		if (entries.length) await reverseFundEntry(db, { fundId: w.funds[o.f], entryId: entries[o.k % entries.length].id, reason: '更正', actorId: w.admin }, undefined, control);
	} else if (o.t === 'sign') {
		await recordAgreement(db, { ...base, proposalId: w.projects[o.p], number: `HT-${o.p}`, signedOn: w.today, payeeAccountName: '', amountsFen: null, planReason: null });
	} else if (o.t === 'pay') {
		const view = (await projectLedger(db, w.projects[o.p]))!;
		const tranche = view.tranches.find((t) => t.paidFen < t.amountFen);
		if (!tranche) return;
		if (!tranche.conditionMetAt) await recordConditionMet(db, { ...base, proposalId: w.projects[o.p], trancheId: tranche.id, reason: '报告已线下审核' });
		await recordPayment(db, { ...base, proposalId: w.projects[o.p], trancheId: tranche.id, amountFen: Math.min(o.amount, tranche.amountFen - tranche.paidFen), paidOn: w.today, reference: 'PZ' }, undefined, control);
	} else if (o.t === 'close') {
		const view = (await projectLedger(db, w.projects[o.p]))!;
		await closeProject(db, { ...base, proposalId: w.projects[o.p], outcome: 'terminated', closedOn: w.today, note: '终止', returnDueFen: view.money.paidFen - view.money.returnedFen });
	} else if (o.t === 'return') {
		// Some returns ask for more than was paid: the rules refuse those.
		const m = (await projectLedger(db, w.projects[o.p]))!.money;
		const owed = m.paidFen - m.returnedFen;
		await recordReturn(db, { ...base, proposalId: w.projects[o.p], amountFen: o.amount % 2 ? o.amount : Math.min(o.amount, owed), returnedOn: w.today, reference: 'TH' });
	} else {
		const entries = (await projectLedger(db, w.projects[o.p]))?.entries.filter((e) => e.kind !== 'commitment' && e.reversesId === null) ?? [];
		if (entries.length) await reverseEntry(db, { ...base, proposalId: w.projects[o.p], entryId: entries[o.k % entries.length].id, reason: '录错' }, undefined, control);
	}
}

describe('the ledger under any sequence of money moves', () => {
	it('keeps every fund at or above zero, commitments within allocations, payments within awards (pending requests counted), and every balance the sum of its entries', { timeout: 600_000 }, async () => {
		const runs = TEST_ENGINE === 'postgres' ? 5 : 12;
		let moves = 0;
		const seen = new Map<string, number>();
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 50 }), async (ops) => {
				const db = await freshDb();
				const w = await world(db);
				for (const o of ops) {
					await apply(db, w, o);
					moves++;
					// A fund covers what pending requests will take out of it too.
					for (const id of w.funds) expect((await getFund(db, id))!.balanceFen - (await pendingOutOfFund(db, id, null))).toBeGreaterThanOrEqual(0);
					const money = await roundMoney(db, w.round.id);
					expect(money.committedFen).toBeLessThanOrEqual(money.allocatedFen);
					expect(reconciles(money)).toBe(true);
					// Pending payments count as paid: together they never exceed an award.
					for (const id of w.projects) {
						const m = (await projectLedger(db, id))!.money;
						expect(m.paidFen + (await pendingFen(db, { kind: 'payment', proposalId: id }, null))).toBeLessThanOrEqual(m.committedFen);
					}
				}
				for (const id of w.projects) {
					const m = (await projectLedger(db, id))!.money;
					expect(m.paidFen).toBeLessThanOrEqual(m.committedFen);
					expect(m.returnedFen).toBeLessThanOrEqual(m.paidFen);
				}
				expect(await checkLedger(db)).toEqual([]);
				for (const e of await db.selectFrom('ledger_entries').select(['kind', 'reverses_id', 'approved_by']).execute()) {
					const key = e.reverses_id === null ? e.kind : 'reversal';
					seen.set(key, (seen.get(key) ?? 0) + 1);
					if (e.approved_by !== null) seen.set('approved', (seen.get('approved') ?? 0) + 1);
				}
				await db.destroy();
			}),
			{
				numRuns: runs,
				seed: 1616,
				// A year told in order, first: money in, to the pool (approved), signed, paid (approved), ended early, returned, corrected.
				examples: [
					[
						[
							{ t: 'allocate', f: 0, amount: 1_200_000 },
							{ t: 'decide', k: 0, approve: true },
							{ t: 'sign', p: 0 },
							{ t: 'pay', p: 0, amount: 500_000 },
							{ t: 'decide', k: 0, approve: true },
							{ t: 'close', p: 0 },
							{ t: 'return', p: 0, amount: 200_000 },
							{ t: 'reverseProject', p: 0, k: 1 },
							{ t: 'reverseFund', f: 1, k: 0 }
						]
					]
				]
			}
		);
		// The sequences did run (a generator that produced nothing would pass the invariants vacuously).
		expect(moves).toBeGreaterThanOrEqual(runs * 20);
		expect(moves).toBeLessThanOrEqual(runs * 50 + 9);
		// …and reached every kind of entry, reversals included, and entries a second admin approved.
		expect([...seen.keys()].sort(), JSON.stringify([...seen])).toEqual(['allocation', 'approved', 'commitment', 'income', 'payment', 'return', 'reversal']);
	});
});
