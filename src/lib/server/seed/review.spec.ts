import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../../tests/helpers/db';
import { seedDemo } from './demo';
import { seedReview } from './review';
import { proposalScoreSummary } from '../reviews';

describe('review demo seed', () => {
	it('gives the demo round a panel, expertise, band guidance and a conflict that was reassigned', { timeout: 90_000 }, async () => {
		const db = await freshDb();
		await seedDemo(db);
		const round = await db.selectFrom('rounds').select(['id', 'slug', 'reviewers_per_proposal']).orderBy('year', 'desc').executeTakeFirstOrThrow();
		await seedReview(db, { roundSlug: round.slug });
		const conflict = await db.selectFrom('review_conflicts').select(['proposal_id', 'reviewer_id']).executeTakeFirstOrThrow();
		const onIt = await db
			.selectFrom('review_assignments')
			.select('reviewer_id')
			.where('proposal_id', '=', conflict.proposal_id)
			.execute();
		expect(onIt.map((a) => a.reviewer_id)).not.toContain(conflict.reviewer_id);
		expect(onIt).toHaveLength(round.reviewers_per_proposal);
		expect((await db.selectFrom('round_panel').select('reviewer_id').where('round_id', '=', round.id).execute()).length).toBe(8);
		expect((await db.selectFrom('reviewer_expertise').select('user_id').execute()).length).toBeGreaterThanOrEqual(8);
		const guided = await db.selectFrom('rubric_criteria').select('guidance_good').where('round_id', '=', round.id).execute();
		expect(guided.every((c) => c.guidance_good.length > 0)).toBe(true);
		const scored = [...(await proposalScoreSummary(db, round.id)).values()].filter((s) => s.count > 0);
		expect(scored.length).toBeGreaterThan(0);
		expect(scored.every((s) => s.calibrated !== null && s.sd !== null)).toBe(true);
	});
});
