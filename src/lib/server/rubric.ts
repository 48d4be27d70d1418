/** A round's rubric (criteria, weights, score-band guidance) and how its reviews are scored and shown. */
import type { DB } from './db';
import { audit } from './audit';
import { ok, refuse, refuseField, type Outcome } from './outcome';
import { basesOffered, type RankingBasis } from '../domain/ranking';

/** The round's criteria in order: what every score is given against. */
export async function getRubric(db: DB, roundId: number) {
	return db
		.selectFrom('rubric_criteria')
		.select(['id', 'position', 'name_zh', 'name_en', 'description', 'weight', 'scale_max'])
		.where('round_id', '=', roundId)
		.orderBy('position')
		.execute();
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
	if (total !== 100) return refuseField('weights', 'review.err.weightsTotal', { total });
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
	return ok();
}

export interface ReviewSettings {
	scoreVisibility: 'after_submit' | 'never';
	blindReview: boolean;
	rankingScore: RankingBasis;
	reviewersPerProposal: number;
}

export async function updateReviewSettings(
	db: DB,
	input: { roundId: number; settings: ReviewSettings; actorId: number }
): Promise<Outcome<void>> {
	const { settings } = input;
	const round = await db.selectFrom('rounds').select('ranking_score').where('id', '=', input.roundId).executeTakeFirst();
	if (!round) return refuse('review.err.noRound');
	// A legacy basis stays only for the round that already ranks by it.
	if (!basesOffered(round.ranking_score).includes(settings.rankingScore)) return refuseField('rankingScore', 'err.choice');
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
	return ok();
}
