import type { DB } from '../../src/lib/server/db';
import { getRubric } from '../../src/lib/server/rubric';
import { createRound } from '../../src/lib/server/rounds';
import { scheduleFor } from './db';
import { ROUND_DEFAULTS } from '../../src/lib/domain/round-defaults';

/**
 * Submitted reviews written straight into the tables: one per total, each by a new reviewer
 * (scores spread evenly over the rubric so the weighted total comes out as given, a multiple of 10).
 */
export async function addReviews(db: DB, roundId: number, proposalId: number, totals: number[], reviewerIds: number[]) {
	const rubric = await getRubric(db, roundId);
	const now = new Date().toISOString();
	for (const [i, total] of totals.entries()) {
		const { id } = await db
			.insertInto('review_assignments')
			.values({
				round_id: roundId,
				proposal_id: proposalId,
				reviewer_id: reviewerIds[i],
				status: 'submitted',
				comment: '公开意见',
				private_note: `私密备注-${proposalId}-${i}`,
				assigned_at: now,
				submitted_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('review_scores')
			.values(rubric.map((c) => ({ assignment_id: id, criterion_id: c.id, score: (total / 100) * c.scale_max })))
			.execute();
	}
}

/**
 * An eligible, submitted proposal written straight into the tables, with one submitted review
 * per total (see addReviews); its id.
 */
export async function addScoredProposal(
	db: DB,
	p: {
		roundId: number;
		organisationId: number;
		authorId: number;
		title: string;
		requestedFen: number;
		totals: number[];
		reviewerIds: number[];
		summary?: string;
		submittedAt?: string;
		needId?: number;
	}
): Promise<number> {
	const now = p.submittedAt ?? new Date().toISOString();
	const { id } = await db
		.insertInto('proposals')
		.values({
			round_id: p.roundId,
			organisation_id: p.organisationId,
			title: p.title,
			summary: p.summary ?? '项目简介',
			requested_fen: p.requestedFen,
			status: 'eligible',
			award_fen: null,
			decision_reason: null,
			created_by: p.authorId,
			created_at: now,
			updated_at: now,
			submitted_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (p.needId !== undefined) await db.insertInto('proposal_needs').values({ proposal_id: id, need_id: p.needId }).execute();
	await addReviews(db, p.roundId, id, p.totals, p.reviewerIds);
	return id;
}

/** A round in its decision phase (¥5,000–50,000 grants, three reviewers a proposal); its id. */
export async function decisionPhaseRound(db: DB, r: { slug: string; title: string; poolFen: number }): Promise<number> {
	return createRound(
		db,
		{
			...ROUND_DEFAULTS,
			slug: r.slug,
			title: r.title,
			year: 2026,
			pool_fen: r.poolFen,
			proposals_per_org: 10,
			reviewers_per_proposal: 3,
			...scheduleFor('decision')
		},
		null
	);
}
