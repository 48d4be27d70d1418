import { describe, expect, it } from 'vitest';
import { freshDb, makeRound, makeUser } from '../../../tests/helpers/db';
import { createRound, getRoundByIdOrThrow } from './rounds';
import { rubricWithGuidance, updateRubric, updateReviewSettings } from './rubric';
import { eligibilityChecklist, roundRules, updateProposalRules } from './proposal-rules';
import { templateFormValues } from './round-template';
import { roundSchema } from '../schemas/rounds';
import { utcToZonedInput } from '../domain/time';
import { PHASE_START } from '../domain/phases';
import type { DB } from './db';

const CHECKLIST = ['申报主体依法登记满一年', '预算不含固定资产购置', '已附社区居委会意见'];

/** A 2025 round whose rubric, rules, checklist and settings an admin changed from the defaults. */
async function customisedRound(db: DB, schedule: Record<string, string> = {}) {
	const admin = await makeUser(db, 'admin');
	const round = await makeRound(db, 'draft', { year: 2025, slug: 'gz-2025', title: '2025 社区公益微创投', ...schedule });
	expect(
		await updateRubric(db, {
			roundId: round.id,
			actorId: admin.id,
			criteria: [
				{ id: null, nameZh: '需求回应', nameEn: 'Need', description: '回应已发布需求', guidance: { low: '未回应', fair: '部分', good: '较好', excellent: '充分' }, weight: 60, scaleMax: 10 },
				{ id: null, nameZh: '安全保障', nameEn: 'Safety', description: '活动安全预案', guidance: { low: '无', fair: '简略', good: '完整', excellent: '演练过' }, weight: 40, scaleMax: 5 }
			]
		})
	).toMatchObject({ ok: true });
	expect(
		await updateProposalRules(db, {
			round,
			actorId: admin.id,
			input: { matchingMinPct: 20, personnelMaxPct: 25, adminMaxPct: 8, bannedCategories: ['admin'], volunteerHourFen: 3_000, checklist: CHECKLIST }
		})
	).toMatchObject({ ok: true });
	await updateReviewSettings(db, {
		roundId: round.id,
		actorId: admin.id,
		settings: { scoreVisibility: 'never', blindReview: true, rankingScore: 'trimmed_mean', reviewersPerProposal: 3 }
	});
	return { admin, template: await getRoundByIdOrThrow(db, round.id) };
}

/** Sends the form as the template filled it, as an admin who changes nothing would. */
function parsedForm(values: Record<string, string>) {
	const parsed = roundSchema.safeParse(values);
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

describe('a round started from a template', () => {
	it('carries the old rubric, rules, checklist and settings, its schedule a year on', async () => {
		const db = await freshDb();
		const { admin, template } = await customisedRound(db);
		const values = templateFormValues(template);
		expect(values).toMatchObject({ year: '2026', slug: 'gz-2026', title: '2026 社区公益微创投', templateId: String(template.id) });

		const id = await createRound(db, parsedForm(values), admin.id, template);
		const created = await getRoundByIdOrThrow(db, id);

		const strip = (rows: Awaited<ReturnType<typeof rubricWithGuidance>>) => rows.map(({ id: _id, ...rest }) => rest);
		const rubric = strip(await rubricWithGuidance(db, id));
		expect(rubric).toHaveLength(2);
		expect(rubric).toEqual(strip(await rubricWithGuidance(db, template.id)));
		expect(rubric[1]).toMatchObject({ name_zh: '安全保障', weight: 40, scale_max: 5, guidance_excellent: '演练过' });
		expect(eligibilityChecklist(created)).toEqual(CHECKLIST);
		expect(roundRules(created)).toEqual({ ...roundRules(template) });
		expect(roundRules(created)).toMatchObject({ matchingMinPct: 20, personnelMaxPct: 25, adminMaxPct: 8, bannedCategories: ['admin'], volunteerHourFen: 3_000 });
		expect(created).toMatchObject({ score_visibility: 'never', blind_review: 1, ranking_score: 'trimmed_mean', reviewers_per_proposal: 3 });

		const columns = Object.values(PHASE_START);
		expect(columns).toHaveLength(8);
		for (const column of columns) {
			const before = utcToZonedInput(template[column], template.time_zone);
			const after = utcToZonedInput(created[column], created.time_zone);
			expect(after, column).toBe(`${Number(before.slice(0, 4)) + 1}${before.slice(4)}`);
		}
		const log = await db.selectFrom('audit_log').select('detail').where('action', '=', 'round.create').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
		expect(JSON.parse(log.detail!)).toMatchObject({ templateSlug: 'gz-2025' });
	});

	it('moves 29 February to 28 February and keeps the local date near midnight', async () => {
		const db = await freshDb();
		// 2028-02-29 00:30 and 2028-03-01 07:00 in Shanghai are on the day before in UTC.
		const { template } = await customisedRound(db, {
			needs_call_at: '2028-01-09T16:30:00.000Z',
			applications_at: '2028-02-28T16:30:00.000Z',
			eligibility_at: '2028-02-29T23:00:00.000Z',
			review_at: '2028-03-10T01:00:00.000Z',
			decision_at: '2028-04-10T01:00:00.000Z',
			notice_at: '2028-05-10T01:00:00.000Z',
			implementation_at: '2028-06-10T01:00:00.000Z',
			closed_at: '2029-06-10T01:00:00.000Z'
		});
		const values = templateFormValues(template);
		expect(values.needs_call_at).toBe('2029-01-10T00:30');
		expect(values.applications_at).toBe('2029-02-28T00:30');
		expect(values.eligibility_at).toBe('2029-03-01T07:00');
		const parsed = parsedForm(values);
		expect(parsed.applications_at).toBe('2029-02-27T16:30:00.000Z');
	});

	it('without a template, a round has the default rubric and rules', async () => {
		const db = await freshDb();
		const { admin, template } = await customisedRound(db);
		const id = await createRound(db, parsedForm({ ...templateFormValues(template), slug: 'blank-2026' }), admin.id);
		const created = await getRoundByIdOrThrow(db, id);
		expect((await rubricWithGuidance(db, id)).map((c) => c.weight)).toEqual([20, 25, 15, 15, 10, 10, 5]);
		expect(eligibilityChecklist(created)).not.toEqual(CHECKLIST);
		expect(created.score_visibility).toBe('after_submit');
	});
});
