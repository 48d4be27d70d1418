import type { DB } from './db';
import type { FieldError, FieldErrors } from '../schemas/form';
import { COMMENT_MAX, CRITERION_COMMENT_MAX } from '../schemas/review';
import { ASSIGNMENT_PHASES, SCORING_PHASES } from '../domain/phases';
import { ok, phaseClosed, refuse, type Outcome } from './outcome';
import {
	calibratedScores,
	disagreement,
	mean,
	scoreBands,
	standardDeviation,
	trimmedMean,
	weightedTotal
} from '../domain/scoring';
import { autoAssign } from '../domain/assignment';
import { formatInZone } from '../domain/time';
import { audit } from './audit';
import { isConflicted, roundConflicts } from './conflicts';
import { notify } from './notify';
import { panelIds } from './reviewers';
import { getRubric, phaseOf, type Round } from './rounds';

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
	// 回避: never the applicant's own staff, nor anyone with a declared or admin-set conflict.
	if (reviewer.organisation_id !== null && reviewer.organisation_id === proposal.organisation_id) {
		return refuse('review.err.conflict');
	}
	if (await isConflicted(db, reviewer.id, proposal.id)) return refuse('review.err.conflictDeclared');
	const panel = await panelIds(db, proposal.round_id);
	if (panel.length > 0 && !panel.includes(reviewer.id)) return refuse('review.err.notOnPanel');
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
	await notify(db, [assignedNotice(reviewer.id, 1)], now);
	return ok(id);
}

function assignedNotice(reviewerId: number, count: number) {
	return { userId: reviewerId, kind: 'notice.reviewAssigned' as const, params: { count }, link: '/review' };
}

/**
 * Moves an unsubmitted assignment to another reviewer: the new one is checked like a manual
 * assignment, and the old one goes only if the new one is made.
 */
export async function reassignReviewer(
	db: DB,
	input: { assignmentId: number; proposalId: number; reviewerId: number; actorId: number },
	now = new Date()
): Promise<Outcome<number>> {
	const old = await db
		.selectFrom('review_assignments')
		.select(['id', 'status', 'reviewer_id'])
		.where('id', '=', input.assignmentId)
		.where('proposal_id', '=', input.proposalId)
		.executeTakeFirst();
	if (!old) return refuse('review.err.noAssignment');
	if (old.status === 'submitted') return refuse('review.err.alreadySubmitted');
	if (old.reviewer_id === input.reviewerId) return refuse('review.err.duplicate');
	return db.transaction().execute(async (trx) => {
		const added = await assignReviewer(trx, { proposalId: input.proposalId, reviewerId: input.reviewerId, actorId: input.actorId }, now);
		if (!added.ok) return added;
		const removed = await unassignReviewer(trx, { assignmentId: old.id, proposalId: input.proposalId, actorId: input.actorId }, now);
		if (!removed.ok) throw new Error('reassign: the old assignment could not be removed');
		return added;
	});
}

/** A proposal's service categories: those of the needs it answers. */
export async function proposalCategories(db: DB, proposalIds: readonly number[]): Promise<Map<number, string[]>> {
	const out = new Map<number, string[]>(proposalIds.map((id) => [id, []]));
	if (proposalIds.length === 0) return out;
	const rows = await db
		.selectFrom('proposal_needs')
		.innerJoin('needs', 'needs.id', 'proposal_needs.need_id')
		.select(['proposal_needs.proposal_id', 'needs.category'])
		.where('proposal_needs.proposal_id', 'in', proposalIds)
		.execute();
	for (const r of rows) {
		const list = out.get(r.proposal_id)!;
		if (!list.includes(r.category)) list.push(r.category);
	}
	return out;
}

/**
 * Gives every eligible proposal of the round `reviewers_per_proposal` reviewers from the panel,
 * balanced, conflict-free, experts preferred. Existing assignments stay (so do reviews started);
 * running it again only fills the gaps.
 */
export async function autoAssignRound(
	db: DB,
	input: { roundId: number; actorId: number },
	now = new Date()
): Promise<Outcome<{ added: number; short: { proposalId: number; missing: number }[] }>> {
	const round = await roundOf(db, input.roundId);
	if (!ASSIGNMENT_PHASES.includes(phaseOf(round, now))) return phaseClosed(round, now);
	const panel = await panelIds(db, round.id);
	if (panel.length === 0) return refuse('review.err.noPanel');
	const proposals = await db
		.selectFrom('proposals')
		.select('id')
		.where('round_id', '=', round.id)
		.where('status', '=', 'eligible')
		.orderBy('id')
		.execute();
	const ids = proposals.map((p) => p.id);
	const [categories, expertise, existing, conflicts] = await Promise.all([
		proposalCategories(db, ids),
		db.selectFrom('reviewer_expertise').select(['user_id', 'category']).where('user_id', 'in', panel).execute(),
		db
			.selectFrom('review_assignments')
			.select(['proposal_id', 'reviewer_id'])
			.where('round_id', '=', round.id)
			.execute(),
		roundConflicts(db, round.id)
	]);
	const eligible = new Set(ids);
	const plan = autoAssign({
		proposals: ids.map((id) => ({ id, categories: categories.get(id) ?? [] })),
		reviewers: panel.map((id) => ({ id, expertise: expertise.filter((e) => e.user_id === id).map((e) => e.category) })),
		perProposal: round.reviewers_per_proposal,
		// Every assignment of the round counts toward a reviewer's load, eligible proposal or not.
		existing: existing.map((e) => ({ proposalId: eligible.has(e.proposal_id) ? e.proposal_id : -e.proposal_id, reviewerId: e.reviewer_id })),
		conflicted: (reviewerId, proposalId) => conflicts.has(`${proposalId}:${reviewerId}`)
	});
	await db.transaction().execute(async (trx) => {
		// In chunks: SQLite limits the number of bound values in one statement.
		for (let i = 0; i < plan.added.length; i += 500) {
			await trx
				.insertInto('review_assignments')
				.values(
					plan.added.slice(i, i + 500).map((a) => ({
						round_id: round.id,
						proposal_id: a.proposalId,
						reviewer_id: a.reviewerId,
						status: 'assigned' as const,
						comment: null,
						private_note: null,
						assigned_at: now.toISOString(),
						submitted_at: null
					}))
				)
				.execute();
		}
		await audit(trx, {
			actorId: input.actorId,
			action: 'review.auto_assign',
			entity: 'round',
			entityId: round.id,
			detail: { added: plan.added.length, kept: existing.length, short: plan.short.length, perProposal: round.reviewers_per_proposal }
		});
	});
	const perReviewer = new Map<number, number>();
	for (const a of plan.added) perReviewer.set(a.reviewerId, (perReviewer.get(a.reviewerId) ?? 0) + 1);
	await notify(db, [...perReviewer].map(([id, count]) => assignedNotice(id, count)), now);
	return ok({ added: plan.added.length, short: plan.short });
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
			'review_assignments.round_id',
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
	/** Per-reviewer z-score calibration put back on the 0–100 scale (see `calibratedScores`). */
	calibrated: number | null;
	/** Standard deviation of the review totals. */
	sd: number | null;
	/** The reviewers disagree widely (sd above `DISAGREEMENT_SD`). */
	disagreement: boolean;
}

/**
 * Per proposal of the round: how many reviews are submitted, and the mean, trimmed mean,
 * calibrated score and spread of their totals. Calibration uses every submitted review of the
 * round, so that each reviewer's leniency is measured across all they scored.
 */
export async function proposalScoreSummary(db: DB, roundId: number): Promise<Map<number, ScoreSummary>> {
	const ids = (
		await db.selectFrom('proposals').select('id').where('round_id', '=', roundId).execute()
	).map((p) => p.id);
	const reviews = await submittedTotals(db, ids);
	const totals = new Map<number, number[]>();
	for (const t of reviews) totals.set(t.proposalId, [...(totals.get(t.proposalId) ?? []), t.total]);
	const calibrated = calibratedScores(reviews);
	const out = new Map<number, ScoreSummary>();
	for (const id of ids) {
		const values = totals.get(id) ?? [];
		out.set(id, {
			count: values.length,
			mean: mean(values),
			trimmedMean: trimmedMean(values),
			calibrated: calibrated.get(id)?.score ?? null,
			sd: standardDeviation(values),
			disagreement: disagreement(values)
		});
	}
	return out;
}

/** The score the round ranks by, from a summary. */
export function rankingValue(round: Pick<Round, 'ranking_score'>, s: ScoreSummary | undefined): number | null {
	if (!s) return null;
	return round.ranking_score === 'calibrated' ? s.calibrated : s.trimmedMean;
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
		.select([
			'review_assignments.id',
			'review_assignments.round_id',
			'review_assignments.status',
			'review_assignments.comment',
			'review_assignments.private_note',
			'review_assignments.submitted_at',
			'review_assignments.started_at',
			'proposals.id as proposal_id',
			'proposals.title',
			'proposals.summary',
			'proposals.requested_fen',
			'organisations.name as organisation_name'
		])
		.where('review_assignments.id', '=', assignmentId)
		.where('review_assignments.reviewer_id', '=', reviewerId)
		.executeTakeFirst();
	if (!row || !(await reviewerMayOpen(db, reviewerId, row.proposal_id))) return undefined;
	const round = await roundOf(db, row.round_id);
	const [rubric, scoreRows, commentRows, needs] = await Promise.all([
		rubricWithGuidance(db, row.round_id),
		db
			.selectFrom('review_scores')
			.select(['criterion_id', 'score'])
			.where('assignment_id', '=', row.id)
			.execute(),
		db
			.selectFrom('review_criterion_comments')
			.select(['criterion_id', 'comment'])
			.where('assignment_id', '=', row.id)
			.execute(),
		db
			.selectFrom('proposal_needs')
			.innerJoin('needs', 'needs.id', 'proposal_needs.need_id')
			.select(['needs.id', 'needs.title', 'needs.category'])
			.where('proposal_needs.proposal_id', '=', row.proposal_id)
			.orderBy('needs.id')
			.execute()
	]);
	const scores = new Map(scoreRows.map((s) => [s.criterion_id, s.score]));
	const comments = new Map(commentRows.map((c) => [c.criterion_id, c.comment]));
	const criteria = rubric.map((c) => ({
		id: c.id,
		nameZh: c.name_zh,
		nameEn: c.name_en,
		description: c.description,
		weight: c.weight,
		scaleMax: c.scale_max,
		bands: scoreBands(c.scale_max).map((b) => ({ ...b, guidance: c[`guidance_${b.band}`] })),
		score: scores.get(c.id) ?? null,
		comment: comments.get(c.id) ?? null
	}));
	const complete = criteria.every((c) => c.score !== null);
	const total = complete
		? weightedTotal(criteria.map((c) => ({ score: c.score ?? 0, weight: c.weight, scaleMax: c.scaleMax })))
		: null;
	// Other reviewers' totals only once this reviewer has submitted (or never, as the round says),
	// and never who gave them.
	const others =
		row.status === 'submitted' && round.score_visibility === 'after_submit'
			? (await submittedTotals(db, [row.proposal_id]))
					.filter((t) => t.assignmentId !== row.id)
					.map((t) => t.total)
			: [];
	if (!row.started_at) {
		await db.updateTable('review_assignments').set({ started_at: now.toISOString() }).where('id', '=', row.id).execute();
	}
	const phase = phaseOf(round, now);
	const blind = round.blind_review === 1;
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
			// Blind review: the applicant is not named to the reviewer.
			organisationName: blind ? null : row.organisation_name,
			needs
		},
		round: {
			title: round.title,
			timeZone: round.time_zone,
			decisionAt: round.decision_at,
			phase,
			scoreVisibility: round.score_visibility,
			blind
		},
		editable: SCORING_PHASES.includes(phase),
		mayDeclareConflict: ASSIGNMENT_PHASES.includes(phase),
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
	/** Comment per criterion id; blank or missing for none. */
	criterionComments?: Record<number, string | null | undefined>;
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
		.select([
			'review_assignments.id',
			'review_assignments.round_id',
			'review_assignments.proposal_id',
			'review_assignments.status',
			'review_assignments.submitted_at'
		])
		.where('review_assignments.id', '=', input.assignmentId)
		.where('review_assignments.reviewer_id', '=', input.reviewerId)
		.executeTakeFirst();
	if (!assignment || !(await reviewerMayOpen(db, input.reviewerId, assignment.proposal_id))) {
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
	for (const id of [...Object.keys(input.scores), ...Object.keys(input.criterionComments ?? {})].map(Number)) {
		if (!known.has(id)) errors._form = { key: 'err.invalid' };
	}
	const scores: { criterion_id: number; score: number }[] = [];
	const comments: { criterion_id: number; comment: string }[] = [];
	for (const c of rubric) {
		const score = input.scores[c.id];
		if (score === null || score === undefined) {
			if (submit) errors[`score_${c.id}`] = { key: 'review.err.scoreRequired' };
		} else if (!Number.isInteger(score) || score < 0 || score > c.scale_max) {
			errors[`score_${c.id}`] = { key: 'review.err.scoreRange', params: { max: c.scale_max } };
		} else {
			scores.push({ criterion_id: c.id, score });
		}
		const comment = input.criterionComments?.[c.id]?.trim();
		if (comment && comment.length > CRITERION_COMMENT_MAX) {
			errors[`comment_${c.id}`] = { key: 'err.tooLong', params: { max: CRITERION_COMMENT_MAX } };
		} else if (comment) {
			comments.push({ criterion_id: c.id, comment });
		}
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const saved = await db.transaction().execute(async (trx) => {
		// Only from the state this save was checked against: a save or submit that went through in
		// between (another tab, a resent form) makes this one stop rather than write twice.
		const moved = await trx
			.updateTable('review_assignments')
			.set({
				comment: input.comment,
				private_note: input.privateNote,
				status: submit ? 'submitted' : 'assigned',
				submitted_at: submit ? now.toISOString() : null,
				started_at: now.toISOString()
			})
			.where('id', '=', assignment.id)
			.where('status', '=', assignment.status)
			.where('submitted_at', assignment.submitted_at === null ? 'is' : '=', assignment.submitted_at)
			.executeTakeFirst();
		if (Number(moved.numUpdatedRows) !== 1) return false;
		await trx.deleteFrom('review_scores').where('assignment_id', '=', assignment.id).execute();
		if (scores.length > 0) {
			await trx
				.insertInto('review_scores')
				.values(scores.map((s) => ({ ...s, assignment_id: assignment.id })))
				.execute();
		}
		await trx.deleteFrom('review_criterion_comments').where('assignment_id', '=', assignment.id).execute();
		if (comments.length > 0) {
			await trx
				.insertInto('review_criterion_comments')
				.values(comments.map((c) => ({ ...c, assignment_id: assignment.id })))
				.execute();
		}
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
		return true;
	});
	if (!saved) return refuse('review.err.changed');
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
 * live assignment, and never with a conflict of interest (same organisation, declared or set by
 * an admin). The one place that answers this, so every door asks the same question.
 */
export async function reviewerMayOpen(db: DB, reviewerId: number, proposalId: number): Promise<boolean> {
	const row = await db
		.selectFrom('review_assignments')
		.select('id')
		.where('reviewer_id', '=', reviewerId)
		.where('proposal_id', '=', proposalId)
		.executeTakeFirst();
	return row !== undefined && !(await isConflicted(db, reviewerId, proposalId));
}

/** The round's rubric with each criterion's score-band guidance. */
export async function rubricWithGuidance(db: DB, roundId: number) {
	return db
		.selectFrom('rubric_criteria')
		.select([
			'id',
			'position',
			'name_zh',
			'name_en',
			'description',
			'weight',
			'scale_max',
			'guidance_low',
			'guidance_fair',
			'guidance_good',
			'guidance_excellent'
		])
		.where('round_id', '=', roundId)
		.orderBy('position')
		.execute();
}

/** The rubric locks once the first review of the round is submitted. */
export async function rubricLocked(db: DB, roundId: number): Promise<boolean> {
	const row = await db
		.selectFrom('review_assignments')
		.select('id')
		.where('round_id', '=', roundId)
		.where('status', '=', 'submitted')
		.executeTakeFirst();
	return row !== undefined;
}

export interface CriterionInput {
	/** An existing criterion's id, or null for a new one. */
	id: number | null;
	nameZh: string;
	nameEn: string;
	description: string;
	guidance: { low: string; fair: string; good: string; excellent: string };
	weight: number;
	scaleMax: number;
}

/**
 * Replaces the round's rubric: existing criteria are updated in place, new ones added, missing
 * ones removed (with any draft scores on them). Weights must total 100; refused once a review is in.
 */
export async function updateRubric(
	db: DB,
	input: { roundId: number; criteria: readonly CriterionInput[]; actorId: number }
): Promise<Outcome<void>> {
	if (await rubricLocked(db, input.roundId)) return refuse('review.err.rubricLocked');
	if (input.criteria.length === 0) return refuse('review.err.rubricEmpty');
	const total = input.criteria.reduce((s, c) => s + c.weight, 0);
	if (total !== 100) return { ok: false, errors: { weights: { key: 'review.err.weightsTotal', params: { total } } } };
	const current = await getRubric(db, input.roundId);
	const known = new Set(current.map((c) => c.id));
	if (input.criteria.some((c) => c.id !== null && !known.has(c.id))) return refuse('err.invalid');
	const kept = new Set(input.criteria.map((c) => c.id).filter((id): id is number => id !== null));
	await db.transaction().execute(async (trx) => {
		const removed = current.filter((c) => !kept.has(c.id)).map((c) => c.id);
		if (removed.length > 0) {
			await trx.deleteFrom('review_scores').where('criterion_id', 'in', removed).execute();
			await trx.deleteFrom('rubric_criteria').where('id', 'in', removed).execute();
		}
		for (const [i, c] of input.criteria.entries()) {
			const values = {
				position: i + 1,
				name_zh: c.nameZh,
				name_en: c.nameEn,
				description: c.description,
				weight: c.weight,
				scale_max: c.scaleMax,
				guidance_low: c.guidance.low,
				guidance_fair: c.guidance.fair,
				guidance_good: c.guidance.good,
				guidance_excellent: c.guidance.excellent
			};
			if (c.id === null) {
				await trx.insertInto('rubric_criteria').values({ ...values, round_id: input.roundId }).execute();
			} else {
				await trx.updateTable('rubric_criteria').set(values).where('id', '=', c.id).execute();
				// A draft score above a lowered maximum would otherwise be stuck out of range.
				await trx.deleteFrom('review_scores').where('criterion_id', '=', c.id).where('score', '>', c.scaleMax).execute();
			}
		}
		await audit(trx, {
			actorId: input.actorId,
			action: 'round.rubric',
			entity: 'round',
			entityId: input.roundId,
			detail: { criteria: input.criteria.map((c) => ({ name: c.nameZh, weight: c.weight, scaleMax: c.scaleMax })) }
		});
	});
	return ok(undefined);
}

export interface ReviewSettings {
	scoreVisibility: 'after_submit' | 'never';
	blindReview: boolean;
	rankingScore: 'trimmed_mean' | 'calibrated';
	reviewersPerProposal: number;
}

export async function updateReviewSettings(
	db: DB,
	input: { roundId: number; settings: ReviewSettings; actorId: number }
): Promise<Outcome<void>> {
	const { settings } = input;
	await db
		.updateTable('rounds')
		.set({
			score_visibility: settings.scoreVisibility,
			blind_review: settings.blindReview ? 1 : 0,
			ranking_score: settings.rankingScore,
			reviewers_per_proposal: settings.reviewersPerProposal
		})
		.where('id', '=', input.roundId)
		.execute();
	await audit(db, {
		actorId: input.actorId,
		action: 'round.review_settings',
		entity: 'round',
		entityId: input.roundId,
		detail: { ...settings }
	});
	return ok(undefined);
}

/**
 * The review deadline: the start of the decision phase. A review not submitted by then is
 * overdue.
 */
export function reviewDeadline(round: Pick<Round, 'decision_at'>): string {
	return round.decision_at;
}

/** Admin progress: per reviewer and per proposal, overdue reviews and proposals short of reviewers. */
export async function reviewProgress(db: DB, roundId: number, now = new Date()) {
	const round = await roundOf(db, roundId);
	const [assignments, proposals] = await Promise.all([
		db
			.selectFrom('review_assignments')
			.innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
			.innerJoin('proposals', 'proposals.id', 'review_assignments.proposal_id')
			.select([
				'review_assignments.id',
				'review_assignments.status',
				'review_assignments.started_at',
				'review_assignments.reminded_at',
				'review_assignments.reviewer_id',
				'review_assignments.proposal_id',
				'users.name as reviewer_name',
				'proposals.title as proposal_title'
			])
			.where('review_assignments.round_id', '=', roundId)
			.orderBy('users.name')
			.orderBy('review_assignments.id')
			.execute(),
		db
			.selectFrom('proposals')
			.select(['id', 'title'])
			.where('round_id', '=', roundId)
			.where('status', '=', 'eligible')
			.orderBy('id')
			.execute()
	]);
	const deadline = reviewDeadline(round);
	const overdue = now.toISOString() >= deadline;
	const reviewers = new Map<number, { id: number; name: string; assigned: number; started: number; done: number; remindedAt: string | null }>();
	for (const a of assignments) {
		const r = reviewers.get(a.reviewer_id) ?? { id: a.reviewer_id, name: a.reviewer_name, assigned: 0, started: 0, done: 0, remindedAt: null };
		r.assigned += 1;
		if (a.status === 'submitted') r.done += 1;
		else if (a.started_at) r.started += 1;
		if (a.reminded_at && (!r.remindedAt || a.reminded_at > r.remindedAt)) r.remindedAt = a.reminded_at;
		reviewers.set(a.reviewer_id, r);
	}
	const byProposal = proposals.map((p) => {
		const list = assignments.filter((a) => a.proposal_id === p.id);
		return { id: p.id, title: p.title, assigned: list.length, done: list.filter((a) => a.status === 'submitted').length };
	});
	return {
		deadline,
		timeZone: round.time_zone,
		perProposal: round.reviewers_per_proposal,
		reviewers: [...reviewers.values()],
		proposals: byProposal,
		overdue: overdue
			? assignments
					.filter((a) => a.status !== 'submitted')
					.map((a) => ({ id: a.id, reviewerName: a.reviewer_name, proposalTitle: a.proposal_title }))
			: [],
		// Short of reviewers now, or (once the deadline has passed) short of submitted reviews.
		tooFew: byProposal.filter((p) => p.assigned < round.reviewers_per_proposal || (overdue && p.done < round.reviewers_per_proposal))
	};
}

/** Reminds every reviewer of the round with reviews outstanding (in-app, and email when configured). */
export async function sendReviewReminders(
	db: DB,
	input: { roundId: number; actorId: number },
	now = new Date()
): Promise<Outcome<{ reminded: number }>> {
	const round = await roundOf(db, input.roundId);
	if (!SCORING_PHASES.includes(phaseOf(round, now))) return phaseClosed(round, now);
	const open = await db
		.selectFrom('review_assignments')
		.select(['id', 'reviewer_id'])
		.where('round_id', '=', round.id)
		.where('status', '!=', 'submitted')
		.execute();
	const counts = new Map<number, number>();
	for (const a of open) counts.set(a.reviewer_id, (counts.get(a.reviewer_id) ?? 0) + 1);
	if (open.length > 0) {
		await db
			.updateTable('review_assignments')
			.set({ reminded_at: now.toISOString() })
			.where('id', 'in', open.map((a) => a.id))
			.execute();
	}
	await notify(
		db,
		[...counts].map(([userId, count]) => ({
			userId,
			kind: 'notice.reviewReminder' as const,
			params: { round: round.title, count, deadline: formatInZone(reviewDeadline(round), round.time_zone) },
			link: '/review'
		})),
		now
	);
	await audit(db, {
		actorId: input.actorId,
		action: 'review.remind',
		entity: 'round',
		entityId: round.id,
		detail: { reviewers: counts.size, outstanding: open.length }
	});
	return ok({ reminded: counts.size });
}
