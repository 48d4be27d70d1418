/**
 * What the applicant learns of their proposal's review and decision, once the round's final list
 * is confirmed (never before, and never during the public notice, when the list may still change):
 * per-criterion average scores, the comments reviewers wrote for the applicant, the rank and
 * outcome with its reason, the award and any reduction with its reason. Never who reviewed, nor a
 * single reviewer's score, nor the panel's private notes.
 */
import type { DB } from './db';
import type { Round } from './schema';
import { getRubric } from './rubric';
import { isFinal, publishedRecord } from './results';
import { mean } from '../domain/scoring';
import { oneDecimal } from '../domain/rounding';

/** Whether the applicant may read the feedback of the round's proposals. */
export function feedbackOpen(round: Round): boolean {
	return isFinal(round);
}

/**
 * The feedback on the organisation's own proposal, or null while the list is not final (and for
 * a proposal that is not the organisation's, or never reached the line).
 */
export async function applicantFeedback(db: DB, round: Round, input: { proposalId: number; organisationId: number }) {
	if (!feedbackOpen(round)) return null;
	const proposal = await db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.select(['proposals.id', 'proposals.title', 'proposals.requested_fen', 'organisations.name as organisation'])
		.where('proposals.id', '=', input.proposalId)
		.where('proposals.round_id', '=', round.id)
		.where('proposals.organisation_id', '=', input.organisationId)
		.executeTakeFirst();
	if (!proposal) return null;
	const record = await publishedRecord(db, round);
	const row = record?.line.find((r) => r.id === proposal.id);
	if (!row) return null;
	const [rubric, assignments] = await Promise.all([
		getRubric(db, round.id),
		db
			.selectFrom('review_assignments')
			.select(['id', 'comment'])
			.where('proposal_id', '=', proposal.id)
			.where('status', '=', 'submitted')
			.orderBy('id')
			.execute()
	]);
	const ids = assignments.map((a) => a.id);
	const [scores, comments] = ids.length
		? await Promise.all([
				db.selectFrom('review_scores').select(['criterion_id', 'score']).where('assignment_id', 'in', ids).execute(),
				db
					.selectFrom('review_criterion_comments')
					.select(['assignment_id', 'criterion_id', 'comment'])
					.where('assignment_id', 'in', ids)
					.where('for_applicant', '=', 1)
					.orderBy('assignment_id')
					.execute()
			])
		: [[], []];
	const reduced = row.funded && row.awardFen !== null && row.awardFen < row.requestedFen;
	return {
		title: row.title,
		organisation: row.organisation,
		confirmedAt: round.results_confirmed_at ?? round.results_published_at,
		funded: row.funded,
		rank: row.rank,
		score: row.score,
		reviewCount: row.reviewCount,
		reason: row.reason,
		reasonText: row.reasonText,
		requestedFen: row.requestedFen,
		awardFen: row.awardFen,
		reduced,
		criteria: rubric.map((c) => {
			const own = scores.filter((s) => s.criterion_id === c.id).map((s) => s.score);
			return {
				nameZh: c.name_zh,
				nameEn: c.name_en,
				weight: c.weight,
				scaleMax: c.scale_max,
				mean: oneDecimal(mean(own)),
				count: own.length,
				comments: comments.filter((x) => x.criterion_id === c.id).map((x) => x.comment)
			};
		}),
		// The overall comments, in no one's name.
		comments: assignments.flatMap((a) => (a.comment?.trim() ? [a.comment.trim()] : []))
	};
}

export type ApplicantFeedback = NonNullable<Awaited<ReturnType<typeof applicantFeedback>>>;
