import type { DB } from './db';
import type { ConflictSource } from './schema/reviews';
import { audit } from './audit';
import { notify, recipients } from './notify';
import { getRoundByIdOrThrow, inPhase } from './rounds';
import { ok, phaseClosed, refuse, type Outcome } from './outcome';
import { ASSIGNMENT_PHASES } from '../domain/phases';
import { CONFLICT_REASON_MAX } from '../schemas/review';

export { CONFLICT_REASON_MAX };

/**
 * Whether the reviewer must recuse from the proposal (回避): they belong to the applicant
 * organisation, or a conflict was declared by them or set by an admin.
 */
export async function isConflicted(db: DB, reviewerId: number, proposalId: number): Promise<boolean> {
	const [proposal, reviewer, declared] = await Promise.all([
		db.selectFrom('proposals').select('organisation_id').where('id', '=', proposalId).executeTakeFirst(),
		db.selectFrom('users').select('organisation_id').where('id', '=', reviewerId).executeTakeFirst(),
		db
			.selectFrom('review_conflicts')
			.select('id')
			.where('proposal_id', '=', proposalId)
			.where('reviewer_id', '=', reviewerId)
			.executeTakeFirst()
	]);
	if (!proposal || !reviewer) return true;
	return declared !== undefined || (reviewer.organisation_id !== null && reviewer.organisation_id === proposal.organisation_id);
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

/** Every conflicted (reviewer, proposal) pair of a round, for assignment: `${proposalId}:${reviewerId}`. */
export async function roundConflicts(db: DB, roundId: number): Promise<Set<string>> {
	const [declared, sameOrg] = await Promise.all([
		db.selectFrom('review_conflicts').select(['proposal_id', 'reviewer_id']).where('round_id', '=', roundId).execute(),
		db
			.selectFrom('proposals')
			.innerJoin('users', 'users.organisation_id', 'proposals.organisation_id')
			.select(['proposals.id as proposal_id', 'users.id as reviewer_id'])
			.where('proposals.round_id', '=', roundId)
			.where('users.role', '=', 'reviewer')
			.execute()
	]);
	return new Set([...declared, ...sameOrg].map((c) => `${c.proposal_id}:${c.reviewer_id}`));
}

/**
 * Records a conflict and ends the reviewer's assignment to the proposal, if any. A submitted
 * review goes too: scores given under a conflict must not count. Both are in the audit log.
 */
async function recordConflict(
	db: DB,
	input: { proposalId: number; reviewerId: number; source: ConflictSource; reason: string; actorId: number },
	now: Date
): Promise<Outcome<{ endedAssignment: boolean }>> {
	const reason = input.reason.trim();
	if (!reason) return refuse('review.err.reasonRequired');
	if (reason.length > CONFLICT_REASON_MAX) return refuse('err.tooLong', { max: CONFLICT_REASON_MAX });
	const proposal = await db
		.selectFrom('proposals')
		.select(['id', 'round_id', 'title'])
		.where('id', '=', input.proposalId)
		.executeTakeFirst();
	if (!proposal) return refuse('review.err.noProposal');
	const round = await getRoundByIdOrThrow(db, proposal.round_id);
	if (!inPhase(round, ASSIGNMENT_PHASES, now)) return phaseClosed(round, now);
	const existing = await db
		.selectFrom('review_conflicts')
		.select('id')
		.where('proposal_id', '=', proposal.id)
		.where('reviewer_id', '=', input.reviewerId)
		.executeTakeFirst();
	if (existing) return refuse('review.err.conflictExists');
	const ended = await db.transaction().execute(async (trx) => {
		const { id } = await trx
			.insertInto('review_conflicts')
			.values({
				round_id: proposal.round_id,
				proposal_id: proposal.id,
				reviewer_id: input.reviewerId,
				source: input.source,
				reason,
				created_by: input.actorId,
				created_at: now.toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const assignment = await trx
			.selectFrom('review_assignments')
			.select(['id', 'status'])
			.where('proposal_id', '=', proposal.id)
			.where('reviewer_id', '=', input.reviewerId)
			.executeTakeFirst();
		if (assignment) await trx.deleteFrom('review_assignments').where('id', '=', assignment.id).execute();
		// The reason stays in review_conflicts (admins only), not in the log's detail.
		await audit(trx, {
			actorId: input.actorId,
			action: input.source === 'declared' ? 'review.conflict_declared' : 'review.conflict_set',
			entity: 'proposal',
			entityId: proposal.id,
			detail: {
				conflictId: id,
				reviewerId: input.reviewerId,
				endedAssignmentId: assignment?.id ?? null,
				discardedSubmittedReview: assignment?.status === 'submitted'
			}
		});
		// The admins hear of a declared conflict with the change itself (the in-app notice, the mail in the outbox).
		if (input.source === 'declared') {
			await notify(
				trx,
				(await recipients(trx, { role: 'admin' })).map((userId) => ({
					userId,
					kind: 'notice.conflictDeclared' as const,
					params: { title: proposal.title },
					link: `/admin/rounds/${proposal.round_id}/proposals#p-${proposal.id}`
				})),
				now
			);
		}
		return assignment !== undefined;
	});
	return ok({ endedAssignment: ended });
}

/** A reviewer declares a conflict on one of their assignments, before or while reviewing. */
export async function declareConflict(
	db: DB,
	input: { assignmentId: number; reviewerId: number; reason: string },
	now = new Date()
): Promise<Outcome<{ endedAssignment: boolean }>> {
	const assignment = await db
		.selectFrom('review_assignments')
		.select(['proposal_id'])
		.where('id', '=', input.assignmentId)
		.where('reviewer_id', '=', input.reviewerId)
		.executeTakeFirst();
	if (!assignment) return refuse('review.err.noAssignment');
	return recordConflict(
		db,
		{ proposalId: assignment.proposal_id, reviewerId: input.reviewerId, source: 'declared', reason: input.reason, actorId: input.reviewerId },
		now
	);
}

/** An admin records a conflict between a reviewer and a proposal, assigned or not. */
export async function setConflict(
	db: DB,
	input: { proposalId: number; reviewerId: number; reason: string; actorId: number },
	now = new Date()
): Promise<Outcome<{ endedAssignment: boolean }>> {
	const reviewer = await db
		.selectFrom('users')
		.select('id')
		.where('id', '=', input.reviewerId)
		.where('role', '=', 'reviewer')
		.executeTakeFirst();
	if (!reviewer) return refuse('review.err.noReviewer');
	return recordConflict(db, { ...input, source: 'admin' }, now);
}

/** An admin lifts a declared or admin-set conflict (never the same-organisation rule). */
export async function liftConflict(
	db: DB,
	input: { conflictId: number; roundId: number; reason: string; actorId: number }
): Promise<Outcome<void>> {
	const reason = input.reason.trim();
	if (!reason) return refuse('review.err.reasonRequired');
	const row = await db
		.selectFrom('review_conflicts')
		.select(['id', 'proposal_id', 'reviewer_id'])
		.where('id', '=', input.conflictId)
		.where('round_id', '=', input.roundId)
		.executeTakeFirst();
	if (!row) return refuse('review.err.noConflict');
	await db.deleteFrom('review_conflicts').where('id', '=', row.id).execute();
	await audit(db, {
		actorId: input.actorId,
		action: 'review.conflict_lifted',
		entity: 'proposal',
		entityId: row.proposal_id,
		reason,
		detail: { conflictId: row.id, reviewerId: row.reviewer_id }
	});
	return ok(undefined);
}

/** A round's recorded conflicts, for admins (the reason is private to them). */
export async function listConflicts(db: DB, roundId: number) {
	return db
		.selectFrom('review_conflicts')
		.innerJoin('users', 'users.id', 'review_conflicts.reviewer_id')
		.innerJoin('proposals', 'proposals.id', 'review_conflicts.proposal_id')
		.select([
			'review_conflicts.id',
			'review_conflicts.proposal_id as proposalId',
			'review_conflicts.reviewer_id as reviewerId',
			'review_conflicts.source',
			'review_conflicts.reason',
			'review_conflicts.created_at as createdAt',
			'users.name as reviewerName',
			'proposals.title as proposalTitle'
		])
		.where('review_conflicts.round_id', '=', roundId)
		.orderBy('review_conflicts.id')
		.execute();
}
