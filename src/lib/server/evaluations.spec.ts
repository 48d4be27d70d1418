import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import type { DB } from './db';
import { recordAgreement, recordPayment } from './grants';
import { projectLedger, publicImplementation, todayIn } from './grant-views';
import { projectReport, reviewReport, saveReport } from './project-reports';
import {
	assignEvaluator,
	declareEvaluationConflict,
	evaluationForAdmin,
	evaluationForEvaluator,
	evaluatorCandidates,
	evaluatorQueue,
	overrideWithheld,
	submitEvaluation,
	unassignEvaluator
} from './evaluations';
import type { EvaluationScores } from '../domain/evaluation';
import { implementationStats } from './implementation-stats';

const AWARD = 5_000_000;
const all = (s: number): EvaluationScores => ({ goals: s, feedback: s, budget: s, documentation: s, sustainability: s });

/** A signed project of ¥50,000 whose station has submitted its final report, with an admin and three reviewers. */
async function projectWithFinalReport(db: DB) {
	const round = await makeRound(db, 'implementation');
	const org = await makeOrganisation(db);
	const admin = await makeUser(db, 'admin');
	const station = await makeUser(db, 'station', org);
	const [ann, ben] = [await makeUser(db, 'reviewer'), await makeUser(db, 'reviewer')];
	// A reviewer on the applicant's own staff: conflicted by the same-organisation rule.
	const insider = await makeUser(db, 'reviewer', org);
	const id = await makeProposal(db, round.id, org, 'funded', AWARD);
	await db.updateTable('proposals').set({ award_fen: AWARD, funding_reason: 'funded', funding_rank: 1 }).where('id', '=', id).execute();
	await db.insertInto('budget_lines').values({ proposal_id: id, position: 0, category: 'activities', item: '活动材料', unit: '套', quantity: 10, unit_price_fen: 500_000 }).execute();
	await db.insertInto('proposal_activities').values({ proposal_id: id, position: 0, name: '四点半课堂', start_month: '2026-03', end_month: '2026-12' }).execute();
	const at = new Date(Date.now() - 86_400_000).toISOString();
	await db.updateTable('rounds').set({ results_confirmed_at: at, results_published_at: at }).where('id', '=', round.id).execute();
	const today = todayIn(round.time_zone);
	expect((await recordAgreement(db, { proposalId: id, roundId: round.id, actorId: admin.id, number: 'HZ-1', signedOn: today, payeeAccountName: '某某站', amountsFen: null, planReason: null })).ok).toBe(true);
	const content = (await projectReport(db, id, 'final'))!.report.content;
	content.activities[0] = { ...content.activities[0], dates: '每周三', sessions: 30, visits: 1240 };
	content.lines[0].actualFen = content.lines[0].budgetFen;
	content.volunteers = 38;
	content.narrative = '按计划完成。';
	expect((await saveReport(db, { proposalId: id, organisationId: org, kind: 'final', version: 0, content, submit: true, actorId: station.id })).ok).toBe(true);
	const base = { proposalId: id, roundId: round.id, kind: 'final' as const, actorId: admin.id };
	return { round, org, admin, station, ann, ben, insider, id, today, base };
}

const evaluationRows = (db: DB) => db.selectFrom('evaluation_assignments').selectAll().execute();

describe('evaluations', () => {
	it('evaluates only an accepted report, by reviewers without a conflict, and grades by the mean once all are in', async () => {
		const db = await freshDb();
		const w = await projectWithFinalReport(db);
		const early = await assignEvaluator(db, { ...w.base, evaluatorId: w.ann.id });
		expect(early.ok || early.errors._form?.key).toBe('evaluation.err.notAccepted');
		expect((await reviewReport(db, { ...w.base, decision: 'accept', comment: null })).ok).toBe(true);

		// 回避 as in review: the applicant's own staff is neither offered nor assignable; nor is a station account.
		expect((await evaluatorCandidates(db, w.id)).map((c) => c.id).sort()).toEqual([w.ann.id, w.ben.id].sort());
		const insider = await assignEvaluator(db, { ...w.base, evaluatorId: w.insider.id });
		expect(insider.ok || insider.errors.evaluatorId?.key).toBe('evaluation.err.conflict');
		const station = await assignEvaluator(db, { ...w.base, evaluatorId: w.station.id });
		expect(station.ok || station.errors.evaluatorId?.key).toBe('review.err.noReviewer');
		expect(await evaluationRows(db)).toHaveLength(0);

		const a = await assignEvaluator(db, { ...w.base, evaluatorId: w.ann.id });
		const b = await assignEvaluator(db, { ...w.base, evaluatorId: w.ben.id });
		if (!a.ok || !b.ok) throw new Error('assign failed');
		const again = await assignEvaluator(db, { ...w.base, evaluatorId: w.ann.id });
		expect(again.ok || again.errors.evaluatorId?.key).toBe('review.err.duplicate');
		expect((await db.selectFrom('notices').select('user_id').where('kind', '=', 'notice.evaluationAssigned').execute()).map((n) => n.user_id).sort()).toEqual([w.ann.id, w.ben.id].sort());

		// The evaluator sees the report and the plan, never the payee's account.
		const seen = (await evaluationForEvaluator(db, a.value, w.ann.id))!;
		expect(seen.report.visits).toBe(1240);
		expect(seen.plan.lines).toHaveLength(1);
		expect(JSON.stringify(seen)).not.toContain('某某站');
		// Someone else's evaluation is not there for them.
		expect(await evaluationForEvaluator(db, a.value, w.ben.id)).toBeUndefined();
		expect((await submitEvaluation(db, { assignmentId: a.value, evaluatorId: w.ben.id, scores: all(9), comment: '' })).ok).toBe(false);

		const missing = await submitEvaluation(db, { assignmentId: a.value, evaluatorId: w.ann.id, scores: { goals: 9 }, comment: '' });
		expect(missing.ok || missing.errors.score_feedback?.key).toBe('err.required');
		expect((await submitEvaluation(db, { assignmentId: a.value, evaluatorId: w.ann.id, scores: all(9), comment: '目标达成良好' })).ok).toBe(true);
		const twice = await submitEvaluation(db, { assignmentId: a.value, evaluatorId: w.ann.id, scores: all(1), comment: '' });
		expect(twice.ok || twice.errors._form?.key).toBe('review.err.alreadySubmitted');
		// One of two in: no grade yet, nothing public.
		expect((await evaluationForAdmin(db, w.id, 'final')).outcome).toMatchObject({ assigned: 2, submitted: 1, grade: null });
		expect((await publicImplementation(db, w.id))!.evaluation).toBeNull();

		expect((await submitEvaluation(db, { assignmentId: b.value, evaluatorId: w.ben.id, scores: all(7), comment: '' })).ok).toBe(true);
		// (90 + 70) / 2 = 80 → 良好.
		const admin = await evaluationForAdmin(db, w.id, 'final');
		expect(admin.outcome).toMatchObject({ assigned: 2, submitted: 2, meanHundredths: 8_000, grade: 'good' });
		expect(admin.evaluators.map((e) => e.total)).toEqual([90, 70]);
		const pub = (await publicImplementation(db, w.id))!;
		expect(pub.evaluation).toEqual({ kind: 'final', grade: 'good' });
		expect(pub.timeline.find((m) => m.kind === 'evaluated')).toMatchObject({ report: 'final', grade: 'good' });
		// A decided grade does not move: no evaluator can be added after it.
		const late = await assignEvaluator(db, { ...w.base, evaluatorId: (await makeUser(db, 'reviewer')).id });
		expect(late.ok || late.errors._form?.key).toBe('evaluation.err.graded');
		// The round's stats: one project graded 良好, its final report's visits and volunteers; seen
		// after both due dates, the final report was in on time and the mid-term one never came.
		const round = await db.selectFrom('rounds').selectAll().where('id', '=', w.round.id).executeTakeFirstOrThrow();
		const later = new Date(Date.parse(round.closed_at) + 86_400_000);
		expect(await implementationStats(db, round, later)).toEqual({
			projects: 1,
			reportsDue: 2,
			reportsOnTime: 1,
			grades: { excellent: 0, good: 1, pass: 0, fail: 0 },
			visits: 1240,
			volunteers: 38,
			realisedMatchingFen: 0
		});
		const actions = (await db.selectFrom('audit_log').select('action').where('action', 'like', 'evaluation.%').execute()).map((r) => r.action);
		expect(actions).toEqual(['evaluation.assign', 'evaluation.assign', 'evaluation.submit', 'evaluation.submit', 'evaluation.graded']);
	});

	it('refuses an evaluator whose conflict came up after assignment everywhere, and a declared conflict ends the evaluation', async () => {
		const db = await freshDb();
		const w = await projectWithFinalReport(db);
		expect((await reviewReport(db, { ...w.base, decision: 'accept', comment: null })).ok).toBe(true);
		const a = await assignEvaluator(db, { ...w.base, evaluatorId: w.ann.id });
		const b = await assignEvaluator(db, { ...w.base, evaluatorId: w.ben.id });
		if (!a.ok || !b.ok) throw new Error('assign failed');
		// An admin sets a conflict for ann (as review_conflicts records it).
		await db
			.insertInto('review_conflicts')
			.values({ round_id: w.round.id, proposal_id: w.id, reviewer_id: w.ann.id, source: 'admin', reason: '亲属关系', created_by: w.admin.id, created_at: new Date().toISOString() })
			.execute();
		expect(await evaluationForEvaluator(db, a.value, w.ann.id)).toBeUndefined();
		expect(await evaluatorQueue(db, w.ann.id)).toEqual([]);
		const refused = await submitEvaluation(db, { assignmentId: a.value, evaluatorId: w.ann.id, scores: all(9), comment: '' });
		expect(refused.ok ? 200 : refused.status).toBe(404);
		expect((await evaluationRows(db)).find((r) => r.id === a.value)?.status).toBe('assigned');
		// Nor does a conflicted evaluator hold the grade back: ben's evaluation alone decides it.
		expect((await evaluationForAdmin(db, w.id, 'final')).outcome).toMatchObject({ assigned: 1, submitted: 0 });

		// ben declares a conflict himself: the same declaration as in review, and his evaluation goes.
		expect((await evaluatorQueue(db, w.ben.id)).map((q) => q.id)).toEqual([b.value]);
		expect((await declareEvaluationConflict(db, { assignmentId: b.value, evaluatorId: w.ben.id, reason: '曾在该机构兼职' })).ok).toBe(true);
		expect((await evaluationRows(db)).map((r) => r.id)).toEqual([a.value]);
		expect(await db.selectFrom('review_conflicts').select(['reviewer_id', 'source']).where('reviewer_id', '=', w.ben.id).execute()).toEqual([{ reviewer_id: w.ben.id, source: 'declared' }]);
		expect((await evaluatorCandidates(db, w.id)).map((c) => c.id)).toEqual([]);
		// The admin takes ann's unsubmitted evaluation off the report.
		expect((await unassignEvaluator(db, { proposalId: w.id, roundId: w.round.id, assignmentId: a.value, actorId: w.admin.id })).ok).toBe(true);
		expect(await evaluationRows(db)).toHaveLength(0);
	});

	it('withholds the last tranche on a final 不合格 until an admin overrides it with a reason', async () => {
		const db = await freshDb();
		const w = await projectWithFinalReport(db);
		expect((await reviewReport(db, { ...w.base, decision: 'accept', comment: null })).ok).toBe(true);
		const a = await assignEvaluator(db, { ...w.base, evaluatorId: w.ann.id });
		if (!a.ok) throw new Error('assign failed');
		const last = (await projectLedger(db, w.id))!.tranches.at(-1)!;
		expect([last.condition, !!last.conditionMetAt, last.withheld]).toEqual(['final_report', true, false]);
		const notYet = await overrideWithheld(db, { proposalId: w.id, roundId: w.round.id, reason: '无', actorId: w.admin.id });
		expect(notYet.ok || notYet.errors._form?.key).toBe('evaluation.err.notWithheld');

		expect((await submitEvaluation(db, { assignmentId: a.value, evaluatorId: w.ann.id, scores: all(5), comment: '资料缺失' })).ok).toBe(true);
		const view = (await projectLedger(db, w.id))!;
		expect(view.tranches.at(-1)!.withheld).toBe(true);
		expect(view.tranches.slice(0, -1).every((t) => !t.withheld)).toBe(true);
		const pay = { proposalId: w.id, roundId: w.round.id, actorId: w.admin.id, trancheId: last.id, amountFen: last.amountFen, paidOn: w.today, reference: 'PZ-3' };
		const withheld = await recordPayment(db, pay);
		expect(withheld.ok || withheld.errors._form?.key).toBe('evaluation.err.withheld');
		expect((await publicImplementation(db, w.id))!.evaluation).toEqual({ kind: 'final', grade: 'fail' });

		const blank = await overrideWithheld(db, { proposalId: w.id, roundId: w.round.id, reason: '  ', actorId: w.admin.id });
		expect(blank.ok || blank.errors.reason?.key).toBe('err.required');
		expect((await overrideWithheld(db, { proposalId: w.id, roundId: w.round.id, reason: '整改材料已补交并经理事会同意', actorId: w.admin.id })).ok).toBe(true);
		expect((await projectLedger(db, w.id))!.tranches.at(-1)!.withheld).toBe(false);
		expect((await recordPayment(db, pay)).ok).toBe(true);
		const logged = await db.selectFrom('audit_log').select(['reason', 'actor_id']).where('action', '=', 'evaluation.override').execute();
		expect(logged).toEqual([{ reason: '整改材料已补交并经理事会同意', actor_id: w.admin.id }]);
		// The grade stays what it was: an override releases money, it does not rewrite the evaluation.
		expect((await publicImplementation(db, w.id))!.evaluation).toEqual({ kind: 'final', grade: 'fail' });
	});
});
