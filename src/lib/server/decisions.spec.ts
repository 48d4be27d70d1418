import { describe, expect, it } from 'vitest';
import type { Phase } from '../domain/phases';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser, setPhase } from '../../../tests/helpers/db';
import { phaseOf } from './rounds';
import { getRubric } from './rubric';
import { assignReviewer } from './assignments';
import { saveReview } from './reviews';
import { confirmFinalList, drawLine, publishNotice, roundFunding, setReducedAward } from './decisions';
import { listRoundProposals } from './assignments';
import { getNotice, getPublicProject, listResults } from './results';
import { addPlaces } from './places';

const DAY = 24 * 60 * 60 * 1000;

describe('results', () => {
	async function decidedRound() {
		const db = await freshDb();
		const round = await makeRound(db, 'review');
		const org = await makeOrganisation(db);
		const admin = await makeUser(db, 'admin');
		const reviewer = await makeUser(db, 'reviewer');
		const funded = await makeProposal(db, round.id, org, 'eligible');
		const turnedDown = await makeProposal(db, round.id, org, 'eligible');
		const need = await db
			.insertInto('needs')
			.values({
				round_id: round.id,
				receipt_code: 'R1',
				submission_key: null,
				title: '长者吃饭难',
				description: '描述',
				category: 'elderly',
				district: '海珠区',
				street: '南华西街',
				affected_group: '独居长者',
				affected_count: 30,
				urgency: 'high',
				contact_name: '陈阿姨',
				contact_phone: '13800000000',
				status: 'published',
				decline_reason: null,
				created_at: new Date().toISOString(),
				published_at: new Date().toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('proposal_needs').values({ proposal_id: funded, need_id: need.id }).execute();
		const assigned = await assignReviewer(db, { proposalId: funded, reviewerId: reviewer.id, actorId: admin.id });
		if (!assigned.ok) throw new Error('assign failed');
		const rubric = await getRubric(db, round.id);
		await saveReview(
			db,
			{
				assignmentId: assigned.value,
				reviewerId: reviewer.id,
				scores: Object.fromEntries(rubric.map((c) => [c.id, 9])),
				comment: '公开意见',
				privateNote: '私密备注'
			},
			{ submit: true }
		);
		await setPhase(db, round.id, 'decision');
		// The line funds the scored proposal (with less than it asked for) and leaves out the unscored one.
		const drawn = await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' });
		if (!drawn.ok) throw new Error('draw failed');
		const reduced = await setReducedAward(db, {
			roundId: round.id,
			proposalId: funded,
			awardFen: 2_500_000,
			reason: '宣传费核减',
			actorId: admin.id
		});
		if (!reduced.ok) throw new Error('reduce failed');
		return { db, round, admin, reviewer, funded, turnedDown };
	}

	/** Notice, then the final list once the notice period is over. */
	async function publish(db: Awaited<ReturnType<typeof decidedRound>>['db'], roundId: number, actorId: number) {
		if (!(await publishNotice(db, { roundId, actorId })).ok) throw new Error('notice failed');
		return confirmFinalList(db, { roundId, actorId }, new Date(Date.now() + 30 * DAY));
	}

	it('stays hidden until the final list is confirmed, and is confirmed once', async () => {
		const { db, round, admin, funded, turnedDown } = await decidedRound();
		expect(await listResults(db, round.id)).toBeNull();
		expect(await getPublicProject(db, funded)).toBeUndefined();
		// Not before the notice.
		expect((await confirmFinalList(db, { roundId: round.id, actorId: admin.id })).ok).toBe(false);

		expect((await publish(db, round.id, admin.id)).ok).toBe(true);
		expect(await confirmFinalList(db, { roundId: round.id, actorId: admin.id }, new Date(Date.now() + 31 * DAY))).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.alreadyPublished' } }
		});
		const log = await db.selectFrom('audit_log').select('entity').where('action', '=', 'round.confirm_results').execute();
		expect(log).toEqual([{ entity: 'round' }]);

		const results = await listResults(db, round.id);
		// Every proposal of the line, funded first, each with its reason.
		expect(results?.projects.map((p) => [p.id, p.funded, p.reason])).toEqual([
			[funded, true, 'funded'],
			[turnedDown, false, 'no_score']
		]);
		expect(results?.totals).toEqual({ count: 1, awardedFen: 2_500_000, paidFen: 0, poolFen: 50_000_000 });
	});

	it('shows only public fields: no private note, no reviewer, no resident contact', async () => {
		const { db, round, admin, reviewer, funded, turnedDown } = await decidedRound();
		await publish(db, round.id, admin.id);

		const results = await listResults(db, round.id);
		expect(Object.keys(results!).sort()).toEqual(['projects', 'publishedAt', 'totals']);
		expect(Object.keys(results!.projects[0]).sort()).toEqual([
			'awardFen',
			'categories',
			'district',
			'funded',
			'id',
			'organisation',
			'paidFen',
			'rank',
			'reason',
			'reasonText',
			'requestedFen',
			'reviewCount',
			'score',
			'stage',
			'street',
			'title'
		]);
		expect(results!.projects[0].categories).toEqual(['elderly']);
		expect(results!.projects[0].score).toBe(90);

		const project = await getPublicProject(db, funded);
		expect(Object.keys(project!).sort()).toEqual([
			'awardFen',
			'beneficiaries',
			'budget',
			'budgetTotalFen',
			'district',
			'id',
			'indicators',
			'matching',
			'needs',
			'organisation',
			'rank',
			'reasonText',
			'requestedFen',
			'reviewCount',
			'round',
			'score',
			'stage',
			'street',
			'summary',
			'targetGroup',
			'title'
		]);
		expect(Object.keys(project!.needs[0]).sort()).toEqual(['category', 'id', 'title']);
		const text = JSON.stringify([results, project]);
		for (const secret of ['私密备注', '公开意见', '陈阿姨', '13800000000', 'reviewer', String(reviewer.email)]) {
			expect(text).not.toContain(secret);
		}
		// A proposal that was not funded has no public page.
		expect(await getPublicProject(db, turnedDown)).toBeUndefined();
	});

	it('lists the panel’s proposals with reviewers and score summaries for admins', async () => {
		const { db, round, funded } = await decidedRound();
		const rows = await listRoundProposals(db, round.id);
		const row = rows.find((r) => r.id === funded)!;
		expect(row.reviewers).toHaveLength(1);
		expect(row.reviewers[0].submitted).toBe(true);
		expect({ count: row.count, mean: row.mean, trimmedMean: row.trimmedMean }).toEqual({ count: 1, mean: 90, trimmedMean: 90 });
	});
});

describe('the funding line, the notice and the final list', async () => {
	const { addReviews } = await import('../../../tests/helpers/decision');
	const { drawLine, saveLineSettings, setLineOverride, setReducedAward, publishNotice, confirmFinalList, previewFundingLine } = await import('./decisions');
	const { fileObjection, answerObjection } = await import('./objections');

	/** Four eligible proposals scored 90 > 80 > 70 > 60, one ineligible, a ¥100,000 pool. */
	async function lineRound() {
		const db = await freshDb();
		const round = await makeRound(db, 'review', { pool_fen: 10_000_000 });
		const org = await makeOrganisation(db);
		const admin = await makeUser(db, 'admin');
		const reviewers = [];
		for (let i = 0; i < 5; i++) reviewers.push((await makeUser(db, 'reviewer')).id);
		const ids: number[] = [];
		for (const [score, requested] of [
			[90, 4_000_000],
			[80, 4_000_000],
			[70, 4_000_000],
			[60, 2_000_000]
		]) {
			const id = await makeProposal(db, round.id, org, 'eligible', requested);
			await addReviews(db, round.id, id, [score - 10, score, score, score, score + 10], reviewers);
			ids.push(id);
		}
		const ineligible = await makeProposal(db, round.id, org, 'ineligible');
		await setPhase(db, round.id, 'decision');
		const fresh = async () => db.selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow();
		const state = async () =>
			db
				.selectFrom('proposals')
				.select(['id', 'status', 'award_fen', 'funding_reason', 'funding_rank'])
				.where('round_id', '=', round.id)
				.orderBy('id')
				.execute();
		return { db, round, admin, ids, ineligible, fresh, state };
	}

	it('draws the line in rank order, skips what no longer fits, and stores every reason', async () => {
		const { db, round, admin, ids, ineligible, state } = await lineRound();
		const [a, b, c, d] = ids;
		expect((await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' })).ok).toBe(true);
		expect(await state()).toEqual([
			{ id: a, status: 'funded', award_fen: 4_000_000, funding_reason: 'funded', funding_rank: 1 },
			{ id: b, status: 'funded', award_fen: 4_000_000, funding_reason: 'funded', funding_rank: 2 },
			{ id: c, status: 'not_funded', award_fen: null, funding_reason: 'pool_exhausted', funding_rank: 3 },
			{ id: d, status: 'funded', award_fen: 2_000_000, funding_reason: 'funded', funding_rank: 4 },
			{ id: ineligible, status: 'ineligible', award_fen: null, funding_reason: 'ineligible', funding_rank: null }
		]);
		expect(await roundFunding(db, round)).toEqual({ poolFen: 10_000_000, awardedFen: 10_000_000, leftFen: 0 });

		// A reduced award frees money: C fits again only if A and B leave room; reduce A and B.
		expect((await setReducedAward(db, { roundId: round.id, proposalId: a, awardFen: 3_000_000, reason: '', actorId: admin.id })).ok).toBe(false);
		expect(await setReducedAward(db, { roundId: round.id, proposalId: a, awardFen: 4_000_000, reason: '核减', actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'results.err.reduceBelowRequest', params: { requested: '¥40,000.00' } } }
		});
		await setReducedAward(db, { roundId: round.id, proposalId: a, awardFen: 3_000_000, reason: '宣传费偏高', actorId: admin.id });
		await setReducedAward(db, { roundId: round.id, proposalId: b, awardFen: 3_000_000, reason: '人员费偏高', actorId: admin.id });
		expect((await state()).map((r) => [r.funding_reason, r.award_fen])).toEqual([
			['funded', 3_000_000],
			['funded', 3_000_000],
			['funded', 4_000_000],
			['pool_exhausted', null],
			['ineligible', null]
		]);

		// An override needs a reason, and is published with it.
		expect((await setLineOverride(db, { roundId: round.id, proposalId: d, kind: 'fund', reason: ' ', actorId: admin.id })).ok).toBe(false);
		await setLineOverride(db, { roundId: round.id, proposalId: d, kind: 'fund', reason: '本区唯一长者项目', actorId: admin.id });
		const preview = await previewFundingLine(db, (await db.selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow()));
		expect(preview.rows.map((r) => [r.id, r.reason])).toEqual([
			[a, 'funded'],
			[b, 'funded'],
			[c, 'pool_exhausted'],
			[d, 'override_fund'],
			[ineligible, 'ineligible']
		]);
		// A minimum score puts D's rank-mates below the line; a district cap stops the rest.
		await setLineOverride(db, { roundId: round.id, proposalId: d, kind: null, reason: null, actorId: admin.id });
		// Caps are keyed by the district's place: a name that is no district of the places list is refused.
		const capOutcome = () =>
			saveLineSettings(db, {
				roundId: round.id,
				actorId: admin.id,
				tieRule: 'lower_request',
				minScore: 65,
				districtCapsFen: { 海珠: 6_000_000 },
				noticeWorkingDays: 5
			});
		expect(await capOutcome()).toEqual({
			ok: false,
			errors: { caps: { key: 'decision.err.capDistrictUnknown', params: { district: '海珠' } } }
		});
		await addPlaces(db, [{ district: '海珠区', street: '南华西街', community: '' }]);
		// "海珠" names 海珠区 now, and the cap applies to the organisations of 海珠区.
		expect((await capOutcome()).ok).toBe(true);
		expect((await state()).map((r) => r.funding_reason)).toEqual(['funded', 'funded', 'district_cap', 'below_line', 'ineligible']);
		await saveLineSettings(db, {
			roundId: round.id,
			actorId: admin.id,
			tieRule: 'lower_request',
			minScore: 65,
			districtCapsFen: { 海珠区: 6_000_000 },
			noticeWorkingDays: 5
		});
		expect((await state()).map((r) => r.funding_reason)).toEqual(['funded', 'funded', 'district_cap', 'below_line', 'ineligible']);
		const log = await db.selectFrom('audit_log').select('action').where('action', 'like', '%line%').execute();
		expect(log.length).toBeGreaterThan(5);
	});

	it('refuses a notice in a year the holiday calendar lacks, and publishes it once an admin records the year', async () => {
		const { db, round, admin, fresh } = await lineRound();
		await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' });
		// Far beyond the years the tests' calendar covers (last year to next), whatever year this runs in.
		const far = Math.max(2031, new Date().getUTCFullYear() + 5);
		// The first Monday of March that year, 10:00 in Beijing.
		const march = new Date(Date.UTC(far, 2, 1, 2));
		const monday = new Date(march.getTime() + ((8 - march.getUTCDay()) % 7) * DAY);
		expect(await publishNotice(db, { roundId: round.id, actorId: admin.id }, monday)).toEqual({
			ok: false,
			errors: { _form: { key: 'decision.err.holidaysUnknown', params: { year: far } } }
		});
		expect((await fresh()).notice_published_at).toBeNull();
		expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'round.publish_notice').execute()).toEqual([]);

		const { recordCalendarYear } = await import('./work-calendar');
		const { TEST_CALENDAR_SOURCE } = await import('../../../tests/helpers/db');
		const recorded = await recordCalendarYear(db, {
			year: far,
			holidays: [],
			makeupWorkdays: [],
			source: TEST_CALENDAR_SOURCE,
			departs: true,
			reason: null,
			actorId: admin.id
		});
		expect(recorded.ok).toBe(true);
		// Tuesday to Friday and the next Monday; it ends at midnight after it in Beijing.
		const endsAt = new Date(monday.getTime() + 7 * DAY + 14 * 60 * 60 * 1000).toISOString();
		expect(await publishNotice(db, { roundId: round.id, actorId: admin.id }, monday)).toEqual({ ok: true, value: { endsAt } });
		expect((await fresh()).notice_ends_at).toBe(endsAt);
	});

	it('refuses a notice period that runs from a recorded year into one not recorded', async () => {
		const { db, round, admin } = await lineRound();
		await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' });
		const far = Math.max(2031, new Date().getUTCFullYear() + 5);
		const { recordCalendarYear } = await import('./work-calendar');
		const { TEST_CALENDAR_SOURCE } = await import('../../../tests/helpers/db');
		const weekendsOnly = { holidays: [], makeupWorkdays: [], source: TEST_CALENDAR_SOURCE, departs: true, reason: null, actorId: admin.id };
		expect((await recordCalendarYear(db, { year: far, ...weekendsOnly })).ok).toBe(true);
		// 28 December: the fifth working day would be in January of the year after, not recorded.
		const late = new Date(Date.UTC(far, 11, 28, 2));
		expect(await publishNotice(db, { roundId: round.id, actorId: admin.id }, late)).toEqual({
			ok: false,
			errors: { _form: { key: 'decision.err.holidaysUnknown', params: { year: far + 1 } } }
		});
	});

	it('publishes the notice for 5 working days, takes objections, and an upheld one changes the list', async () => {
		const { db, round, admin, ids, fresh, state } = await lineRound();
		const [a, b, c] = ids;
		expect(await publishNotice(db, { roundId: round.id, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'results.err.lineNotDrawn' } }
		});
		await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' });
		const publishedAt = new Date('2026-03-02T07:00:00.000Z');
		const published = await publishNotice(db, { roundId: round.id, actorId: admin.id }, publishedAt);
		expect(published).toEqual({ ok: true, value: { endsAt: '2026-03-09T16:00:00.000Z' } });
		const r1 = await fresh();
		expect(phaseOf(r1, publishedAt)).toBe('notice');
		// The line is frozen now: only an objection changes it.
		expect((await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' }, publishedAt)).ok).toBe(false);

		const during = new Date('2026-03-04T02:00:00.000Z');
		const base = { roundId: round.id, name: '林先生', contact: '13900000001', reason: '该项目与去年资助项目重复申报。', submissionKey: 'k-1' };
		const filed = await fileObjection(db, { ...base, proposalId: a }, during);
		expect(filed.ok).toBe(true);
		// The same form sent twice files one objection.
		expect(await fileObjection(db, { ...base, proposalId: a }, during)).toEqual(filed);
		// A proposal of another round, or none on the list, is not a choice.
		expect(await fileObjection(db, { ...base, submissionKey: 'k-2', proposalId: 999_999 }, during)).toEqual({
			ok: false,
			errors: { proposalId: { key: 'err.choice' } }
		});
		expect(await confirmFinalList(db, { roundId: round.id, actorId: admin.id }, during)).toMatchObject({
			ok: false,
			errors: { _form: { key: 'results.err.noticeRunning' } }
		});

		const objectionId = filed.ok ? filed.value : 0;
		expect(
			(await answerObjection(db, { roundId: round.id, objectionId, outcome: 'upheld', effect: 'exclude', response: ' ', actorId: admin.id }, during)).ok
		).toBe(false);
		expect(
			(
				await answerObjection(
					db,
					{ roundId: round.id, objectionId, outcome: 'upheld', effect: 'exclude', response: '经核实属重复申报，移出名单。', actorId: admin.id },
					during
				)
			).ok
		).toBe(true);
		// A is off the list with the response as its reason; C moves up into the money.
		const after = await state();
		expect(after.find((r) => r.id === a)).toMatchObject({ status: 'not_funded', funding_reason: 'override_exclude' });
		expect(after.find((r) => r.id === b)).toMatchObject({ status: 'funded' });
		expect(after.find((r) => r.id === c)).toMatchObject({ status: 'funded', funding_reason: 'funded' });
		const notice = await getNotice(db, await fresh());
		expect(notice?.rows.find((r) => r.id === a)?.reasonText).toBe('经核实属重复申报，移出名单。');
		// Answered once only.
		expect(
			(await answerObjection(db, { roundId: round.id, objectionId, outcome: 'dismissed', effect: 'none', response: 'x', actorId: admin.id }, during)).ok
		).toBe(false);

		// After the period objections are refused and the list can be confirmed.
		const afterEnd = new Date('2026-03-09T16:00:00.000Z');
		expect(await fileObjection(db, { ...base, submissionKey: 'k-3', proposalId: b }, afterEnd)).toEqual({
			ok: false,
			errors: { _form: { key: 'results.err.noticeClosed' } }
		});
		expect(await listResults(db, round.id)).toBeNull();
		expect((await confirmFinalList(db, { roundId: round.id, actorId: admin.id }, afterEnd)).ok).toBe(true);
		expect((await confirmFinalList(db, { roundId: round.id, actorId: admin.id }, afterEnd)).ok).toBe(false);
		const results = await listResults(db, round.id);
		expect(results?.projects.filter((p) => p.funded).map((p) => p.id)).toEqual([b, c, ids[3]]);
		expect((await getNotice(db, await fresh()))?.stage).toBe('final');
		const actions = (await db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
		for (const action of ['round.publish_notice', 'round.phase_override', 'objection.file', 'objection.upheld', 'round.confirm_results']) {
			expect(actions).toContain(action);
		}
	});

	it('refuses to confirm while an objection is unanswered', async () => {
		const { db, round, admin, ids } = await lineRound();
		await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' });
		await publishNotice(db, { roundId: round.id, actorId: admin.id }, new Date('2026-03-02T07:00:00.000Z'));
		await fileObjection(
			db,
			{ roundId: round.id, proposalId: ids[0], name: '甲', contact: '1', reason: '理由足够具体的一段文字', submissionKey: null },
			new Date('2026-03-03T07:00:00.000Z')
		);
		expect(await confirmFinalList(db, { roundId: round.id, actorId: admin.id }, new Date('2026-03-20T00:00:00.000Z'))).toEqual({
			ok: false,
			errors: { _form: { key: 'results.err.openObjections', params: { count: 1 } } }
		});
	});

	it('changes the line only in the decision phase', async () => {
		const { db, round, admin, ids } = await lineRound();
		await setPhase(db, round.id, 'review');
		expect(await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' })).toEqual({
			ok: false,
			errors: { _form: { key: 'err.phaseClosed', params: { phase: 'review' } } }
		});
		expect((await setLineOverride(db, { roundId: round.id, proposalId: ids[0], kind: 'exclude', reason: 'x', actorId: admin.id })).ok).toBe(false);
		expect((await publishNotice(db, { roundId: round.id, actorId: admin.id })).ok).toBe(false);
		// Another round's proposal is not found through this round.
		const other = await makeRound(db, 'decision');
		expect((await setLineOverride(db, { roundId: other.id, proposalId: ids[0], kind: 'exclude', reason: 'x', actorId: admin.id })).ok).toBe(false);
	});
});

describe('ranking score', () => {
	it('ranks by the calibrated score when the round says so, and states which one it used', async () => {
		const { addReviews } = await import('../../../tests/helpers/decision');
		const { rankingScores } = await import('./ranking-scores');
		const db = await freshDb();
		const round = await makeRound(db, 'decision');
		const org = await makeOrganisation(db);
		const reviewers = [(await makeUser(db, 'reviewer')).id, (await makeUser(db, 'reviewer')).id];
		const a = await makeProposal(db, round.id, org);
		await addReviews(db, round.id, a, [90, 70], reviewers);
		// New rounds rank by the additive model; two reviews of one proposal fit as their mean.
		expect((await rankingScores(db, round)).basis).toBe('additive_model');
		expect((await rankingScores(db, round)).scores.get(a)).toMatchObject({ score: 80, count: 2, hundredths: 8000 });
		await db.updateTable('rounds').set({ ranking_score: 'calibrated' }).where('id', '=', round.id).execute();
		const calibrated = await db.selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow();
		const result = await rankingScores(db, calibrated);
		expect(result.basis).toBe('calibrated');
		expect(typeof result.scores.get(a)?.score).toBe('number');
	});
});
