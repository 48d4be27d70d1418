import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser, withTestCalendar } from '../../../tests/helpers/db';
import { addReviews } from '../../../tests/helpers/decision';
import { drawLine, publishNotice } from './decisions';
import { movePhase } from './round-guards';
import { getRoundById, phaseOf } from './rounds';
import { getNotice } from './results';

async function lastAudit(db: Awaited<ReturnType<typeof freshDb>>, action: string) {
	return db.selectFrom('audit_log').select(['reason', 'detail', 'actor_id']).where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();
}

describe('leaving the eligibility check with unchecked proposals', () => {
	it('stops the move, then allows it only with the choice to carry them and a reason, recorded', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'eligibility');
		const admin = await makeUser(db, 'admin');
		const org = await makeOrganisation(db);
		const checked = await makeProposal(db, round.id, org, 'eligible');
		const unchecked = await makeProposal(db, round.id, org, 'submitted');
		const move = (carryUnchecked: boolean, carryReason: string | null) =>
			movePhase(db, { round, phase: 'review', actorId: admin.id, reason: '按期进入专家评审', carryUnchecked, carryReason });

		expect(await move(false, null)).toEqual({ ok: false, errors: { _form: { key: 'guard.unchecked.refused', params: { count: 1 } } } });
		expect(await move(true, '  ')).toEqual({ ok: false, errors: { carryReason: { key: 'err.required' } } });
		expect(phaseOf((await getRoundById(db, round.id))!)).toBe('eligibility');
		expect(await lastAudit(db, 'round.carry_unchecked')).toBeUndefined();

		expect(await move(true, '申报主体联系不上，无法完成审查')).toEqual({ ok: true, value: undefined });
		expect(phaseOf((await getRoundById(db, round.id))!)).toBe('review');
		const carried = await lastAudit(db, 'round.carry_unchecked');
		expect(carried).toMatchObject({ reason: '申报主体联系不上，无法完成审查', actor_id: admin.id });
		expect(JSON.parse(carried!.detail!)).toEqual({ proposalIds: [unchecked] });
		expect(checked).not.toBe(unchecked);
	});

	it('asks nothing when every proposal was checked, or when the move stays before the check ends', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'eligibility');
		const admin = await makeUser(db, 'admin');
		await makeProposal(db, round.id, await makeOrganisation(db), 'submitted');
		expect((await movePhase(db, { round, phase: 'applications', actorId: admin.id, reason: '延长申报', carryUnchecked: false, carryReason: null })).ok).toBe(true);
		const other = await makeRound(db, 'eligibility');
		await makeProposal(db, other.id, await makeOrganisation(db), 'ineligible');
		expect((await movePhase(db, { round: other, phase: 'review', actorId: admin.id, reason: '按期', carryUnchecked: false, carryReason: null })).ok).toBe(true);
	});

	it('publishes a carried, unchecked proposal as not checked, never as not eligible', async () => {
		const db = await freshDb();
		await withTestCalendar(db);
		const round = await makeRound(db, 'decision', { reviewers_per_proposal: 1 });
		const admin = await makeUser(db, 'admin');
		const org = await makeOrganisation(db);
		const scored = await makeProposal(db, round.id, org, 'eligible');
		await addReviews(db, round.id, scored, [80], [(await makeUser(db, 'reviewer')).id]);
		const unchecked = await makeProposal(db, round.id, org, 'submitted');
		const rejected = await makeProposal(db, round.id, org, 'ineligible');
		expect((await drawLine(db, { roundId: round.id, actorId: admin.id })).ok).toBe(true);
		expect((await publishNotice(db, { roundId: round.id, actorId: admin.id })).ok).toBe(true);
		const notice = (await getNotice(db, (await getRoundById(db, round.id))!))!;
		const row = (id: number) => notice.rows.find((r) => r.id === id)!;
		expect([row(unchecked).reason, row(unchecked).stage]).toEqual(['not_checked', 'not_checked']);
		expect([row(rejected).reason, row(rejected).stage]).toEqual(['ineligible', 'ineligible']);
		expect([row(scored).reason, row(scored).stage]).toEqual(['funded', 'notice_funded']);
	});
});

describe('drawing the funding line with reviews missing', () => {
	it('lists the short proposals and stops, then draws with a reason kept in the audit', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'decision', { reviewers_per_proposal: 3 });
		const admin = await makeUser(db, 'admin');
		const org = await makeOrganisation(db);
		const reviewers = [await makeUser(db, 'reviewer'), await makeUser(db, 'reviewer'), await makeUser(db, 'reviewer')].map((r) => r.id);
		const full = await makeProposal(db, round.id, org, 'eligible');
		await addReviews(db, round.id, full, [70, 80, 90], reviewers);
		const short = await makeProposal(db, round.id, org, 'eligible');
		await addReviews(db, round.id, short, [70, 80], reviewers);

		expect(await drawLine(db, { roundId: round.id, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'guard.short.refused', params: { count: 1 } } }
		});
		expect((await getRoundById(db, round.id))!.line_drawn_at).toBeNull();
		expect(await lastAudit(db, 'round.draw_line')).toBeUndefined();

		expect((await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '第三位专家回避，按两份评审计分' })).ok).toBe(true);
		const drawn = await lastAudit(db, 'round.draw_line');
		expect(drawn?.reason).toBe('第三位专家回避，按两份评审计分');
		expect(JSON.parse(drawn!.detail!).shortReviews).toEqual([short]);
	});
});
