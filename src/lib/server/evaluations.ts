/**
 * Evaluation of funded projects (中期评估 / 结项评估): a round's admin assigns evaluators (reviewer
 * accounts) to an accepted report; each scores it on the evaluation rubric; the report's grade is
 * that of their mean total once all are in (domain/evaluation.ts). Conflicts of interest are the
 * review's (回避: same organisation, declared, or set by an admin; conflicts.ts): a conflicted
 * evaluator is never assigned and never sees the project through an evaluation, whatever the
 * URL. A final 不合格 withholds the last tranche (grants.ts reads evaluation-facts.ts) until an
 * admin overrides it with a reason. Every write locks the project's proposal row first.
 */
import type { DB } from './db';
import { lockRows, writeTransaction } from './db';
import { audit } from './audit';
import { isConflicted } from './conflicts';
import { notify } from './notify';
import { notFound, ok, refuse, refuseField, type Outcome } from './outcome';
import { fundedProject } from './grant-views';
import { projectReport } from './project-reports';
import { getProposalContent } from './proposals';
import { evaluationFactsFor } from './evaluation-facts';
import { EVALUATION_RUBRIC, scoresRefusal, totalHundredths, type EvaluationScores } from '../domain/evaluation';
import type { ReportKind } from '../domain/project-reports';

/** A comment's longest length, as the form says. */
export const EVALUATION_COMMENT_MAX = 2000;

/** The reviewer accounts an admin may assign to a project's report: active, and not conflicted with it. */
export async function evaluatorCandidates(db: DB, proposalId: number) {
	const reviewers = await db
		.selectFrom('users')
		.select(['id', 'name'])
		.where('role', '=', 'reviewer')
		.where('disabled_at', 'is', null)
		.orderBy('name')
		.orderBy('id')
		.execute();
	const out = [];
	for (const r of reviewers) if (!(await isConflicted(db, r.id, proposalId))) out.push(r);
	return out;
}

/** A report's evaluation as the round's admins see it: each evaluator, their scores and total, the grade, the override. */
export async function evaluationForAdmin(db: DB, proposalId: number, kind: ReportKind) {
	const rows = await db
		.selectFrom('evaluation_assignments')
		.innerJoin('users', 'users.id', 'evaluation_assignments.evaluator_id')
		.select([
			'evaluation_assignments.id',
			'evaluation_assignments.status',
			'evaluation_assignments.scores',
			'evaluation_assignments.total_hundredths',
			'evaluation_assignments.comment',
			'evaluation_assignments.submitted_at',
			'evaluation_assignments.evaluator_id',
			'users.name'
		])
		.where('evaluation_assignments.proposal_id', '=', proposalId)
		.where('evaluation_assignments.kind', '=', kind)
		.orderBy('evaluation_assignments.id')
		.execute();
	const facts = await evaluationFactsFor(db, proposalId);
	const conflicted = new Set<number>();
	for (const r of rows) if (await isConflicted(db, r.evaluator_id, proposalId)) conflicted.add(r.id);
	return {
		evaluators: rows.map((r) => ({
			id: r.id,
			// A conflict that came up after the assignment: the evaluator is refused the project; the admin removes them.
			conflicted: conflicted.has(r.id),
			evaluatorId: r.evaluator_id,
			name: r.name,
			status: r.status,
			scores: r.scores ? (JSON.parse(r.scores) as EvaluationScores) : null,
			total: r.total_hundredths === null ? null : Number(r.total_hundredths) / 100,
			comment: r.comment,
			submittedAt: r.submitted_at
		})),
		outcome: facts[kind],
		override: kind === 'final' ? facts.override : null,
		withheld: kind === 'final' && facts.withheld
	};
}

/** Locks the project's row and reads it: undefined unless it is a funded project of the round. */
async function lockedRoundProject(trx: DB, proposalId: number, roundId: number) {
	await lockRows(trx, 'proposals', [proposalId]);
	const project = await fundedProject(trx, proposalId);
	return project?.round.id === roundId ? project : undefined;
}

/** Locks the project and checks it is the round's, with its report of that kind accepted. */
async function acceptedReport(trx: DB, proposalId: number, roundId: number, kind: ReportKind): Promise<Outcome<{ title: string }>> {
	const project = await lockedRoundProject(trx, proposalId, roundId);
	if (!project) return notFound();
	const current = await projectReport(trx, proposalId, kind);
	if (current?.report.status !== 'accepted') return refuse('evaluation.err.notAccepted', undefined, 409);
	return ok({ title: project.title });
}

/** Assigns an evaluator to an accepted report: a reviewer account, never one with a conflict, not after the grade is decided. */
export async function assignEvaluator(
	db: DB,
	input: { proposalId: number; roundId: number; kind: ReportKind; evaluatorId: number; actorId: number },
	now = new Date()
): Promise<Outcome<number>> {
	return writeTransaction(db, async (trx) => {
		const report = await acceptedReport(trx, input.proposalId, input.roundId, input.kind);
		if (!report.ok) return report;
		const evaluator = await trx
			.selectFrom('users')
			.select('id')
			.where('id', '=', input.evaluatorId)
			.where('role', '=', 'reviewer')
			.where('disabled_at', 'is', null)
			.executeTakeFirst();
		if (!evaluator) return refuseField('evaluatorId', 'review.err.noReviewer');
		// 回避, exactly as in review: same organisation, declared, or set by an admin.
		if (await isConflicted(trx, evaluator.id, input.proposalId)) return refuseField('evaluatorId', 'evaluation.err.conflict');
		if ((await evaluationFactsFor(trx, input.proposalId))[input.kind].grade) return refuse('evaluation.err.graded', undefined, 409);
		const existing = await trx
			.selectFrom('evaluation_assignments')
			.select('id')
			.where('proposal_id', '=', input.proposalId)
			.where('kind', '=', input.kind)
			.where('evaluator_id', '=', evaluator.id)
			.executeTakeFirst();
		if (existing) return refuseField('evaluatorId', 'review.err.duplicate');
		const { id } = await trx
			.insertInto('evaluation_assignments')
			.values({
				proposal_id: input.proposalId,
				kind: input.kind,
				evaluator_id: evaluator.id,
				status: 'assigned',
				scores: null,
				total_hundredths: null,
				comment: null,
				assigned_by: input.actorId,
				assigned_at: now.toISOString(),
				submitted_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, {
			actorId: input.actorId,
			action: 'evaluation.assign',
			entity: 'proposal',
			entityId: input.proposalId,
			detail: { kind: input.kind, assignmentId: id, evaluatorId: evaluator.id }
		});
		await notify(trx, [{ userId: evaluator.id, kind: 'notice.evaluationAssigned', params: { title: report.value.title }, link: `/review/evaluations/${id}` }], now);
		return ok(id);
	});
}

/** Takes an evaluator off a report before they submit. */
export async function unassignEvaluator(db: DB, input: { proposalId: number; roundId: number; assignmentId: number; actorId: number }): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		if (!(await lockedRoundProject(trx, input.proposalId, input.roundId))) return notFound();
		const row = await trx
			.selectFrom('evaluation_assignments')
			.select(['id', 'status', 'kind', 'evaluator_id'])
			.where('id', '=', input.assignmentId)
			.where('proposal_id', '=', input.proposalId)
			.executeTakeFirst();
		if (!row) return notFound();
		if (row.status === 'submitted') return refuse('review.err.alreadySubmitted', undefined, 409);
		await trx.deleteFrom('evaluation_assignments').where('id', '=', row.id).execute();
		await audit(trx, {
			actorId: input.actorId,
			action: 'evaluation.unassign',
			entity: 'proposal',
			entityId: input.proposalId,
			detail: { kind: row.kind, assignmentId: row.id, evaluatorId: row.evaluator_id }
		});
		return ok();
	});
}

/**
 * The assignment's row for its evaluator, or undefined: someone else's, or one whose evaluator
 * has a conflict with the project (declared or set since it was assigned), so that a guessed id
 * and a conflicted evaluator learn the same nothing.
 */
async function ownAssignment(db: DB, assignmentId: number, evaluatorId: number) {
	const row = await db
		.selectFrom('evaluation_assignments')
		.selectAll()
		.where('id', '=', assignmentId)
		.where('evaluator_id', '=', evaluatorId)
		.executeTakeFirst();
	if (!row || (await isConflicted(db, evaluatorId, row.proposal_id))) return undefined;
	return row;
}

/**
 * What the evaluator sees: the accepted report (everything the admin sees but private data such
 * as the payee's account), the project's plan and budget, the rubric, and their own scores.
 */
export async function evaluationForEvaluator(db: DB, assignmentId: number, evaluatorId: number) {
	const row = await ownAssignment(db, assignmentId, evaluatorId);
	if (!row) return undefined;
	const [current, plan, facts] = await Promise.all([
		projectReport(db, row.proposal_id, row.kind),
		getProposalContent(db, row.proposal_id),
		evaluationFactsFor(db, row.proposal_id)
	]);
	if (!current || !plan) return undefined;
	const { project, report } = current;
	return {
		assignment: {
			id: row.id,
			kind: row.kind,
			status: row.status,
			scores: row.scores ? (JSON.parse(row.scores) as EvaluationScores) : {},
			comment: row.comment ?? '',
			total: row.total_hundredths === null ? null : Number(row.total_hundredths) / 100,
			submittedAt: row.submitted_at
		},
		project: { id: project.id, title: project.title, organisation: project.organisation, awardFen: project.awardFen },
		round: { title: project.round.title, timeZone: project.round.time_zone, volunteerHourFen: Number(project.round.volunteer_hour_fen ?? 0) },
		report: { content: report.content, visits: report.visits, spentFen: report.spentFen, dueAt: report.dueAt, late: report.late, submittedAt: report.submittedAt, acceptedAt: report.acceptedAt },
		plan,
		rubric: EVALUATION_RUBRIC,
		// The report's grade, once every evaluator is in (the evaluator's own total is above).
		grade: facts[row.kind].grade
	};
}

/** The evaluator submits their scores: each criterion a whole number 0–10; once submitted, final. */
export async function submitEvaluation(
	db: DB,
	input: { assignmentId: number; evaluatorId: number; scores: EvaluationScores; comment: string },
	now = new Date()
): Promise<Outcome<void>> {
	const first = await ownAssignment(db, input.assignmentId, input.evaluatorId);
	if (!first) return notFound();
	return writeTransaction(db, async (trx) => {
		await lockRows(trx, 'proposals', [first.proposal_id]);
		const row = await ownAssignment(trx, input.assignmentId, input.evaluatorId);
		if (!row) return notFound();
		if (row.status === 'submitted') return refuse('review.err.alreadySubmitted', undefined, 409);
		const wrong = scoresRefusal(input.scores);
		if (wrong) return refuseField(`score_${wrong.key}`, wrong.why === 'missing' ? 'err.required' : 'evaluation.err.range');
		if (input.comment.length > EVALUATION_COMMENT_MAX) return refuseField('comment', 'err.tooLong', { max: EVALUATION_COMMENT_MAX });
		const total = totalHundredths(input.scores);
		await trx
			.updateTable('evaluation_assignments')
			.set({ status: 'submitted', scores: JSON.stringify(input.scores), total_hundredths: total, comment: input.comment.trim() || null, submitted_at: now.toISOString() })
			.where('id', '=', row.id)
			.execute();
		// Who gave which score stays with the admins: the log names the assignment and the total only.
		await audit(trx, {
			actorId: input.evaluatorId,
			action: 'evaluation.submit',
			entity: 'proposal',
			entityId: row.proposal_id,
			detail: { kind: row.kind, assignmentId: row.id, total: total / 100 }
		});
		const outcome = (await evaluationFactsFor(trx, row.proposal_id))[row.kind];
		if (outcome.grade) {
			await audit(trx, {
				actorId: input.evaluatorId,
				action: 'evaluation.graded',
				entity: 'proposal',
				entityId: row.proposal_id,
				detail: { kind: row.kind, grade: outcome.grade, mean: outcome.meanHundredths! / 100, evaluators: outcome.submitted }
			});
		}
		return ok();
	});
}

/**
 * An evaluator declares a conflict of interest on an evaluation (the same declaration as in
 * review: it is recorded in review_conflicts and then refuses them the project everywhere). The
 * assignment ends, and scores given under a conflict go with it.
 */
export async function declareEvaluationConflict(db: DB, input: { assignmentId: number; evaluatorId: number; reason: string }, now = new Date()): Promise<Outcome<void>> {
	const reason = input.reason.trim();
	if (!reason) return refuseField('reason', 'review.err.reasonRequired');
	const first = await ownAssignment(db, input.assignmentId, input.evaluatorId);
	if (!first) return notFound();
	return writeTransaction(db, async (trx) => {
		await lockRows(trx, 'proposals', [first.proposal_id]);
		const row = await ownAssignment(trx, input.assignmentId, input.evaluatorId);
		if (!row) return notFound();
		const proposal = await trx.selectFrom('proposals').select('round_id').where('id', '=', row.proposal_id).executeTakeFirstOrThrow();
		const { id } = await trx
			.insertInto('review_conflicts')
			.values({ round_id: proposal.round_id, proposal_id: row.proposal_id, reviewer_id: input.evaluatorId, source: 'declared', reason, created_by: input.evaluatorId, created_at: now.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx.deleteFrom('evaluation_assignments').where('id', '=', row.id).execute();
		await audit(trx, {
			actorId: input.evaluatorId,
			action: 'review.conflict_declared',
			entity: 'proposal',
			entityId: row.proposal_id,
			detail: { conflictId: id, reviewerId: input.evaluatorId, endedEvaluationId: row.id, discardedSubmittedEvaluation: row.status === 'submitted' }
		});
		return ok();
	});
}

/** An admin lets the last tranche be paid despite a final 不合格, with a reason (audited). */
export async function overrideWithheld(db: DB, input: { proposalId: number; roundId: number; reason: string; actorId: number }, now = new Date()): Promise<Outcome<void>> {
	const reason = input.reason.trim();
	if (!reason) return refuseField('reason', 'err.required');
	return writeTransaction(db, async (trx) => {
		if (!(await lockedRoundProject(trx, input.proposalId, input.roundId))) return notFound();
		const facts = await evaluationFactsFor(trx, input.proposalId);
		if (!facts.withheld) return refuse('evaluation.err.notWithheld', undefined, 409);
		await trx.insertInto('evaluation_overrides').values({ proposal_id: input.proposalId, reason, overridden_by: input.actorId, overridden_at: now.toISOString() }).execute();
		await audit(trx, {
			actorId: input.actorId,
			action: 'evaluation.override',
			entity: 'proposal',
			entityId: input.proposalId,
			reason,
			detail: { grade: facts.final.grade, mean: (facts.final.meanHundredths ?? 0) / 100 }
		});
		return ok();
	});
}

/** The evaluator's queue: their evaluations of projects they have no conflict with, newest first. */
export async function evaluatorQueue(db: DB, evaluatorId: number) {
	const rows = await db
		.selectFrom('evaluation_assignments')
		.innerJoin('proposals', 'proposals.id', 'evaluation_assignments.proposal_id')
		.innerJoin('rounds', 'rounds.id', 'proposals.round_id')
		.select(['evaluation_assignments.id', 'evaluation_assignments.kind', 'evaluation_assignments.status', 'evaluation_assignments.proposal_id', 'proposals.title', 'rounds.title as roundTitle'])
		.where('evaluation_assignments.evaluator_id', '=', evaluatorId)
		.orderBy('evaluation_assignments.id', 'desc')
		.execute();
	const out = [];
	for (const r of rows) {
		if (await isConflicted(db, evaluatorId, r.proposal_id)) continue;
		out.push({ id: r.id, kind: r.kind, status: r.status, title: r.title, roundTitle: r.roundTitle });
	}
	return out;
}


