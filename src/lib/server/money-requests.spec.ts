import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import type { DB } from './db';
import { recordAgreement, recordPayment, reverseEntry } from './grants';
import { exportPayments, projectLedger, todayIn } from './grant-views';
import { allocate, getFund, recordIncome, reverseFundEntry, roundMoney, saveFund } from './funds';
import { DEFAULT_FOUR_EYES_FEN, formControl, fourEyesThreshold, setFourEyesThreshold } from './four-eyes';
import { approveRequest, moneyRequests, refuseRequest, withdrawRequest } from './money-requests';

const AWARD = 5_000_000;

/** A funded project of ¥50,000 with its agreement signed (tranche 1: ¥25,000, payable), and two admins. */
async function signedProject(db: DB) {
	const round = await makeRound(db, 'implementation');
	const org = await makeOrganisation(db);
	const clerk = await makeUser(db, 'admin');
	const checker = await makeUser(db, 'admin');
	const id = await makeProposal(db, round.id, org, 'funded', AWARD);
	await db.updateTable('proposals').set({ award_fen: AWARD, funding_reason: 'funded', funding_rank: 1 }).where('id', '=', id).execute();
	const at = new Date(Date.now() - 86_400_000).toISOString();
	await db.updateTable('rounds').set({ results_confirmed_at: at, results_published_at: at }).where('id', '=', round.id).execute();
	const today = todayIn(round.time_zone);
	const base = { proposalId: id, roundId: round.id, actorId: clerk.id };
	const signed = await recordAgreement(db, { ...base, number: 'HZ-1', signedOn: today, payeeAccountName: '社工站', amountsFen: null, planReason: null });
	expect(signed.ok).toBe(true);
	const tranches = (await projectLedger(db, id))!.tranches;
	return { round, clerk, checker, id, today, base, tranches };
}

const paidOf = async (db: DB, id: number) => (await projectLedger(db, id))!.money.paidFen;
const requestOf = (move: { ok: boolean; value?: unknown }) => (move.ok ? (move.value as { requestId: number | null }).requestId : null);

describe('four eyes on payments', () => {
	it('a payment above the threshold writes nothing until a different admin approves; the entry names both', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		expect(await fourEyesThreshold(db)).toBe(DEFAULT_FOUR_EYES_FEN);
		const asked = await recordPayment(db, { ...w.base, trancheId: w.tranches[0].id, amountFen: 2_500_000, paidOn: w.today, reference: 'PZ-1' }, undefined, await formControl(db));
		const requestId = requestOf(asked);
		expect(requestId).toBeTypeOf('number');
		expect(await paidOf(db, w.id)).toBe(0);
		expect(await db.selectFrom('ledger_entries').select('id').where('kind', '=', 'payment').execute()).toHaveLength(0);

		const own = await approveRequest(db, { requestId: requestId!, actorId: w.clerk.id });
		expect(own.ok || own.errors._form?.key).toBe('approvals.err.own');
		expect(await paidOf(db, w.id)).toBe(0);

		const approved = await approveRequest(db, { requestId: requestId!, actorId: w.checker.id });
		expect(approved.ok).toBe(true);
		expect(await paidOf(db, w.id)).toBe(2_500_000);
		const entry = await db.selectFrom('ledger_entries').select(['actor_id', 'approved_by', 'amount_fen']).where('kind', '=', 'payment').executeTakeFirstOrThrow();
		expect([entry.actor_id, entry.approved_by, Number(entry.amount_fen)]).toEqual([w.clerk.id, w.checker.id, 2_500_000]);

		// Approving twice, by the same admin or another, pays nothing more.
		const again = await approveRequest(db, { requestId: requestId!, actorId: w.checker.id });
		expect(again.ok || again.errors._form?.key).toBe('approvals.err.decided');
		expect(await paidOf(db, w.id)).toBe(2_500_000);

		// The finance office's export shows who entered it and who approved it.
		const rows = await exportPayments(db, { roundId: w.round.id, actorId: w.checker.id, format: 'csv' });
		const name = async (id: number) => (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
		expect(rows.map((r) => [r.requestedBy, r.approvedBy])).toEqual([[await name(w.clerk.id), await name(w.checker.id)]]);
	});

	it('below the threshold a payment is written at once, as before', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		await setFourEyesThreshold(db, { thresholdFen: 3_000_000, actorId: w.clerk.id });
		const paid = await recordPayment(db, { ...w.base, trancheId: w.tranches[0].id, amountFen: 2_500_000, paidOn: w.today, reference: 'PZ-1' }, undefined, await formControl(db));
		expect(paid.ok && paid.value.entryId).toBeTypeOf('number');
		expect(await paidOf(db, w.id)).toBe(2_500_000);
		expect(await moneyRequests(db, { status: 'pending' })).toHaveLength(0);
	});

	it('a pending payment counts against the tranche: a second one beyond it is refused at once', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const control = await formControl(db);
		const pay = (amountFen: number) => recordPayment(db, { ...w.base, trancheId: w.tranches[0].id, amountFen, paidOn: w.today, reference: 'PZ' }, undefined, control);
		expect(requestOf(await pay(1_500_000))).toBeTypeOf('number');
		const over = await pay(1_500_000);
		expect(over.ok || over.errors.amount?.key).toBe('grants.err.overTranche');
		// What is left of the tranche (¥10,000, not above the threshold) is paid at once.
		expect((await pay(1_000_000)).ok).toBe(true);
		expect(await paidOf(db, w.id)).toBe(1_000_000);
	});

	it('two admins approving the same request at once pay it once', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const third = await makeUser(db, 'admin');
		const asked = await recordPayment(db, { ...w.base, trancheId: w.tranches[0].id, amountFen: 2_500_000, paidOn: w.today, reference: 'PZ-1' }, undefined, await formControl(db));
		const requestId = requestOf(asked)!;
		const results = await Promise.all([w.checker, third, w.checker, third].map((u) => approveRequest(db, { requestId, actorId: u.id })));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(await paidOf(db, w.id)).toBe(2_500_000);
		expect(await db.selectFrom('ledger_entries').select('id').where('kind', '=', 'payment').execute()).toHaveLength(1);
	});

	it('a request is withdrawn by its requester only, refused by another admin only, and then nothing moves', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const control = await formControl(db);
		const ask = async () => requestOf(await recordPayment(db, { ...w.base, trancheId: w.tranches[0].id, amountFen: 2_500_000, paidOn: w.today, reference: 'PZ' }, undefined, control))!;
		const first = await ask();
		const notYours = await withdrawRequest(db, { requestId: first, actorId: w.checker.id });
		expect(notYours.ok || notYours.errors._form?.key).toBe('approvals.err.notYours');
		expect((await withdrawRequest(db, { requestId: first, actorId: w.clerk.id })).ok).toBe(true);
		const second = await ask();
		const ownRefusal = await refuseRequest(db, { requestId: second, actorId: w.clerk.id, reason: '重复' });
		expect(ownRefusal.ok || ownRefusal.errors._form?.key).toBe('approvals.err.ownRefuse');
		expect((await refuseRequest(db, { requestId: second, actorId: w.checker.id, reason: '凭证不全' })).ok).toBe(true);
		const late = await approveRequest(db, { requestId: second, actorId: w.checker.id });
		expect(late.ok || late.errors._form?.key).toBe('approvals.err.decided');
		expect(await paidOf(db, w.id)).toBe(0);
		const decided = await moneyRequests(db, { status: 'decided', proposalId: w.id });
		expect(decided.map((r) => [r.status, r.decisionReason])).toEqual([
			['refused', '凭证不全'],
			['withdrawn', null]
		]);
		const audited = await db.selectFrom('audit_log').select('action').where('entity', '=', 'money_request').orderBy('id').execute();
		expect(audited.map((a) => a.action)).toEqual(['money.request', 'money.withdraw', 'money.request', 'money.refuse']);
	});

	it('an approval re-checks the rules: a request the ledger no longer allows is refused and stays pending', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const asked = requestOf(await recordPayment(db, { ...w.base, trancheId: w.tranches[0].id, amountFen: 2_500_000, paidOn: w.today, reference: 'PZ' }, undefined, await formControl(db)))!;
		// Paid meanwhile by a path without four eyes (an import, a seed): the tranche is full.
		await db.updateTable('money_requests').set({ status: 'withdrawn' }).where('id', '=', asked).execute();
		expect((await recordPayment(db, { ...w.base, trancheId: w.tranches[0].id, amountFen: 2_500_000, paidOn: w.today, reference: 'direct' })).ok).toBe(true);
		await db.updateTable('money_requests').set({ status: 'pending' }).where('id', '=', asked).execute();
		const approved = await approveRequest(db, { requestId: asked, actorId: w.checker.id });
		expect(approved.ok || approved.errors.amount?.key).toBe('grants.err.overTranche');
		expect(await paidOf(db, w.id)).toBe(2_500_000);
		expect(await moneyRequests(db, { status: 'pending' })).toHaveLength(1);
	});

	it('reversing a payment above the threshold waits for a second admin too; one reversal of an entry at a time', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		expect((await recordPayment(db, { ...w.base, trancheId: w.tranches[0].id, amountFen: 2_500_000, paidOn: w.today, reference: 'PZ' })).ok).toBe(true);
		const entry = (await projectLedger(db, w.id))!.entries.find((e) => e.kind === 'payment')!;
		const control = await formControl(db);
		const asked = requestOf(await reverseEntry(db, { ...w.base, entryId: entry.id, reason: '录错' }, undefined, control))!;
		expect(await paidOf(db, w.id)).toBe(2_500_000);
		const twice = await reverseEntry(db, { ...w.base, entryId: entry.id, reason: '录错' }, undefined, control);
		expect(twice.ok || twice.errors._form?.key).toBe('approvals.err.pendingSame');
		expect((await approveRequest(db, { requestId: asked, actorId: w.checker.id })).ok).toBe(true);
		expect(await paidOf(db, w.id)).toBe(0);
	});
});

describe('four eyes on allocations', () => {
	async function fund(db: DB, amountFen: number) {
		const clerk = await makeUser(db, 'admin');
		const checker = await makeUser(db, 'admin');
		const made = await saveFund(db, null, { name: `基金 ${Math.random()}`, kind: 'federation', streetId: null, host: '慈善会', description: '' }, clerk.id);
		if (!made.ok) throw new Error('fund');
		const income = await recordIncome(db, { fundId: made.value, amountFen, receivedOn: '2026-03-02', sourceType: 'resident', donorName: null, donorConsent: false, campaign: '', reference: '', actorId: clerk.id });
		if (!income.ok) throw new Error('income');
		const round = await makeRound(db, 'draft', { pool_fen: 0 });
		return { clerk, checker, fundId: made.value, round };
	}

	it('an allocation above the threshold moves nothing until approved, and pending ones together never exceed the fund', async () => {
		const db = await freshDb();
		const w = await fund(db, 3_000_000);
		const control = await formControl(db);
		const allot = (amountFen: number) => allocate(db, { fundId: w.fundId, roundId: w.round.id, amountFen, allocatedOn: '2026-03-03', reason: null, actorId: w.clerk.id }, undefined, control);
		const first = requestOf(await allot(2_000_000))!;
		expect((await getFund(db, w.fundId))!.balanceFen).toBe(3_000_000);
		expect((await roundMoney(db, w.round.id)).allocatedFen).toBe(0);
		const second = await allot(2_000_000);
		expect(second.ok || second.errors.amount?.key).toBe('funds.err.fundShort');
		const own = await approveRequest(db, { requestId: first, actorId: w.clerk.id });
		expect(own.ok || own.errors._form?.key).toBe('approvals.err.own');
		expect((await approveRequest(db, { requestId: first, actorId: w.checker.id })).ok).toBe(true);
		expect((await getFund(db, w.fundId))!.balanceFen).toBe(1_000_000);
		expect((await roundMoney(db, w.round.id)).allocatedFen).toBe(2_000_000);
		const pool = await db.selectFrom('rounds').select('pool_fen').where('id', '=', w.round.id).executeTakeFirstOrThrow();
		expect(Number(pool.pool_fen)).toBe(2_000_000);
		const entry = await db.selectFrom('ledger_entries').select(['actor_id', 'approved_by']).where('kind', '=', 'allocation').executeTakeFirstOrThrow();
		expect([entry.actor_id, entry.approved_by]).toEqual([w.clerk.id, w.checker.id]);
	});

	it('reversing an allocation above the threshold waits for a second admin', async () => {
		const db = await freshDb();
		const w = await fund(db, 3_000_000);
		const allocated = await allocate(db, { fundId: w.fundId, roundId: w.round.id, amountFen: 2_000_000, allocatedOn: '2026-03-03', reason: null, actorId: w.clerk.id });
		if (!allocated.ok) throw new Error('allocation');
		const asked = requestOf(await reverseFundEntry(db, { fundId: w.fundId, entryId: allocated.value.entryId!, reason: '拨错轮次', actorId: w.clerk.id }, undefined, await formControl(db)))!;
		expect((await roundMoney(db, w.round.id)).allocatedFen).toBe(2_000_000);
		expect((await approveRequest(db, { requestId: asked, actorId: w.checker.id })).ok).toBe(true);
		expect((await roundMoney(db, w.round.id)).allocatedFen).toBe(0);
		expect((await getFund(db, w.fundId))!.balanceFen).toBe(3_000_000);
	});
});
