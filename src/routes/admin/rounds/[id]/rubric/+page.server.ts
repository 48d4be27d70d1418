import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { rubricLocked, rubricWithGuidance, updateReviewSettings, updateRubric, type CriterionInput } from '$lib/server/rubric';
import { fieldErrors, formValues, type FieldErrors } from '$lib/schemas/form';
import { basesOffered } from '$lib/domain/ranking';
import { criterionSchema, reviewSettingsSchema as settingsSchema } from '$lib/schemas/review';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Room for this many criteria on the form: the current ones plus one blank row to add. */
const MAX_CRITERIA = 20;

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	const db = getDb();
	const [rubric, locked] = await Promise.all([rubricWithGuidance(db, round.id), rubricLocked(db, round.id)]);
	return {
		round: {
			id: round.id,
			title: round.title,
			scoreVisibility: round.score_visibility,
			blindReview: round.blind_review === 1,
			rankingScore: round.ranking_score,
			reviewersPerProposal: round.reviewers_per_proposal
		},
		bases: basesOffered(round.ranking_score),
		locked,
		criteria: rubric.map((c) => ({
			id: c.id,
			nameZh: c.name_zh,
			nameEn: c.name_en,
			description: c.description,
			weight: c.weight,
			scaleMax: c.scale_max,
			guidance: { low: c.guidance_low, fair: c.guidance_fair, good: c.guidance_good, excellent: c.guidance_excellent }
		}))
	};
};

export const actions: Actions = {
	rubric: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const criteria: CriterionInput[] = [];
		const errors: FieldErrors = {};
		for (let i = 0; i < MAX_CRITERIA; i++) {
			const field = (name: string) => values[`c${i}_${name}`];
			if (field('nameZh') === undefined) continue;
			if (field('remove') === 'on') continue;
			// The blank row for a new criterion is ignored while left empty.
			const blank = !field('id') && ['nameZh', 'nameEn', 'weight'].every((n) => !field(n)?.trim());
			if (blank) continue;
			const parsed = criterionSchema.safeParse({
				id: field('id'),
				nameZh: field('nameZh'),
				nameEn: field('nameEn'),
				description: field('description'),
				weight: field('weight'),
				scaleMax: field('scaleMax') || '10',
				low: field('low'),
				fair: field('fair'),
				good: field('good'),
				excellent: field('excellent')
			});
			if (!parsed.success) {
				for (const [name, e] of Object.entries(fieldErrors(parsed.error))) errors[`c${i}_${name}`] = e;
				continue;
			}
			const d = parsed.data;
			criteria.push({
				id: d.id ? Number(d.id) : null,
				nameZh: d.nameZh,
				nameEn: d.nameEn,
				description: d.description,
				weight: d.weight,
				scaleMax: d.scaleMax,
				guidance: { low: d.low, fair: d.fair, good: d.good, excellent: d.excellent }
			});
		}
		if (Object.keys(errors).length > 0) return fail(400, { action: 'rubric', values, errors });
		const result = await updateRubric(getDb(), { roundId: round.id, criteria, actorId: user.id });
		if (!result.ok) return fail(400, { action: 'rubric', values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/rubric?saved=rubric`);
	},
	settings: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const parsed = settingsSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'settings', values, errors: fieldErrors(parsed.error) });
		await updateReviewSettings(getDb(), {
			roundId: round.id,
			settings: {
				scoreVisibility: parsed.data.scoreVisibility,
				blindReview: parsed.data.blindReview === 'on',
				rankingScore: parsed.data.rankingScore,
				reviewersPerProposal: parsed.data.reviewersPerProposal
			},
			actorId: user.id
		});
		redirect(303, `/admin/rounds/${round.id}/rubric?saved=settings#settings`);
	}
};
