import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import type { DB } from './db';
import { closeProject, recordAgreement, recordConditionMet, recordPayment, recordReturn, reverseEntry } from './grants';
import { exportPayments, projectLedger, publicImplementation, todayIn } from './grant-views';
import { runOnce } from './submissions';
import { grantFactsFor } from './grant-facts';
import { movePhase } from './round-guards';
import type { RequestEvent } from '@sveltejs/kit';

const AWARD = 5_000_000;

/** A round with a confirmed list holding one funded project of ¥50,000. */
async function fundedWorld(db: DB) {
	const round = await makeRound(db, 'implementation');
	const org = await makeOrganisation(db);
	const admin = await makeUser(db, 'admin');
	const id = await makeProposal(db, round.id, org, 'funded', AWARD);
	await db.updateTable('proposals').set({ award_fen: AWARD, funding_reason: 'funded', funding_rank: 1 }).where('id', '=', id).execute();
	const at = new Date(Date.now() - 86_400_000).toISOString();
	await db.updateTable('rounds').set({ results_confirmed_at: at, results_published_at: at }).where('id', '=', round.id).execute();
	const today = todayIn(round.time_zone);
	const base = { proposalId: id, roundId: round.id, actorId: admin.id };
	return { round, admin, id, today, base };
}

async function signed(db: DB) {
	const w = await fundedWorld(db);
	const r = await recordAgreement(db, { ...w.base, number: 'HZ-2026-001', signedOn: w.today, payeeAccountName: '海珠社工站', amountsFen: null, planReason: null });
	expect(r.ok).toBe(true);
	const view = (await projectLedger(db, w.id))!;
	return { ...w, tranches: view.tranches };
}

describe('agreements', () => {
	it('splits the award 50/30/20, commits it from the pool, and releases only the first tranche', async () => {
		const db = await freshDb();
		const { id, tranches } = await signed(db);
		expect(tranches.map((t) => [t.amountFen, t.condition, !!t.conditionMetAt])).toEqual([
			[2_500_000, 'signing', true],
			[1_500_000, 'midterm_report', false],
			[1_000_000, 'final_report', false]
		]);
		const view = (await projectLedger(db, id))!;
		expect(view.money).toEqual({ committedFen: AWARD, paidFen: 0, returnedFen: 0, remainingFen: AWARD });
		expect(view.stage).toBe('signed');
	});

	it('refuses a custom plan that does not add up, or has no reason', async () => {
		const db = await freshDb();
		const w = await fundedWorld(db);
		const input = { ...w.base, number: 'N1', signedOn: w.today, payeeAccountName: '', planReason: null };
		const short = await recordAgreement(db, { ...input, amountsFen: [2_000_000, 2_999_999] });
		expect(short.ok || short.errors.plan?.key).toBe('grants.err.plan.sum');
		const noReason = await recordAgreement(db, { ...input, amountsFen: [4_000_000, 1_000_000] });
		expect(noReason.ok || noReason.errors.planReason?.key).toBe('grants.err.planReason');
		const fine = await recordAgreement(db, { ...input, amountsFen: [4_000_000, 1_000_000], planReason: '场地租金需提前支付' });
		expect(fine.ok).toBe(true);
		const again = await recordAgreement(db, { ...input, amountsFen: null });
		expect(again.ok || again.errors._form?.key).toBe('grants.err.agreementExists');
	});

	it('refuses a project that is not on a confirmed list', async () => {
		const db = await freshDb();
		const w = await fundedWorld(db);
		await db.updateTable('rounds').set({ results_confirmed_at: null, results_published_at: null }).where('id', '=', w.round.id).execute();
		const r = await recordAgreement(db, { ...w.base, number: 'N1', signedOn: w.today, payeeAccountName: '', amountsFen: null, planReason: null });
		expect(r.ok || r.status).toBe(404);
	});
});

describe('payments', () => {
	it('pays a tranche, refuses paying it twice or beyond it, and a tranche whose condition is not met', async () => {
		const db = await freshDb();
		const { base, today, tranches, id } = await signed(db);
		const pay = (trancheId: number, amountFen: number) => recordPayment(db, { ...base, trancheId, amountFen, paidOn: today, reference: 'PZ-1' });
		expect((await pay(tranches[0].id, 2_500_000)).ok).toBe(true);
		const twice = await pay(tranches[0].id, 1);
		expect(twice.ok || twice.errors.amount?.key).toBe('grants.err.overTranche');
		const early = await pay(tranches[1].id, 1_500_000);
		expect(early.ok || early.errors._form?.key).toBe('grants.err.conditionNotMet');
		expect((await recordConditionMet(db, { ...base, trancheId: tranches[1].id, reason: '中期报告已线下审核通过' })).ok).toBe(true);
		expect((await pay(tranches[1].id, 1_500_000)).ok).toBe(true);
		const view = (await projectLedger(db, id))!;
		expect(view.money.paidFen).toBe(4_000_000);
		expect(view.stage).toBe('in_progress');
		expect(view.timeline.map((m) => m.kind)).toEqual(['confirmed', 'signed', 'paid', 'paid']);
	});

	it('two payments of the same tranche at once: exactly one is recorded', async () => {
		const db = await freshDb();
		const { base, today, tranches, id } = await signed(db);
		const results = await Promise.all(
			Array.from({ length: 6 }, (_, i) => recordPayment(db, { ...base, trancheId: tranches[0].id, amountFen: 2_500_000, paidOn: today, reference: `PZ-${i}` }))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect((await projectLedger(db, id))!.money.paidFen).toBe(2_500_000);
	});

	it('payments never exceed the award, even when every condition is met and requests race', async () => {
		const db = await freshDb();
		const { base, today, tranches, id } = await signed(db);
		for (const t of tranches.slice(1)) await recordConditionMet(db, { ...base, trancheId: t.id, reason: '报告已通过' });
		const tries = tranches.flatMap((t) => [t, t, t]).map((t) => recordPayment(db, { ...base, trancheId: t.id, amountFen: t.amountFen, paidOn: today, reference: 'x' }));
		const results = await Promise.all(tries);
		expect(results.filter((r) => r.ok)).toHaveLength(3);
		const money = (await projectLedger(db, id))!.money;
		expect(money.paidFen).toBe(AWARD);
		expect(money.remainingFen).toBe(0);
	});

	it('a reversing entry takes a mistaken payment back, and the tranche can be paid again', async () => {
		const db = await freshDb();
		const { base, today, tranches, id } = await signed(db);
		await recordPayment(db, { ...base, trancheId: tranches[0].id, amountFen: 2_500_000, paidOn: today, reference: 'wrong' });
		const entry = (await projectLedger(db, id))!.entries.find((e) => e.kind === 'payment')!;
		expect((await reverseEntry(db, { ...base, entryId: entry.id, reason: '凭证号录错' })).ok).toBe(true);
		const twice = await reverseEntry(db, { ...base, entryId: entry.id, reason: '再冲一次' });
		expect(twice.ok || twice.errors._form?.key).toBe('grants.err.reversed');
		let view = (await projectLedger(db, id))!;
		expect(view.money.paidFen).toBe(0);
		expect(view.entries).toHaveLength(3);
		expect((await recordPayment(db, { ...base, trancheId: tranches[0].id, amountFen: 2_500_000, paidOn: today, reference: 'right' })).ok).toBe(true);
		view = (await projectLedger(db, id))!;
		expect(view.money.paidFen).toBe(2_500_000);
		expect(view.tranches[0].paidOn).toBe(today);
		// The status reads the same net total, and the finance export adds up to it.
		expect(await grantFactsFor(db, id)).toEqual({ signedOn: today, paidFen: 2_500_000, closing: null });
		const exported = await exportPayments(db, { roundId: base.roundId, actorId: base.actorId, format: 'csv' });
		expect(exported.map((e) => [e.amountFen, e.reference, e.tranche])).toEqual([
			[2_500_000, 'wrong', 1],
			[-2_500_000, 'wrong', 1],
			[2_500_000, 'right', 1]
		]);
		expect(exported.reduce((s, e) => s + e.amountFen, 0)).toBe(view.money.paidFen);
	});

	it('the database refuses to change or delete a ledger entry', async () => {
		const db = await freshDb();
		const { id } = await signed(db);
		await expect(db.updateTable('ledger_entries').set({ amount_fen: 1 }).where('proposal_id', '=', id).execute()).rejects.toThrow(/append-only/);
		await expect(db.deleteFrom('ledger_entries').where('proposal_id', '=', id).execute()).rejects.toThrow(/append-only/);
		expect((await projectLedger(db, id))!.money.committedFen).toBe(AWARD);
	});

	it('a double submit of the payment form records one payment', async () => {
		const db = await freshDb();
		const { base, today, tranches, id, admin } = await signed(db);
		const form = () => {
			const data = new FormData();
			data.set('submission_key', 'k'.repeat(24));
			data.set('amount', '25000');
			const request = new Request(`http://localhost/admin/rounds/${base.roundId}/projects/${id}?/pay`, { method: 'POST', body: data });
			return { request, url: new URL(request.url), locals: { user: { id: admin.id } } } as unknown as RequestEvent;
		};
		const action = async () => {
			const r = await recordPayment(db, { ...base, trancheId: tranches[0].id, amountFen: 2_500_000, paidOn: today, reference: 'PZ' });
			if (!r.ok) return { refused: true };
			const { redirect } = await import('@sveltejs/kit');
			redirect(303, '/done');
		};
		const answers = await Promise.allSettled([runOnce(db, form(), action), runOnce(db, form(), action)]);
		expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']); // both redirect
		expect((await projectLedger(db, id))!.money.paidFen).toBe(2_500_000);
	});
});

describe('closing', () => {
	it('a terminated project owes its unspent money, and the return is a ledger entry the public sees', async () => {
		const db = await freshDb();
		const { base, today, tranches, id } = await signed(db);
		await recordPayment(db, { ...base, trancheId: tranches[0].id, amountFen: 2_500_000, paidOn: today, reference: 'PZ' });
		const early = await recordReturn(db, { ...base, amountFen: 100, returnedOn: today, reference: 'TH' });
		expect(early.ok || early.errors._form?.key).toBe('grants.err.notClosed');
		const tooMuch = await closeProject(db, { ...base, outcome: 'terminated', closedOn: today, note: '合作场地收回', returnDueFen: 2_500_001 });
		expect(tooMuch.ok || tooMuch.errors.returnDue?.key).toBe('grants.err.overPaid');
		expect((await closeProject(db, { ...base, outcome: 'terminated', closedOn: today, note: '合作场地收回', returnDueFen: 1_200_000 })).ok).toBe(true);
		const paid = await recordPayment(db, { ...base, trancheId: tranches[1].id, amountFen: 1, paidOn: today, reference: 'x' });
		expect(paid.ok || paid.errors._form?.key).toBe('grants.err.closed');
		expect((await recordReturn(db, { ...base, amountFen: 1_200_000, returnedOn: today, reference: 'TH-1' })).ok).toBe(true);
		const overReturn = await recordReturn(db, { ...base, amountFen: 1_300_001, returnedOn: today, reference: 'TH-2' });
		expect(overReturn.ok || overReturn.errors.amount?.key).toBe('grants.err.overPaid');
		const pub = (await publicImplementation(db, id))!;
		expect(pub).toMatchObject({ stage: 'terminated', awardedFen: AWARD, paidFen: 2_500_000, returnedFen: 1_200_000, closedAt: today });
		expect(JSON.stringify(pub)).not.toContain('海珠社工站');
		expect(JSON.stringify(pub)).not.toContain('TH-1');
	});

	it('a round with a confirmed list closes only when all its funded projects have', async () => {
		const db = await freshDb();
		const { round, admin, base, today } = await signed(db);
		const move = () => movePhase(db, { round, phase: 'closed', actorId: admin.id, reason: '年度结束', carryUnchecked: false, carryReason: null });
		const refused = await move();
		expect(refused.ok || refused.errors._form).toEqual({ key: 'grants.err.roundOpenProjects', params: { count: 1 } });
		expect((await closeProject(db, { ...base, outcome: 'completed', closedOn: today, note: '完成', returnDueFen: 0 })).ok).toBe(true);
		expect((await move()).ok).toBe(true);
	});
});
