/**
 * The panel's discussion of a proposal (HotCRP's model): admins, and each reviewer of the
 * proposal once they have submitted their own review of it and while they have no conflict of
 * interest. Never the applicant, never a reviewer who has not submitted (their score would be
 * swayed) or who must recuse. Reviewers are named by their pseudonym in the round.
 */
import type { DB } from './db';
import type { Role } from './schema';
import { audit } from './audit';
import { isConflicted } from './conflicts';
import { runsRound } from './fund-admins';
import { inPhase, getRoundByIdOrThrow } from './rounds';
import { notFound, ok, phaseClosed, refuseField, type Outcome } from './outcome';
import { roundPseudonyms } from './pseudonyms';
import { DISCUSSION_PHASES } from '../domain/phases';

export interface DiscussionViewer {
	id: number;
	role: Role;
	/** A fund admin's fund: it joins the discussions of its own fund's rounds only. */
	fundId?: number | null;
}

export interface DiscussionPost {
	id: number;
	/** The reviewer's pseudonym letter; null for an admin. */
	letter: string | null;
	mine: boolean;
	body: string;
	createdAt: string;
}

/** The proposal's round when `viewer` may read and write its discussion; undefined otherwise. */
export async function discussionRound(db: DB, viewer: DiscussionViewer, proposalId: number): Promise<number | undefined> {
	const proposal = await db
		.selectFrom('proposals')
		.innerJoin('rounds', 'rounds.id', 'proposals.round_id')
		.select(['proposals.round_id', 'rounds.fund_id'])
		.where('proposals.id', '=', proposalId)
		.executeTakeFirst();
	if (!proposal) return undefined;
	if (runsRound(viewer, proposal)) return proposal.round_id;
	if (viewer.role !== 'reviewer') return undefined;
	const own = await db
		.selectFrom('review_assignments')
		.select('id')
		.where('proposal_id', '=', proposalId)
		.where('reviewer_id', '=', viewer.id)
		.where('status', '=', 'submitted')
		.executeTakeFirst();
	if (!own || (await isConflicted(db, viewer.id, proposalId))) return undefined;
	return proposal.round_id;
}

/** The discussion, oldest first; a refusal (as for a proposal that does not exist) for anyone else. */
export async function readDiscussion(db: DB, viewer: DiscussionViewer, proposalId: number): Promise<Outcome<DiscussionPost[]>> {
	const roundId = await discussionRound(db, viewer, proposalId);
	if (roundId === undefined) return notFound();
	const [rows, pseudonyms] = await Promise.all([
		db
			.selectFrom('proposal_discussion')
			.innerJoin('users', 'users.id', 'proposal_discussion.author_id')
			.select(['proposal_discussion.id', 'proposal_discussion.author_id', 'proposal_discussion.body', 'proposal_discussion.created_at', 'users.role'])
			.where('proposal_discussion.proposal_id', '=', proposalId)
			.orderBy('proposal_discussion.id')
			.execute(),
		roundPseudonyms(db, roundId)
	]);
	return ok(
		rows.map((r) => ({
			id: r.id,
			letter: r.role === 'reviewer' ? (pseudonyms.get(r.author_id) ?? '?') : null,
			mine: r.author_id === viewer.id,
			body: r.body,
			createdAt: r.created_at
		}))
	);
}

export const DISCUSSION_MAX = 2000;

/** Adds a message to the discussion, while the round is between expert review and the final list. */
export async function postToDiscussion(
	db: DB,
	input: { viewer: DiscussionViewer; proposalId: number; body: string },
	now = new Date()
): Promise<Outcome<{ id: number }>> {
	const roundId = await discussionRound(db, input.viewer, input.proposalId);
	if (roundId === undefined) return notFound();
	const round = await getRoundByIdOrThrow(db, roundId);
	if (!inPhase(round, DISCUSSION_PHASES, now) || round.results_confirmed_at) return phaseClosed(round, now);
	const body = input.body.trim();
	if (!body) return refuseField('body', 'err.required');
	if (body.length > DISCUSSION_MAX) return refuseField('body', 'err.tooLong', { max: DISCUSSION_MAX });
	const row = await db
		.insertInto('proposal_discussion')
		.values({ proposal_id: input.proposalId, author_id: input.viewer.id, body, created_at: now.toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	// Who wrote is kept; what they wrote stays in the discussion, not in the log every admin reads.
	await audit(db, { actorId: input.viewer.id, action: 'discussion.post', entity: 'proposal', entityId: input.proposalId, detail: { postId: row.id } });
	return ok({ id: row.id });
}
