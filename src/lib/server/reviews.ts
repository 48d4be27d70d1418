import type { DB } from './db';
import type { FieldError, FieldErrors } from '../schemas/form';
import type { Phase } from '../domain/phases';
import { mean, trimmedMean, weightedTotal } from '../domain/scoring';
import { audit } from './audit';
import { getRubric, phaseOf, type Round } from './rounds';

/** What a domain call gives back: its value, or errors as catalogue keys for the form. */
export type Outcome<T = void> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function ok<T>(value: T): Outcome<T> {
	return { ok: true, value };
}

export function refuse(key: FieldError['key'], params?: FieldError['params']): Outcome<never> {
	return { ok: false, errors: { _form: params ? { key, params } : { key } } };
}

/** The phase gate's refusal; `phase` is the phase key, which the page translates. */
export function phaseClosed(round: Round, now: Date): Outcome<never> {
	return refuse('err.phaseClosed', { phase: phaseOf(round, now) });
}

/** Phases in which the panel may be built or changed. */
export const ASSIGNMENT_PHASES: readonly Phase[] = ['eligibility', 'review'];
/** Reviewers score only while the round is in expert review. */
export const SCORING_PHASES: readonly Phase[] = ['review'];

export const COMMENT_MAX = 2000;

async function roundOf(db: DB, roundId: number): Promise<Round> {
	return db.selectFrom('rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
}

export async function assignReviewer(
	db: DB,
	input: { proposalId: number; reviewerId: number; actorId: number },
	now = new Date()
): Promise<Outcome<number>> {
	const proposal = await db
		.selectFrom('proposals')
		.select(['id', 'round_id', 'organisation_id', 'status'])
		.where('id', '=', input.proposalId)
		.executeTakeFirst();
	if (!proposal) return refuse('review.err.noProposal');
	const round = await roundOf(db, proposal.round_id);
	if (!ASSIGNMENT_PHASES.includes(phaseOf(round, now))) return phaseClosed(round, now);
	if (proposal.status !== 'eligible') return refuse('review.err.notEligible');
	const reviewer = await db
		.selectFrom('users')
		.select(['id', 'organisation_id'])
		.where('id', '=', input.reviewerId)
		.where('role', '=', 'reviewer')
		.where('disabled_at', 'is', null)
		.executeTakeFirst();
	if (!reviewer) return refuse('review.err.noReviewer');
	// 回避: a reviewer never scores their own organisation's proposal.
	if (reviewer.organisation_id !== null && reviewer.organisation_id === proposal.organisation_id) {
		return refuse('review.err.conflict');
	}
	const existing = await db
		.selectFrom('review_assignments')
		.select('id')
		.where('proposal_id', '=', proposal.id)
		.where('reviewer_id', '=', reviewer.id)
		.executeTakeFirst();
	if (existing) return refuse('review.err.duplicate');
	const { id } = await db
		.insertInto('review_assignments')
		.values({
			round_id: proposal.round_id,
			proposal_id: proposal.id,
			reviewer_id: reviewer.id,
			status: 'assigned',
			comment: null,
			private_note: null,
			assigned_at: now.toISOString(),
			submitted_at: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await audit(db, {
		actorId: input.actorId,
		action: 'review.assign',
		entity: 'proposal',
		entityId: proposal.id,
		detail: { assignmentId: id, reviewerId: reviewer.id }
	});
	return ok(id);
}

/** Removes an assignment whose review has not been submitted (its draft scores go with it). */
export async function unassignReviewer(
	db: DB,
	input: { assignmentId: number; proposalId: number; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	const assignment = await db
		.selectFrom('review_assignments')
		.select(['id', 'round_id', 'proposal_id', 'reviewer_id', 'status'])
		.where('id', '=', input.assignmentId)
		.where('proposal_id', '=', input.proposalId)
		.executeTakeFirst();
	if (!assignment) return refuse('review.err.noAssignment');
	const round = await roundOf(db, assignment.round_id);
	if (!ASSIGNMENT_PHASES.includes(phaseOf(round, now))) return phaseClosed(round, now);
	if (assignment.status === 'submitted') return refuse('review.err.alreadySubmitted');
	await db.deleteFrom('review_assignments').where('id', '=', assignment.id).execute();
	await audit(db, {
		actorId: input.actorId,
		action: 'review.unassign',
		entity: 'proposal',
		entityId: assignment.proposal_id,
		detail: { assignmentId: assignment.id, reviewerId: assignment.reviewer_id }
	});
	return ok(undefined);
}

/** A reviewer's assignments, newest round first, with the review deadline (decision start). */
export async function listReviewerQueue(db: DB, reviewerId: number) {
	return db
		.selectFrom('review_assignments')
		.innerJoin('proposals', 'proposals.id', 'review_assignments.proposal_id')
		.innerJoin('rounds', 'rounds.id', 'review_assignments.round_id')
		.select([
			'review_assignments.id',
			'review_assignments.status',
			'review_assignments.submitted_at',
			'proposals.title as proposal_title',
			'rounds.title as round_title',
			'rounds.time_zone',
			'rounds.decision_at'
		])
		.where('review_assignments.reviewer_id', '=', reviewerId)
		.orderBy('rounds.decision_at', 'desc')
		.orderBy('review_assignments.id')
		.execute();
}

/** Weighted totals (0–100) of every submitted review of the given proposals, in assignment order. */
export async function submittedTotals(
	db: DB,
	proposalIds: readonly number[]
): Promise<{ assignmentId: number; proposalId: number; reviewerId: number; total: number }[]> {
	if (proposalIds.length === 0) return [];
	const rows = await db
		.selectFrom('review_assignments')
		.innerJoin('review_scores', 'review_scores.assignment_id', 'review_assignments.id')
		.innerJoin('rubric_criteria', 'rubric_criteria.id', 'review_scores.criterion_id')
		.select([
			'review_assignments.id as assignment_id',
			'review_assignments.proposal_id',
			'review_assignments.reviewer_id',
			'review_scores.score',
			'rubric_criteria.weight',
			'rubric_criteria.scale_max'
		])
		.where('review_assignments.status', '=', 'submitted')
		.where('review_assignments.proposal_id', 'in', proposalIds)
		.orderBy('review_assignments.id')
		.execute();
	const byAssignment = new Map<
		number,
		{ proposalId: number; reviewerId: number; scores: { score: number; weight: number; scaleMax: number }[] }
	>();
	for (const r of rows) {
		let entry = byAssignment.get(r.assignment_id);
		if (!entry) {
			entry = { proposalId: r.proposal_id, reviewerId: r.reviewer_id, scores: [] };
			byAssignment.set(r.assignment_id, entry);
		}
		entry.scores.push({ score: r.score, weight: r.weight, scaleMax: r.scale_max });
	}
	return [...byAssignment].map(([assignmentId, e]) => ({
		assignmentId,
		proposalId: e.proposalId,
		reviewerId: e.reviewerId,
		total: weightedTotal(e.scores)
	}));
}

export interface ScoreSummary {
	count: number;
	mean: number | null;
	trimmedMean: number | null;
}

/** Per proposal of the round: how many reviews are submitted, and the mean and trimmed mean of their totals. */
export async function proposalScoreSummary(db: DB, roundId: number): Promise<Map<number, ScoreSummary>> {
	const ids = (
		await db.selectFrom('proposals').select('id').where('round_id', '=', roundId).execute()
	).map((p) => p.id);
	const totals = new Map<number, number[]>();
	for (const t of await submittedTotals(db, ids)) {
		totals.set(t.proposalId, [...(totals.get(t.proposalId) ?? []), t.total]);
	}
	const out = new Map<number, ScoreSummary>();
	for (const id of ids) {
		const values = totals.get(id) ?? [];
		out.set(id, { count: values.length, mean: mean(values), trimmedMean: trimmedMean(values) });
	}
	return out;
}

/**
 * One assignment as its reviewer sees it, or undefined for anyone else (and when a conflict of
 * interest has come up since it was assigned), so that a guessed id reveals nothing.
 */
export async function getAssignmentForReviewer(
	db: DB,
	assignmentId: number,
	reviewerId: number,
	now = new Date()
) {
	const row = await db
		.selectFrom('review_assignments')
		.innerJoin('proposals', 'proposals.id', 'review_assignments.proposal_id')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
		.select([
			'review_assignments.id',
			'review_assignments.round_id',
			'review_assignments.status',
			'review_assignments.comment',
			'review_assignments.private_note',
			'review_assignments.submitted_at',
			'proposals.id as proposal_id',
			'proposals.organisation_id',
			'proposals.title',
			'proposals.summary',
			'proposals.requested_fen',
			'organisations.name as organisation_name',
			'users.organisation_id as reviewer_organisation_id'
		])
		.where('review_assignments.id', '=', assignmentId)
		.where('review_assignments.reviewer_id', '=', reviewerId)
		.executeTakeFirst();
	if (!row || row.reviewer_organisation_id === row.organisation_id) return undefined;
	const round = await roundOf(db, row.round_id);
	const [rubric, scoreRows, needs] = await Promise.all([
		getRubric(db, row.round_id),
		db
			.selectFrom('review_scores')
			.select(['criterion_id', 'score'])
			.where('assignment_id', '=', row.id)
			.execute(),
		db
			.selectFrom('proposal_needs')
			.innerJoin('needs', 'needs.id', 'proposal_needs.need_id')
			.select(['needs.id', 'needs.title'])
			.where('proposal_needs.proposal_id', '=', row.proposal_id)
			.orderBy('needs.id')
			.execute()
	]);
	const scores = new Map(scoreRows.map((s) => [s.criterion_id, s.score]));
	const criteria = rubric.map((c) => ({
		id: c.id,
		nameZh: c.name_zh,
		nameEn: c.name_en,
		description: c.description,
		weight: c.weight,
		scaleMax: c.scale_max,
		score: scores.get(c.id) ?? null
	}));
	const complete = criteria.every((c) => c.score !== null);
	const total = complete
		? weightedTotal(criteria.map((c) => ({ score: c.score ?? 0, weight: c.weight, scaleMax: c.scaleMax })))
		: null;
	// Other reviewers' totals only once this reviewer has submitted, and never who gave them.
	const others =
		row.status === 'submitted'
			? (await submittedTotals(db, [row.proposal_id]))
					.filter((t) => t.assignmentId !== row.id)
					.map((t) => t.total)
			: [];
	const phase = phaseOf(round, now);
	return {
		assignment: {
			id: row.id,
			status: row.status,
			comment: row.comment,
			privateNote: row.private_note,
			submittedAt: row.submitted_at
		},
		proposal: {
			title: row.title,
			summary: row.summary,
			requestedFen: row.requested_fen,
			organisationName: row.organisation_name,
			needs
		},
		round: {
			title: round.title,
			timeZone: round.time_zone,
			decisionAt: round.decision_at,
			phase
		},
		editable: SCORING_PHASES.includes(phase),
		criteria,
		total,
		others
	};
}

export interface ReviewInput {
	assignmentId: number;
	reviewerId: number;
	/** Score per criterion id; null or missing when not scored yet. */
	scores: Record<number, number | null | undefined>;
	comment: string | null;
	privateNote: string | null;
}

/**
 * Saves a reviewer's scores and comments. A draft may leave scores out; submitting needs every
 * criterion. A submitted review stays submitted: saving it again must be complete too.
 */
export async function saveReview(
	db: DB,
	input: ReviewInput,
	options: { submit: boolean },
	now = new Date()
): Promise<Outcome<{ total: number | null }>> {
	const assignment = await db
		.selectFrom('review_assignments')
		.innerJoin('proposals', 'proposals.id', 'review_assignments.proposal_id')
		.innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
		.select([
			'review_assignments.id',
			'review_assignments.round_id',
			'review_assignments.proposal_id',
			'review_assignments.status',
			'review_assignments.submitted_at',
			'proposals.organisation_id',
			'users.organisation_id as reviewer_organisation_id'
		])
		.where('review_assignments.id', '=', input.assignmentId)
		.where('review_assignments.reviewer_id', '=', input.reviewerId)
		.executeTakeFirst();
	if (!assignment || assignment.organisation_id === assignment.reviewer_organisation_id) {
		return refuse('review.err.noAssignment');
	}
	const round = await roundOf(db, assignment.round_id);
	if (!SCORING_PHASES.includes(phaseOf(round, now))) return phaseClosed(round, now);
	if ((input.comment?.length ?? 0) > COMMENT_MAX || (input.privateNote?.length ?? 0) > COMMENT_MAX) {
		return refuse('err.tooLong', { max: COMMENT_MAX });
	}
	const submit = options.submit || assignment.status === 'submitted';
	const rubric = await getRubric(db, assignment.round_id);
	const known = new Set(rubric.map((c) => c.id));
	const errors: FieldErrors = {};
	for (const id of Object.keys(input.scores).map(Number)) {
		if (!known.has(id)) errors._form = { key: 'err.invalid' };
	}
	const scores: { criterion_id: number; score: number }[] = [];
	for (const c of rubric) {
		const score = input.scores[c.id];
		if (score === null || score === undefined) {
			if (submit) errors[`score_${c.id}`] = { key: 'review.err.scoreRequired' };
		} else if (!Number.isInteger(score) || score < 0 || score > c.scale_max) {
			errors[`score_${c.id}`] = { key: 'review.err.scoreRange', params: { max: c.scale_max } };
		} else {
			scores.push({ criterion_id: c.id, score });
		}
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('review_scores').where('assignment_id', '=', assignment.id).execute();
		if (scores.length > 0) {
			await trx
				.insertInto('review_scores')
				.values(scores.map((s) => ({ ...s, assignment_id: assignment.id })))
				.execute();
		}
		await trx
			.updateTable('review_assignments')
			.set({
				comment: input.comment,
				private_note: input.privateNote,
				status: submit ? 'submitted' : 'assigned',
				submitted_at: submit ? now.toISOString() : null
			})
			.where('id', '=', assignment.id)
			.execute();
		if (submit) {
			// No scores, comments or notes here: the log is readable by every admin.
			await audit(trx, {
				actorId: input.reviewerId,
				action: 'review.submit',
				entity: 'proposal',
				entityId: assignment.proposal_id,
				detail: { assignmentId: assignment.id, resubmitted: assignment.status === 'submitted' }
			});
		}
	});
	const byId = new Map(rubric.map((c) => [c.id, c]));
	const total =
		scores.length === rubric.length
			? weightedTotal(
					scores.map((s) => ({
						score: s.score,
						weight: byId.get(s.criterion_id)!.weight,
						scaleMax: byId.get(s.criterion_id)!.scale_max
					}))
				)
			: null;
	return ok({ total });
}

/**
 * Whether a reviewer may open a proposal (its page, attachments and reviews): only through a
 * live assignment. The one place that answers this, so every door asks the same question.
 */
export async function reviewerMayOpen(db: DB, reviewerId: number, proposalId: number): Promise<boolean> {
	const row = await db
		.selectFrom('review_assignments')
		.select('id')
		.where('reviewer_id', '=', reviewerId)
		.where('proposal_id', '=', proposalId)
		.executeTakeFirst();
	return row !== undefined;
}
