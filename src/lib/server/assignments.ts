/** Who reviews what: the panel's assignments, made by hand or balanced automatically, and their progress. */
import type { DB } from './db';
import { ASSIGNMENT_PHASES, SCORING_PHASES } from '../domain/phases';
import { autoAssign, type AssignmentReport } from '../domain/assignment';
import { formatInZone } from '../domain/time';
import { audit } from './audit';
import { isConflicted, roundConflicts } from './conflicts';
import { notify } from './notify';
import { ok, phaseClosed, refuse, type Outcome } from './outcome';
import { panelIds } from './reviewers';
import { proposalScoreSummary, reviewDeadline } from './reviews';
import type { ProposalStatus } from './schema';
import { roundScore } from '../domain/funding-line';
import { getRoundByIdOrThrow, inPhase } from './rounds';

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
	const round = await getRoundByIdOrThrow(db, proposal.round_id);
	if (!inPhase(round, ASSIGNMENT_PHASES, now)) return phaseClosed(round, now);
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
	const round = await getRoundByIdOrThrow(db, input.roundId);
	if (!inPhase(round, ASSIGNMENT_PHASES, now)) return phaseClosed(round, now);
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
			detail: {
				added: plan.added.length,
				kept: existing.length,
				short: plan.short.length,
				perProposal: round.reviewers_per_proposal,
				// What the assignment page reports: loads, spread, expertise, and why balance failed if it did.
				report: plan.report
			}
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
	const round = await getRoundByIdOrThrow(db, assignment.round_id);
	if (!inPhase(round, ASSIGNMENT_PHASES, now)) return phaseClosed(round, now);
	if (assignment.status === 'submitted') return refuse('review.err.alreadySubmitted');
	await db.deleteFrom('review_assignments').where('id', '=', assignment.id).execute();
	await audit(db, {
		actorId: input.actorId,
		action: 'review.unassign',
		entity: 'proposal',
		entityId: assignment.proposal_id,
		detail: { assignmentId: assignment.id, reviewerId: assignment.reviewer_id }
	});
	return ok();
}

/** How many assignments each reviewer has in the round, by reviewer id. */
export async function assignmentLoads(db: DB, roundId: number): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('review_assignments')
		.select(['reviewer_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('round_id', '=', roundId)
		.groupBy('reviewer_id')
		.execute();
	return new Map(rows.map((r) => [r.reviewer_id, Number(r.n)]));
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

/** Admin progress: per reviewer and per proposal, overdue reviews and proposals short of reviewers. */
export async function reviewProgress(db: DB, roundId: number, now = new Date()) {
	const round = await getRoundByIdOrThrow(db, roundId);
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
	const round = await getRoundByIdOrThrow(db, input.roundId);
	if (!inPhase(round, SCORING_PHASES, now)) return phaseClosed(round, now);
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

/** Proposals the panel works on: everything past draft that was not withdrawn. */
const IN_PLAY: ProposalStatus[] = ['submitted', 'eligible', 'ineligible', 'funded', 'not_funded'];

/** Everything the admin's panel page shows about the round's proposals (staff only). */
export async function listRoundProposals(db: DB, roundId: number) {
	const proposals = await db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.select([
			'proposals.id',
			'proposals.title',
			'proposals.requested_fen',
			'proposals.status',
			'proposals.award_fen',
			'proposals.decision_reason',
			'proposals.organisation_id',
			'organisations.name as organisation_name'
		])
		.where('proposals.round_id', '=', roundId)
		.where('proposals.status', 'in', IN_PLAY)
		.orderBy('proposals.id')
		.execute();
	const assignments = await db
		.selectFrom('review_assignments')
		.innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
		.select([
			'review_assignments.id',
			'review_assignments.proposal_id',
			'review_assignments.status',
			'review_assignments.reviewer_id',
			'users.name as reviewer_name'
		])
		.where('review_assignments.round_id', '=', roundId)
		.orderBy('review_assignments.id')
		.execute();
	const summary = await proposalScoreSummary(db, roundId);
	return proposals.map((p) => {
		const s = summary.get(p.id);
		return {
			id: p.id,
			title: p.title,
			organisationId: p.organisation_id,
			organisationName: p.organisation_name,
			requestedFen: p.requested_fen,
			status: p.status,
			awardFen: p.award_fen,
			decisionReason: p.decision_reason,
			reviewers: assignments
				.filter((a) => a.proposal_id === p.id)
				.map((a) => ({
					assignmentId: a.id,
					reviewerId: a.reviewer_id,
					name: a.reviewer_name,
					submitted: a.status === 'submitted'
				})),
			count: s?.count ?? 0,
			// Scores at two decimals by the stated rule (SCORE_ROUNDING), as the ranking compares them.
			mean: roundScore(s?.mean ?? null),
			trimmedMean: roundScore(s?.trimmedMean ?? null)
		};
	});
}

/** Whether a proposal belongs to the round, so that a form for one round cannot act on another's. */
export async function proposalInRound(db: DB, proposalId: number, roundId: number): Promise<boolean> {
	const row = await db
		.selectFrom('proposals')
		.select('id')
		.where('id', '=', proposalId)
		.where('round_id', '=', roundId)
		.executeTakeFirst();
	return row !== undefined;
}

export interface AssignmentRunReport {
	at: string;
	perProposal: number;
	short: number;
	report: AssignmentReport;
	names: Record<number, string>;
}

/** The report of the round's last automatic assignment, with the reviewers' names; null before one. */
export async function lastAutoAssignReport(db: DB, roundId: number): Promise<AssignmentRunReport | null> {
	const row = await db
		.selectFrom('audit_log')
		.select(['at', 'detail'])
		.where('action', '=', 'review.auto_assign')
		.where('entity', '=', 'round')
		.where('entity_id', '=', String(roundId))
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	const detail = row?.detail ? (JSON.parse(row.detail) as { perProposal: number; short: number; report?: AssignmentReport }) : null;
	if (!row || !detail?.report) return null;
	const ids = detail.report.loads.map((l) => l.reviewerId);
	const users = ids.length ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute() : [];
	return { at: row.at, perProposal: detail.perProposal, short: detail.short, report: detail.report, names: Object.fromEntries(users.map((u) => [u.id, u.name])) };
}
