/**
 * Admins read the reviews of a proposal: each review by criterion with its comments, the
 * reviewer named by their pseudonym in the round (`roundPseudonyms`), the spread of each
 * criterion's scores; names only when an admin opens them, which is audited.
 */
import type { DB } from './db';
import { audit } from './audit';
import { getRubric } from './rubric';
import { ok, notFound, type Outcome } from './outcome';
import { roundPseudonyms } from './pseudonyms';
import { criterionSpread } from '../domain/review-reading';
import { disagreement, weightedTotal } from '../domain/scoring';

/** The proposal of the round, with what the reviews page names it by; undefined when not in the round. */
async function proposalOfRound(db: DB, roundId: number, proposalId: number) {
	return db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.select(['proposals.id', 'proposals.title', 'proposals.status', 'organisations.name as organisation'])
		.where('proposals.id', '=', proposalId)
		.where('proposals.round_id', '=', roundId)
		.executeTakeFirst();
}

/**
 * Every submitted review of one proposal of the round, criterion by criterion, for admins; the
 * reviewers by pseudonym only. Drafts are counted, not shown: a reviewer may still change them.
 */
export async function proposalReviews(db: DB, roundId: number, proposalId: number) {
	const proposal = await proposalOfRound(db, roundId, proposalId);
	if (!proposal) return undefined;
	const [rubric, assignments, pseudonyms] = await Promise.all([
		getRubric(db, roundId),
		db
			.selectFrom('review_assignments')
			.select(['id', 'reviewer_id', 'status', 'submitted_at', 'comment', 'private_note'])
			.where('proposal_id', '=', proposalId)
			.orderBy('id')
			.execute(),
		roundPseudonyms(db, roundId)
	]);
	const submitted = assignments.filter((a) => a.status === 'submitted');
	const ids = submitted.map((a) => a.id);
	const [scores, comments] = ids.length
		? await Promise.all([
				db.selectFrom('review_scores').select(['assignment_id', 'criterion_id', 'score']).where('assignment_id', 'in', ids).execute(),
				db
					.selectFrom('review_criterion_comments')
					.select(['assignment_id', 'criterion_id', 'comment', 'for_applicant'])
					.where('assignment_id', 'in', ids)
					.execute()
			])
		: [[], []];
	const reviews = submitted
		.map((a) => {
			const own = scores.filter((s) => s.assignment_id === a.id);
			const scoreOf = (criterionId: number) => own.find((s) => s.criterion_id === criterionId)?.score ?? null;
			return {
				letter: pseudonyms.get(a.reviewer_id) ?? '?',
				submittedAt: a.submitted_at,
				total: weightedTotal(
					rubric.flatMap((c) => {
						const score = scoreOf(c.id);
						return score === null ? [] : [{ score, weight: c.weight, scaleMax: c.scale_max }];
					})
				),
				criteria: rubric.map((c) => {
					const note = comments.find((x) => x.assignment_id === a.id && x.criterion_id === c.id);
					return { id: c.id, score: scoreOf(c.id), comment: note?.comment ?? null, forApplicant: note?.for_applicant === 1 };
				}),
				comment: a.comment,
				privateNote: a.private_note
			};
		})
		.sort((x, y) => x.letter.length - y.letter.length || x.letter.localeCompare(y.letter));
	return {
		proposal: { id: proposal.id, title: proposal.title, status: proposal.status, organisation: proposal.organisation },
		assigned: assignments.length,
		criteria: rubric.map((c) => ({
			id: c.id,
			nameZh: c.name_zh,
			nameEn: c.name_en,
			weight: c.weight,
			scaleMax: c.scale_max,
			spread: criterionSpread(
				scores.filter((s) => s.criterion_id === c.id).map((s) => s.score),
				c.scale_max
			)
		})),
		reviews,
		totalsDisagree: disagreement(reviews.map((r) => r.total))
	};
}

/**
 * Who wrote which review of the proposal, for an admin who needs it (a complaint, a conflict
 * found late): the pseudonyms with their names. Every opening is in the audit log with its reason.
 */
export async function openReviewerIdentities(
	db: DB,
	input: { roundId: number; proposalId: number; actorId: number; reason: string }
): Promise<Outcome<{ letter: string; name: string }[]>> {
	const proposal = await proposalOfRound(db, input.roundId, input.proposalId);
	if (!proposal) return notFound();
	const [pseudonyms, reviewers] = await Promise.all([
		roundPseudonyms(db, input.roundId),
		db
			.selectFrom('review_assignments')
			.innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
			.select(['users.id', 'users.name'])
			.where('review_assignments.proposal_id', '=', input.proposalId)
			.execute()
	]);
	await audit(db, {
		actorId: input.actorId,
		action: 'review.open_identities',
		entity: 'proposal',
		entityId: input.proposalId,
		reason: input.reason,
		detail: { roundId: input.roundId }
	});
	return ok(
		reviewers
			.map((r) => ({ letter: pseudonyms.get(r.id) ?? '?', name: r.name }))
			.sort((x, y) => x.letter.length - y.letter.length || x.letter.localeCompare(y.letter))
	);
}
