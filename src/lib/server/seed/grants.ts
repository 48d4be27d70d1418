import type { DB } from '../db';
import { closeProject, recordAgreement, recordConditionMet, recordPayment, recordReturn } from '../grants';
import { projectLedger, roundProjects, todayIn } from '../grant-views';
import { getRoundById } from '../rounds';
import { projectReport, reviewReport, saveReport } from '../project-reports';
import { assignEvaluator, submitEvaluation } from '../evaluations';
import type { ReportKind } from '../../domain/project-reports';
import type { EvaluationScores } from '../../domain/evaluation';

const DAY = 86_400_000;

/**
 * What became of each funded project of a confirmed round, as a year of work would leave it.
 * `plan(i, count)` says how far project i (by id) got: 'signed' (agreement only), 'paid' (first
 * tranche), 'midterm' (second tranche released with a reason and paid), 'completed' (all paid,
 * closed), 'terminated' (first tranche paid, then stopped with 40 % of it returned). Every step
 * goes through grants.ts, dated after the confirmation and never after `now`.
 */
export type GrantProgress = 'signed' | 'paid' | 'midterm' | 'completed' | 'terminated';

export async function seedGrants(
	db: DB,
	input: { roundId: number; actorId: number; plan: (i: number, count: number) => GrantProgress; evaluatorId?: number },
	now = new Date()
): Promise<Record<GrantProgress, number>> {
	const round = await getRoundById(db, input.roundId);
	if (!round?.results_confirmed_at && !round?.results_published_at) throw new Error('seedGrants: the round has no confirmed list');
	const confirmed = Date.parse((round.results_confirmed_at ?? round.results_published_at)!);
	/** The day `days` after the confirmation on the round's clock, never after today. */
	const at = (days: number) => new Date(Math.min(confirmed + days * DAY, now.getTime()));
	const day = (days: number) => todayIn(round.time_zone, at(days));
	const must = (what: string, outcome: { ok: boolean }) => {
		if (!outcome.ok) throw new Error(`seedGrants ${what}: ${JSON.stringify(outcome)}`);
	};
	const projects = await roundProjects(db, round);
	const counts: Record<GrantProgress, number> = { signed: 0, paid: 0, midterm: 0, completed: 0, terminated: 0 };
	for (const [i, p] of projects.entries()) {
		const progress = input.plan(i, projects.length);
		counts[progress] += 1;
		const base = { proposalId: p.id, roundId: round.id, actorId: input.actorId };
		const number = `${round.year}-${String(round.id).padStart(2, '0')}-${String(i + 1).padStart(3, '0')}`;
		must('agreement', await recordAgreement(db, { ...base, number, signedOn: day(10 + i), payeeAccountName: p.organisation, amountsFen: null, planReason: null }, now));
		if (progress === 'signed') continue;
		const tranches = (await projectLedger(db, p.id))!.tranches;
		const pay = async (position: number, on: number) => {
			const t = tranches[position - 1];
			must('payment', await recordPayment(db, { ...base, trancheId: t.id, amountFen: t.amountFen, paidOn: day(on), reference: `PZ-${number}-${position}` }, now));
		};
		await pay(1, 20 + i);
		if (progress === 'terminated') {
			const returned = Math.round(tranches[0].amountFen * 0.4);
			const note = '服务对象所在小区整体拆迁，活动无法继续开展，经双方协商终止协议。';
			must('close', await closeProject(db, { ...base, outcome: 'terminated', closedOn: day(120), note, returnDueFen: returned }, now));
			must('return', await recordReturn(db, { ...base, amountFen: returned, returnedOn: day(135), reference: `TH-${number}` }, now));
			continue;
		}
		if (progress === 'paid') continue;
		if (input.evaluatorId) await reportAndEvaluate(db, { ...base, kind: 'midterm', evaluatorId: input.evaluatorId, i, at: (days) => at(days) }, must);
		else must('condition', await recordConditionMet(db, { ...base, trancheId: tranches[1].id, reason: '中期报告已线下审核通过' }, now));
		await pay(2, 190 + i);
		if (progress === 'midterm') continue;
		if (input.evaluatorId) await reportAndEvaluate(db, { ...base, kind: 'final', evaluatorId: input.evaluatorId, i, at: (days) => at(days) }, must);
		else must('condition', await recordConditionMet(db, { ...base, trancheId: tranches[2].id, reason: '结项报告已线下审核通过' }, now));
		await pay(3, 330 + i);
		must('close', await closeProject(db, { ...base, outcome: 'completed', closedOn: day(335 + i), note: '项目按协议完成，结项报告已归档。', returnDueFen: 0 }, now));
	}
	return counts;
}

/** Scores that grade 良好, 优秀 and 合格 in turn (totals 84.5, 93, 70.5), so the demo shows each. */
const DEMO_SCORES: EvaluationScores[] = [
	{ goals: 9, feedback: 8, budget: 8, documentation: 8, sustainability: 9 },
	{ goals: 10, feedback: 9, budget: 9, documentation: 9, sustainability: 9 },
	{ goals: 7, feedback: 7, budget: 8, documentation: 6, sustainability: 7 }
];

/**
 * The station's report of `kind` (its plan carried out: visits, spending at budget by the final
 * report, half by the mid-term one), accepted by the admin, then graded by the evaluator.
 */
async function reportAndEvaluate(
	db: DB,
	input: { proposalId: number; roundId: number; actorId: number; kind: ReportKind; evaluatorId: number; i: number; at: (days: number) => Date },
	must: (what: string, outcome: { ok: boolean }) => void
) {
	const share = input.kind === 'final' ? 1 : 0.5;
	const offset = (input.kind === 'final' ? 320 : 180) + input.i;
	const proposal = await db.selectFrom('proposals').select(['organisation_id', 'matching_cash_fen', 'volunteer_hours', 'beneficiaries']).where('id', '=', input.proposalId).executeTakeFirstOrThrow();
	const staff = await db.selectFrom('users').select('id').where('organisation_id', '=', proposal.organisation_id).where('role', '=', 'station').orderBy('id').executeTakeFirst();
	const content = (await projectReport(db, input.proposalId, input.kind, input.at(offset)))!.report.content;
	const visits = Math.max(40, Math.round((proposal.beneficiaries ?? 200) * 4 * share));
	content.activities = content.activities.map((a, k) => ({ ...a, dates: '每周二、周四', sessions: Math.round(24 * share) + k, visits: Math.round(visits / Math.max(1, content.activities.length)) }));
	content.indicators = content.indicators.map((ind) => ({ ...ind, actual: ind.target }));
	content.lines = content.lines.map((l) => ({ ...l, actualFen: Math.round(l.budgetFen * share), explanation: share < 1 ? '按进度支出，其余在下半期使用。' : '' }));
	content.matchingCashFen = Math.round(proposal.matching_cash_fen * share);
	content.volunteerHours = Math.round(proposal.volunteer_hours * share);
	content.volunteers = 12 + input.i * 3;
	content.narrative = input.kind === 'final' ? '项目按计划完成，服务对象满意度调查显示九成以上表示满意。' : '上半期活动按计划开展，居民参与积极。';
	const actorId = staff?.id ?? input.actorId;
	must('report', await saveReport(db, { proposalId: input.proposalId, organisationId: proposal.organisation_id, kind: input.kind, version: 0, content, submit: true, actorId }, input.at(offset)));
	must('accept', await reviewReport(db, { proposalId: input.proposalId, roundId: input.roundId, kind: input.kind, decision: 'accept', comment: null, actorId: input.actorId }, input.at(offset + 3)));
	const assigned = await assignEvaluator(db, { proposalId: input.proposalId, roundId: input.roundId, kind: input.kind, evaluatorId: input.evaluatorId, actorId: input.actorId }, input.at(offset + 4));
	must('evaluator', assigned);
	if (!assigned.ok) return;
	const scores = DEMO_SCORES[input.i % DEMO_SCORES.length];
	must('evaluation', await submitEvaluation(db, { assignmentId: assigned.value, evaluatorId: input.evaluatorId, scores, comment: '材料完整，目标基本达成。' }, input.at(offset + 8)));
}
