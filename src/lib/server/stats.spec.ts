import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser, setPhase } from '../../../tests/helpers/db';
import { addReviews } from '../../../tests/helpers/decision';
import { confirmFinalList, drawLine, publishNotice } from './decisions';
import { roundStats } from './stats';

describe('roundStats', () => {
	it('counts published needs, and funding, success rate and leverage once the notice is out', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'review', { pool_fen: 5_000_000 });
		const org = await makeOrganisation(db);
		const admin = await makeUser(db, 'admin');
		const reviewer = await makeUser(db, 'reviewer');
		const now = new Date().toISOString();
		const need = (status: 'published' | 'new', category: string) =>
			db
				.insertInto('needs')
				.values({
					round_id: round.id,
					receipt_code: `r${Math.random()}`,
					submission_key: null,
					title: 't',
					description: 'd',
					category,
					district: '海珠区',
					street: '南华西街',
					affected_group: 'g',
					affected_count: null,
					urgency: 'low',
					contact_name: null,
					contact_phone: null,
					status,
					decline_reason: null,
					created_at: now,
					published_at: status === 'published' ? now : null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
		const elderly = await need('published', 'elderly');
		await need('published', 'children');
		await need('new', 'children'); // not public: not counted
		const a = await makeProposal(db, round.id, org, 'eligible', 3_000_000);
		const b = await makeProposal(db, round.id, org, 'eligible', 3_000_000);
		await db.insertInto('proposal_needs').values({ proposal_id: a, need_id: elderly.id }).execute();
		await db.updateTable('proposals').set({ matching_cash_fen: 300_000, volunteer_hours: 100 }).where('id', '=', a).execute();
		// Volunteer hours valued at ¥25 an hour.
		await db.updateTable('rounds').set({ volunteer_hour_fen: 2_500 }).where('id', '=', round.id).execute();
		await addReviews(db, round.id, a, [90], [reviewer.id]);
		await addReviews(db, round.id, b, [80], [reviewer.id]);

		const before = await roundStats(db, round);
		expect(before).toMatchObject({ needsTotal: 2, decided: false, proposalsTotal: 0, successRate: null, leverage: null });

		await setPhase(db, round.id, 'decision');
		await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' });
		await publishNotice(db, { roundId: round.id, actorId: admin.id });
		const fresh = await db.selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow();
		const stats = await roundStats(db, fresh);
		// During the notice nothing is funded yet: the one funded-to-be is proposed (拟资助).
		expect(stats).toMatchObject({
			decided: true,
			final: false,
			proposalsTotal: 2,
			fundedTotal: 0,
			proposedTotal: 1,
			successRate: 0.5,
			awardedFen: 3_000_000,
			matchingCashFen: 300_000,
			volunteerHours: 100,
			volunteerValueFen: 250_000
		});
		// (¥3,000 matching + ¥2,500 of volunteer time) per ¥30,000 awarded.
		expect(stats.leverage).toBeCloseTo(0.18333, 5);
		expect(stats.byCategory.find((r) => r.key === 'elderly')).toEqual({ key: 'elderly', needs: 1, proposals: 1, funded: 1, awardFen: 3_000_000 });
		// A proposal answering no need counts under "other".
		expect(stats.byCategory.find((r) => r.key === 'other')).toMatchObject({ proposals: 1, funded: 0 });
		expect(stats.byDistrict).toEqual([{ key: '海珠区', needs: 2, proposals: 2, funded: 1, awardFen: 3_000_000 }]);

		// Once the list is confirmed, it is funded.
		const after = new Date(Date.parse(fresh.notice_ends_at!) + 1000);
		expect((await confirmFinalList(db, { roundId: round.id, actorId: admin.id }, after)).ok).toBe(true);
		const confirmed = await db.selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow();
		expect(await roundStats(db, confirmed, after)).toMatchObject({ final: true, fundedTotal: 1, proposedTotal: 0, awardedFen: 3_000_000 });
	});
});
