import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation } from '../../../tests/helpers/db';
import { signedProject } from '../../../tests/helpers/signed-project';
import type { DB } from './db';
import { recordPayment } from './grants';
import { projectLedger, publicImplementation } from './grant-views';
import { projectReport, remindDueReports, reviewReport, saveReport } from './project-reports';
import { reportOnPlan, type ReportContent } from '../domain/project-reports';

async function contentOf(db: DB, id: number): Promise<ReportContent> {
	const current = (await projectReport(db, id, 'midterm'))!;
	const content = reportOnPlan({ activities: [], indicators: [], lines: [] }, current.report.content);
	content.activities = current.report.content.activities.map((a) => ({ ...a, dates: '每周三', sessions: 20, visits: 640 }));
	content.lines = current.report.content.lines.map((l) => ({ ...l, actualFen: l.budgetFen }));
	content.narrative = '按计划开展。';
	return content;
}

describe('project reports', () => {
	it('runs draft → submit → return → resubmit → accept, and acceptance releases tranche 2', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const base = { proposalId: w.id, organisationId: w.org, kind: 'midterm' as const, actorId: w.station.id };
		const content = await contentOf(db, w.id);
		expect((await saveReport(db, { ...base, version: 0, content, submit: false })).ok).toBe(true);
		// A draft is the station's own: the public sees nothing of it.
		expect((await publicImplementation(db, w.id))!.timeline.some((m) => m.report)).toBe(false);
		// A line over budget by more than 10 % needs its explanation before the report goes in.
		const over = { ...content, lines: content.lines.map((l, i) => (i === 0 ? { ...l, actualFen: 3_400_000 } : l)) };
		const refused = await saveReport(db, { ...base, version: 1, content: over, submit: true });
		expect(refused.ok || refused.errors['line.0.explanation']?.key).toBe('reports.err.explain');
		const explained = { ...over, lines: over.lines.map((l, i) => (i === 0 ? { ...l, explanation: '材料涨价' } : l)) };
		expect((await saveReport(db, { ...base, version: 1, content: explained, submit: true })).ok).toBe(true);
		// In review the station cannot change it.
		const locked = await saveReport(db, { ...base, version: 2, content: explained, submit: false });
		expect(locked.ok || locked.errors._form?.key).toBe('reports.err.notEditable');

		const review = { proposalId: w.id, roundId: w.round.id, kind: 'midterm' as const, actorId: w.admin.id };
		const noComment = await reviewReport(db, { ...review, decision: 'return', comment: null });
		expect(noComment.ok || noComment.errors.comment?.key).toBe('err.required');
		expect((await reviewReport(db, { ...review, decision: 'return', comment: '请补充活动照片说明' })).ok).toBe(true);
		const notices = await db.selectFrom('notices').select(['kind', 'user_id']).where('kind', '=', 'notice.reportReturned').execute();
		expect(notices.map((n) => n.user_id)).toContain(w.station.id);
		const returned = (await projectReport(db, w.id, 'midterm'))!.report;
		expect([returned.status, returned.reviewComment]).toEqual(['returned', '请补充活动照片说明']);

		const tranche2 = (await projectLedger(db, w.id))!.tranches[1];
		const early = await recordPayment(db, { ...review, trancheId: tranche2.id, amountFen: tranche2.amountFen, paidOn: w.today, reference: 'PZ-2' });
		expect(early.ok || early.errors._form?.key).toBe('grants.err.conditionNotMet');

		expect((await saveReport(db, { ...base, version: returned.version, content: { ...explained, narrative: '按计划开展，照片见附件。' }, submit: true })).ok).toBe(true);
		expect((await reviewReport(db, { ...review, decision: 'accept', comment: null })).ok).toBe(true);
		const accepted = (await projectReport(db, w.id, 'midterm'))!;
		expect(accepted.report.status).toBe('accepted');
		expect(accepted.report.visits).toBe(640);
		expect(accepted.report.spentFen).toBe(3_400_000 + 2_000_000);
		expect(accepted.tranches[1].conditionMetAt).not.toBeNull();
		expect(accepted.tranches[2].conditionMetAt).toBeNull();
		const paid = await recordPayment(db, { ...review, trancheId: tranche2.id, amountFen: tranche2.amountFen, paidOn: w.today, reference: 'PZ-2' });
		expect(paid.ok).toBe(true);
		// The public sees the accepted report: on the timeline, spending and visits as reported.
		const pub = (await publicImplementation(db, w.id))!;
		expect(pub.timeline.filter((m) => m.report).map((m) => [m.kind, m.report])).toEqual([
			['reportSubmitted', 'midterm'],
			['reportAccepted', 'midterm']
		]);
		expect(pub.spentFen).toBe(5_400_000);
		expect(pub.outcome?.visits).toBe(640);
		expect(pub.reports.map((r) => [r.kind, !!r.submittedOn, !!r.acceptedOn])).toEqual([
			['midterm', true, true],
			['final', false, false]
		]);
		const twice = await reviewReport(db, { ...review, decision: 'accept', comment: null });
		expect(twice.ok || twice.errors._form?.key).toBe('reports.err.notSubmitted');
		const actions = await db.selectFrom('audit_log').select('action').where('action', 'like', 'report.%').orderBy('id').execute();
		expect(actions.map((a) => a.action)).toEqual(['report.submit', 'report.return', 'report.submit', 'report.accept']);
	});

	it('refuses another organisation’s station, and a save on top of a newer version', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const other = await makeOrganisation(db, '别的社工站');
		const content = await contentOf(db, w.id);
		const foreign = await saveReport(db, { proposalId: w.id, organisationId: other, kind: 'final', version: 0, content, submit: false, actorId: w.station.id });
		expect(foreign.ok || foreign.status).toBe(404);
		const base = { proposalId: w.id, organisationId: w.org, kind: 'final' as const, actorId: w.station.id };
		expect((await saveReport(db, { ...base, version: 0, content, submit: false })).ok).toBe(true);
		const stale = await saveReport(db, { ...base, version: 0, content, submit: false });
		expect(stale.ok || stale.errors._form?.key).toBe('reports.err.changed');
		const wrongRound = await reviewReport(db, { proposalId: w.id, roundId: w.round.id + 1, kind: 'final', decision: 'accept', comment: null, actorId: w.admin.id });
		expect(wrongRound.ok || wrongRound.status).toBe(404);
	});

	it('reminds the station once of a report due within two weeks', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const now = new Date();
		// Mid-term due in 10 days (halfway between these), final much later.
		const start = new Date(now.getTime() - 80 * 86_400_000).toISOString();
		const end = new Date(now.getTime() + 100 * 86_400_000).toISOString();
		await db.updateTable('rounds').set({ implementation_at: start, closed_at: end }).where('id', '=', w.round.id).execute();
		expect(await remindDueReports(db, now)).toBe(1);
		expect(await remindDueReports(db, new Date(now.getTime() + 3_600_000))).toBe(0);
		const notices = await db.selectFrom('notices').select(['user_id', 'link']).where('kind', '=', 'notice.reportDue').execute();
		expect(notices.length).toBeGreaterThan(0);
		expect(notices.every((n) => n.link === `/station/proposals/${w.id}/reports/midterm`)).toBe(true);
	});
});
