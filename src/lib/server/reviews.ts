/** Reviews: what a reviewer sees and scores, the scores' totals and summaries, and who may open a proposal. */
import type { DB } from './db';
import type { FieldErrors } from '../schemas/form';
import { COMMENT_MAX, CRITERION_COMMENT_MAX } from '../schemas/review';
import { ASSIGNMENT_PHASES, DISCUSSION_PHASES, SCORING_PHASES } from '../domain/phases';
import {
	calibratedScores,
	disagreement,
	mean,
	scoreBands,
	standardDeviation,
	trimmedMean,
	weightedTotal
} from '../domain/scoring';
import { audit } from './audit';
import { isConflicted, reviewerMayOpen } from './conflicts';
import { proposalDossier } from './proposal-dossier';
import { tellIfReviewsComplete } from './inbox';

export { reviewerMayOpen };
import { ok, phaseClosed, refuse, refuseAll, type Outcome } from './outcome';
import { getRubric, rubricWithGuidance } from './rubric';
import { getRoundByIdOrThrow, inPhase, phaseOf, type Round } from './rounds';
import { roundPseudonyms } from './pseudonyms';

export interface SubmittedReview {
	assignmentId: number;
	proposalId: number;
	reviewerId: number;
	/** Per criterion, in the order the database returns them (a rubric position is given for sorting). */
	scores: { criterionId: number; position: number; score: number; weight: number; scaleMax: number }[];
}

/** Every submitted review of the given proposals with its criterion scores, in assignment order. */
export async function submittedReviews(db: DB, proposalIds: readonly number[]): Promise<SubmittedReview[]> {
	if (proposalIds.length === 0) return [];
	const rows = await db
		.selectFrom('review_assignments')
		.innerJoin('review_scores', 'review_scores.assignment_id', 'review_assignments.id')
		.innerJoin('rubric_criteria', 'rubric_criteria.id', 'review_scores.criterion_id')
		.select([
			'review_assignments.id as assignment_id',
			'review_assignments.proposal_id',
			'review_assignments.reviewer_id',
			'review_scores.criterion_id',
			'review_scores.score',
			'rubric_criteria.position',
			'rubric_criteria.weight',
			'rubric_criteria.scale_max'
		])
		.where('review_assignments.status', '=', 'submitted')
		.where('review_assignments.proposal_id', 'in', proposalIds)
		.orderBy('review_assignments.id')
		.execute();
	const byAssignment = new Map<number, SubmittedReview>();
	for (const r of rows) {
		let entry = byAssignment.get(r.assignment_id);
		if (!entry) {
			entry = { assignmentId: r.assignment_id, proposalId: r.proposal_id, reviewerId: r.reviewer_id, scores: [] };
			byAssignment.set(r.assignment_id, entry);
		}
		entry.scores.push({ criterionId: r.criterion_id, position: r.position, score: r.score, weight: r.weight, scaleMax: r.scale_max });
	}
	return [...byAssignment.values()];
}

/** Weighted totals (0–100) of every submitted review of the given proposals, in assignment order. */
export async function submittedTotals(
	db: DB,
	proposalIds: readonly number[]
): Promise<{ assignmentId: number; proposalId: number; reviewerId: number; total: number }[]> {
	return (await submittedReviews(db, proposalIds)).map((e) => ({
		assignmentId: e.assignmentId,
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
			'organisations.name as organisation_name'
		])
		.where('review_assignments.id', '=', assignmentId)
		.where('review_assignments.reviewer_id', '=', reviewerId)
		.executeTakeFirst();
	if (!row || !(await reviewerMayOpen(db, reviewerId, row.proposal_id))) return undefined;
	const round = await getRoundByIdOrThrow(db, row.round_id);
	const [rubric, scoreRows, commentRows, dossier] = await Promise.all([
		rubricWithGuidance(db, row.round_id),
		db
			.selectFrom('review_scores')
			.select(['criterion_id', 'score'])
			.where('assignment_id', '=', row.id)
			.execute(),
		db
			.selectFrom('review_criterion_comments')
			.select(['criterion_id', 'comment', 'for_applicant'])
			.where('assignment_id', '=', row.id)
			.execute(),
		proposalDossier(db, round, row.proposal_id)
	]);
	const scores = new Map(scoreRows.map((s) => [s.criterion_id, s.score]));
	const comments = new Map(commentRows.map((c) => [c.criterion_id, c]));
	const criteria = rubric.map((c) => ({
		id: c.id,
		nameZh: c.name_zh,
		nameEn: c.name_en,
		description: c.description,
		weight: c.weight,
		scaleMax: c.scale_max,
		bands: scoreBands(c.scale_max).map((b) => ({ ...b, guidance: c[`guidance_${b.band}`] })),
		score: scores.get(c.id) ?? null,
		comment: comments.get(c.id)?.comment ?? null,
		forApplicant: comments.get(c.id)?.for_applicant === 1
	}));
	const complete = criteria.every((c) => c.score !== null);
	const total = complete
		? weightedTotal(criteria.map((c) => ({ score: c.score ?? 0, weight: c.weight, scaleMax: c.scaleMax })))
		: null;
	// Other reviewers' totals only once this reviewer has submitted (or never, as the round says),
	// and never who gave them: each under the reviewer's pseudonym in the round, the letter the
	// discussion on this page uses too.
	const others: { letter: string; total: number }[] = [];
	if (row.status === 'submitted' && round.score_visibility === 'after_submit') {
		const [totals, letters] = await Promise.all([submittedTotals(db, [row.proposal_id]), roundPseudonyms(db, row.round_id)]);
		for (const t of totals) if (t.assignmentId !== row.id) others.push({ letter: letters.get(t.reviewerId) ?? '?', total: t.total });
		others.sort((x, y) => x.letter.length - y.letter.length || x.letter.localeCompare(y.letter));
	}
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
			id: row.proposal_id,
			title: row.title,
			// Blind review: the applicant is not named to the reviewer (only that: the proposal is
			// read in full, as the admin reads it).
			organisationName: blind ? null : row.organisation_name
		},
		// The whole proposal, as the admin's eligibility check shows it.
		dossier: dossier && {
			content: dossier.content,
			volunteerHourFen: dossier.rules.volunteerHourFen,
			problems: dossier.problems,
			needs: dossier.needs,
			attachments: dossier.attachments
		},
		round: {
			title: round.title,
			timeZone: round.time_zone,
			decisionAt: round.decision_at,
			phase,
			scoreVisibility: round.score_visibility,
			blind
		},
		editable: inPhase(round, SCORING_PHASES, now),
		discussionOpen: inPhase(round, DISCUSSION_PHASES, now) && !round.results_confirmed_at,
		mayDeclareConflict: inPhase(round, ASSIGNMENT_PHASES, now),
		criteria,
		total,
		others
	};
}

/** The proposal of the reviewer's own assignment; undefined for anyone else's. */
export async function assignmentProposal(db: DB, assignmentId: number, reviewerId: number): Promise<number | undefined> {
	const row = await db
		.selectFrom('review_assignments')
		.select('proposal_id')
		.where('id', '=', assignmentId)
		.where('reviewer_id', '=', reviewerId)
		.executeTakeFirst();
	return row?.proposal_id;
}

export interface ReviewInput {
	assignmentId: number;
	reviewerId: number;
	/** Score per criterion id; null or missing when not scored yet. */
	scores: Record<number, number | null | undefined>;
	/** Comment per criterion id; blank or missing for none. */
	criterionComments?: Record<number, string | null | undefined>;
	/** Criterion ids whose comment the reviewer wrote for the applicant too. */
	forApplicant?: readonly number[];
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
	const round = await getRoundByIdOrThrow(db, assignment.round_id);
	if (!inPhase(round, SCORING_PHASES, now)) return phaseClosed(round, now);
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
	const comments: { criterion_id: number; comment: string; for_applicant: number }[] = [];
	const shared = new Set(input.forApplicant ?? []);
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
			comments.push({ criterion_id: c.id, comment, for_applicant: shared.has(c.id) ? 1 : 0 });
		}
	}
	if (Object.keys(errors).length > 0) return refuseAll(errors);
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
			if (assignment.status !== 'submitted') await tellIfReviewsComplete(trx, assignment.round_id, now);
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
 * The review deadline: the start of the decision phase. A review not submitted by then is
 * overdue.
 */
export function reviewDeadline(round: Pick<Round, 'decision_at'>): string {
	return round.decision_at;
}
