import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeUser } from '../../../tests/helpers/db';
import { AWARD, signedProject } from '../../../tests/helpers/signed-project';
import { budgetChanges, decideBudgetChange, requestBudgetChange } from './budget-changes';
import { projectReport } from './project-reports';

describe('budget changes on a signed project', () => {
	it('takes a small move at once, holds a large one for approval, and keeps the award total', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const ask = { proposalId: w.id, organisationId: w.org, actorId: w.station.id, reason: '场地费上涨' };
		// 10 % of 场地 (¥20,000) is ¥2,000: that much is in force at once.
		const small = await requestBudgetChange(db, { ...ask, fromLine: 0, toLine: 1, amountFen: 200_000 });
		expect(small).toEqual({ ok: true, value: 'applied' });
		expect((await budgetChanges(db, w.id)).lines.map((l) => l.budgetFen)).toEqual([2_800_000, 2_200_000]);
		// The report's spending-vs-budget table reads the current budget.
		expect((await projectReport(db, w.id, 'midterm'))!.report.content.lines.map((l) => l.budgetFen)).toEqual([2_800_000, 2_200_000]);

		const large = await requestBudgetChange(db, { ...ask, fromLine: 0, toLine: 1, amountFen: 1_000_000 });
		expect(large).toEqual({ ok: true, value: 'pending' });
		// Waiting: not in force, and the admins are told.
		expect((await budgetChanges(db, w.id)).lines.map((l) => l.budgetFen)).toEqual([2_800_000, 2_200_000]);
		const told = await db.selectFrom('notices').select('user_id').where('kind', '=', 'notice.budgetChangeRequested').execute();
		expect(told.map((n) => n.user_id)).toContain(w.admin.id);
		// The money asked for cannot be asked for again while it waits.
		const twice = await requestBudgetChange(db, { ...ask, fromLine: 0, toLine: 1, amountFen: 1_900_000 });
		expect(twice.ok || twice.errors.amount?.key).toBe('budgetChanges.err.overLine');

		const pending = (await budgetChanges(db, w.id)).changes.find((c) => c.status === 'pending')!;
		const decide = { proposalId: w.id, roundId: w.round.id, changeId: pending.id, actorId: w.admin.id };
		const bare = await decideBudgetChange(db, { ...decide, decision: 'refuse', comment: null });
		expect(bare.ok || bare.errors.comment?.key).toBe('err.required');
		expect((await decideBudgetChange(db, { ...decide, decision: 'approve', comment: '同意' })).ok).toBe(true);
		const after = await budgetChanges(db, w.id);
		expect(after.lines.map((l) => l.budgetFen)).toEqual([1_800_000, 3_200_000]);
		expect(after.lines.reduce((s, l) => s + l.budgetFen, 0)).toBe(AWARD);
		expect(after.changes.map((c) => c.status)).toEqual(['applied', 'approved']);
		const again = await decideBudgetChange(db, { ...decide, decision: 'refuse', comment: '重复' });
		expect(again.ok || again.errors._form?.key).toBe('budgetChanges.err.decided');

		const audited = await db.selectFrom('audit_log').select('action').where('action', 'like', 'budget.%').orderBy('id').execute();
		expect(audited.map((a) => a.action)).toEqual(['budget.change_apply', 'budget.change_request', 'budget.change_approve']);
	});

	it('refuses another organisation and another round, and keeps what waits for approval out of later moves', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const other = await makeOrganisation(db);
		const stranger = await makeUser(db, 'station', other);
		const theirs = await requestBudgetChange(db, { proposalId: w.id, organisationId: other, actorId: stranger.id, reason: 'x', fromLine: 0, toLine: 1, amountFen: 100 });
		expect(theirs.ok ? 200 : theirs.status).toBe(404);

		const ask = { proposalId: w.id, organisationId: w.org, actorId: w.station.id, reason: '调整' };
		expect((await requestBudgetChange(db, { ...ask, fromLine: 1, toLine: 0, amountFen: 1_500_000 })).ok).toBe(true);
		const pending = (await budgetChanges(db, w.id)).changes[0];
		const wrongRound = await decideBudgetChange(db, { proposalId: w.id, roundId: w.round.id + 1, changeId: pending.id, decision: 'approve', comment: null, actorId: w.admin.id });
		expect(wrongRound.ok ? 200 : wrongRound.status).toBe(404);
		// Small moves out of 场地 may use what the waiting change leaves (¥5,000), not more.
		for (let i = 0; i < 3; i++) expect((await requestBudgetChange(db, { ...ask, fromLine: 1, toLine: 0, amountFen: 150_000 })).ok).toBe(true);
		const fourth = await requestBudgetChange(db, { ...ask, fromLine: 1, toLine: 0, amountFen: 150_000 });
		expect(fourth.ok || fourth.errors.amount).toEqual({ key: 'budgetChanges.err.overLine', params: { left: '500.00' } });
		expect((await decideBudgetChange(db, { proposalId: w.id, roundId: w.round.id, changeId: pending.id, decision: 'approve', comment: null, actorId: w.admin.id })).ok).toBe(true);
		expect((await budgetChanges(db, w.id)).lines.map((l) => l.budgetFen)).toEqual([3_000_000 + 1_950_000, 2_000_000 - 1_950_000]);
	});
});
