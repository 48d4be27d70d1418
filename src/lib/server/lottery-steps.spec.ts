import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import { addReviews } from '../../../tests/helpers/decision';
import { recomputeFundedList, recomputeScores } from '../../../tests/helpers/recompute-record-2';
import { drawLottery, lotteryCommitment, verifyLottery } from '../domain/lottery';
import { drawLine, publishNotice, saveLineSettings, setLineOverride, setReducedAward, previewFundingLine } from './decisions';
import { drawGreyZone, recordGreyZone, setLotteryOptIn, withdrawGreyZone, zoneOfLine } from './lottery-steps';
import { lotteryRecordOf } from './grey-zone-lottery';
import { decisionRecord } from './open-data';
import type { DecisionRecord2 } from './decision-record-schema';

const SEEDS = Array.from({ length: 16 }, (_, i) => i.toString(16).padStart(64, '0'));

/** Six proposals of ¥30,000 for a pool of ¥90,000: the top three are close, and so are the next two. */
async function lotteryRound() {
	const db = await freshDb();
	const round = await makeRound(db, 'decision', { pool_fen: 9_000_000 });
	const admin = await makeUser(db, 'admin');
	const org = await makeOrganisation(db);
	const reviewers = [];
	for (let i = 0; i < 5; i++) reviewers.push((await makeUser(db, 'reviewer')).id);
	const totals = [
		[90, 80, 70, 80, 90],
		[80, 70, 90, 80, 70],
		[70, 80, 80, 70, 90],
		[80, 70, 70, 80, 80],
		[60, 80, 70, 80, 70],
		[30, 40, 30, 40, 30]
	];
	const ids: number[] = [];
	for (const t of totals) {
		const id = await makeProposal(db, round.id, org);
		await addReviews(db, round.id, id, t, reviewers);
		ids.push(id);
	}
	const fresh = () => db.selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow();
	const audits = async (action: string) =>
		(await db.selectFrom('audit_log').select(['detail', 'reason']).where('action', '=', action).execute()).map((a) => JSON.stringify(a));
	return { db, round, admin, ids, fresh, audits };
}

const err = (key: string) => ({ ok: false, errors: { _form: { key } } });

describe('the grey-zone lottery', () => {
	it('runs in the order the server enforces: opt in, draw the line, record the zone and commitment, then draw', async () => {
		const { db, round, admin, ids, fresh, audits } = await lotteryRound();
		const by = { roundId: round.id, actorId: admin.id };
		expect(await recordGreyZone(db, by)).toEqual(err('lottery.err.notOptedIn'));
		expect((await setLotteryOptIn(db, { ...by, optIn: true })).ok).toBe(true);
		expect(await recordGreyZone(db, by)).toEqual(err('results.err.lineNotDrawn'));
		expect((await drawLine(db, by)).ok).toBe(true);
		expect(await drawGreyZone(db, by)).toEqual(err('lottery.err.notRecorded'));

		// The zone: the reviews cannot tell the first five apart across the line (three funded).
		const before = await previewFundingLine(db, await fresh());
		const { zone } = zoneOfLine(before);
		expect(zone.ids).toEqual(ids.slice(0, 5));
		const rankOrderFunded = before.rows.filter((r) => r.funded).map((r) => r.id);
		expect(rankOrderFunded).toEqual(ids.slice(0, 3));

		// A seed whose draw changes who is funded, chosen among fixed ones so the test is the same every run.
		const seed = SEEDS.find((s) => {
			const top = drawLottery(s, zone.ids).slice(0, 3).map((t) => t.id);
			return top.some((id) => !rankOrderFunded.includes(id));
		})!;
		const recorded = await recordGreyZone(db, by, new Date(), seed);
		expect(recorded).toEqual({ ok: true, value: { commitment: lotteryCommitment(seed), zone: ids.slice(0, 5) } });
		// Before the draw the seed is nowhere: not in the audit log, not in what the page reads.
		expect((await audits('round.lottery_record')).join()).not.toContain(seed);
		expect((await lotteryRecordOf(db, round.id))?.seed).toBeNull();
		expect(await recordGreyZone(db, by)).toEqual(err('lottery.err.recorded'));
		expect(await setLotteryOptIn(db, { ...by, optIn: false })).toEqual(err('lottery.err.recorded'));
		// The line's inputs are frozen once the zone is recorded.
		expect(await setLineOverride(db, { ...by, proposalId: ids[4], kind: 'fund', reason: '理由', actorId: admin.id })).toEqual(err('lottery.err.lineFrozen'));
		expect(await setReducedAward(db, { ...by, proposalId: ids[0], awardFen: 100_000, reason: '理由' })).toEqual(err('lottery.err.lineFrozen'));
		expect(await saveLineSettings(db, { ...by, tieRule: 'lower_request', minScore: null, districtCapsFen: {}, noticeWorkingDays: 5 })).toEqual(
			err('lottery.err.lineFrozen')
		);

		const drawn = await drawGreyZone(db, by);
		const order = drawLottery(seed, ids.slice(0, 5)).map((t) => t.id);
		expect(drawn).toEqual({ ok: true, value: { seed, order } });
		expect((await audits('round.lottery_draw')).join()).toContain(seed);
		const funded = (await db.selectFrom('proposals').select('id').where('round_id', '=', round.id).where('status', '=', 'funded').orderBy('id').execute()).map((r) => r.id);
		expect(funded).toEqual([...order.slice(0, 3)].sort((a, b) => a - b));
		expect(funded).not.toEqual(rankOrderFunded);
		// Once drawn, nothing undoes or repeats it; a redraw of the line keeps the drawn order.
		expect(await drawGreyZone(db, by)).toEqual(err('lottery.err.drawn'));
		expect(await withdrawGreyZone(db, { ...by, reason: '重来' })).toEqual(err('lottery.err.drawn'));
		expect((await drawLine(db, by)).ok).toBe(true);
		const lottery = (await lotteryRecordOf(db, round.id))!;
		expect(verifyLottery({ commitment: lottery.commitment, seed: lottery.seed!, greyZone: lottery.zone.map((z) => z.id), drawnOrder: lottery.drawnOrder! })).toEqual({
			ok: true,
			order
		});

		// The draw is reproducible from the published record alone.
		expect((await publishNotice(db, by)).ok).toBe(true);
		const record = JSON.parse(JSON.stringify(await decisionRecord(db, await fresh()))) as DecisionRecord2;
		expect(record.lottery?.seed).toBe(seed);
		expect(record.greyZone?.ids).toEqual(ids.slice(0, 5));
		const published = record.proposals.filter((p) => p.published.funded).map((p) => p.id).sort((a, b) => a - b);
		expect(recomputeFundedList(record, recomputeScores(record))).toEqual(published);
		expect(published).toEqual(funded);
	});

	it('lets a recorded zone be withdrawn before the draw, with a reason, publishing its seed in the audit log', async () => {
		const { db, round, admin, audits } = await lotteryRound();
		const by = { roundId: round.id, actorId: admin.id };
		await setLotteryOptIn(db, { ...by, optIn: true });
		await drawLine(db, by);
		expect((await recordGreyZone(db, by, new Date(), SEEDS[1])).ok).toBe(true);
		expect(await withdrawGreyZone(db, { ...by, reason: ' ' })).toEqual(err('review.err.reasonRequired'));
		expect((await withdrawGreyZone(db, { ...by, reason: '评分录入有误，需重新划线' })).ok).toBe(true);
		expect((await audits('round.lottery_withdraw')).join()).toContain(SEEDS[1]);
		expect(await lotteryRecordOf(db, round.id)).toBeNull();
		expect((await setLineOverride(db, { ...by, proposalId: (await previewFundingLine(db, round)).rows[4].id, kind: 'fund', reason: '理由', actorId: admin.id })).ok).toBe(true);
	});
});
