import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser, setPhase } from '../../../tests/helpers/db';
import { getRubric } from './rubric';
import { assignReviewer } from './assignments';
import { saveReview } from './reviews';
import { setConflict } from './conflicts';
import { confirmFinalList, drawLine, publishNotice, setReducedAward } from './decisions';
import { getRoundByIdOrThrow } from './rounds';
import { openReviewerIdentities, proposalReviews } from './review-reading';
import { roundPseudonyms } from './pseudonyms';
import { decisionRecord } from './open-data';
import type { DecisionRecord2 } from './decision-record';
import { postToDiscussion, readDiscussion } from './discussion';
import { applicantFeedback } from './feedback';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A round in review: two proposals of one organisation, three reviewers on each (assigned
 * reviewer C first on the second proposal), every review submitted except C's on the first.
 */
async function panel() {
	const db = await freshDb();
	const round = await makeRound(db, 'review');
	const org = await makeOrganisation(db);
	const admin = await makeUser(db, 'admin');
	const station = await makeUser(db, 'station', org);
	const [r1, r2, r3] = [await makeUser(db, 'reviewer'), await makeUser(db, 'reviewer'), await makeUser(db, 'reviewer')];
	const first = await makeProposal(db, round.id, org, 'eligible', 4_700_000);
	const second = await makeProposal(db, round.id, org, 'eligible', 2_000_000);
	const rubric = await getRubric(db, round.id);
	const assign = async (proposalId: number, reviewerId: number) => {
		const a = await assignReviewer(db, { proposalId, reviewerId, actorId: admin.id });
		if (!a.ok) throw new Error('assign failed');
		return a.value;
	};
	const a1 = await assign(first, r1.id);
	const a2 = await assign(first, r2.id);
	const b3 = await assign(second, r3.id);
	const a3 = await assign(first, r3.id);
	const b2 = await assign(second, r2.id);
	const submit = async (assignmentId: number, reviewerId: number, score: (i: number) => number, extra = {}) => {
		const saved = await saveReview(
			db,
			{
				assignmentId,
				reviewerId,
				scores: Object.fromEntries(rubric.map((c, i) => [c.id, score(i)])),
				comment: null,
				privateNote: null,
				...extra
			},
			{ submit: true }
		);
		if (!saved.ok) throw new Error('review failed');
	};
	const c0 = rubric[0].id;
	const c1 = rubric[1].id;
	await submit(a1, r1.id, (i) => (i === 0 ? 2 : 8), {
		criterionComments: { [c0]: '需求调研只有一次座谈，证据不足。', [c1]: '仅供评审组：与去年项目相似。' },
		forApplicant: [c0],
		comment: '建议补充需求调研。',
		privateNote: '该机构去年执行偏慢。'
	});
	await submit(a2, r2.id, (i) => (i === 0 ? 9 : 7));
	await submit(b3, r3.id, () => 6);
	await submit(b2, r2.id, () => 7);
	return { db, round, org, admin, station, r1, r2, r3, first, second, rubric, a3 };
}

describe('reading reviews', () => {
	it('names each reviewer by the same pseudonym on every proposal of the round, and flags disagreement by criterion', async () => {
		const { db, round, first, second, rubric, r1, r2, r3 } = await panel();
		const one = (await proposalReviews(db, round.id, first))!;
		const two = (await proposalReviews(db, round.id, second))!;
		// One letter per reviewer of the round, A to C, the same on both proposals (r2 reviewed both).
		const letters = await roundPseudonyms(db, round.id);
		expect([...letters.values()].sort()).toEqual(['A', 'B', 'C']);
		const lettersOf = (...ids: number[]) => ids.map((id) => letters.get(id)!).sort();
		// Reviewer 3's draft on the first is not shown.
		expect(one.reviews.map((r) => r.letter)).toEqual(lettersOf(r1.id, r2.id));
		expect(two.reviews.map((r) => r.letter)).toEqual(lettersOf(r2.id, r3.id));
		expect(one.assigned).toBe(3);
		const byR1 = one.reviews.find((r) => r.letter === letters.get(r1.id))!;
		expect(byR1.criteria.find((c) => c.id === rubric[0].id)).toEqual({
			id: rubric[0].id,
			score: 2,
			comment: '需求调研只有一次座谈，证据不足。',
			forApplicant: true
		});
		expect(byR1.privateNote).toBe('该机构去年执行偏慢。');
		// 2 and 9 on a 0–10 criterion disagree; 8 and 7 do not.
		expect(one.criteria.map((c) => c.spread.disagreement)).toEqual(rubric.map((_, i) => i === 0));
		expect(two.criteria.every((c) => !c.spread.disagreement)).toBe(true);
		// A proposal of another round is not found through this one.
		const other = await makeRound(db, 'review');
		expect(await proposalReviews(db, other.id, first)).toBeUndefined();
	});

	it('shows who the reviewers are only to an admin who gives a reason, and logs it', async () => {
		const { db, round, admin, first, r1, r2, r3 } = await panel();
		const opened = await openReviewerIdentities(db, { roundId: round.id, proposalId: first, actorId: admin.id, reason: '核查回避' });
		const names = async (id: number) => (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
		const letters = await roundPseudonyms(db, round.id);
		const expected = await Promise.all([r1, r2, r3].map(async (r) => ({ letter: letters.get(r.id)!, name: await names(r.id) })));
		expect(opened).toEqual({ ok: true, value: expected.sort((x, y) => x.letter.localeCompare(y.letter)) });
		const log = await db.selectFrom('audit_log').select(['action', 'entity_id', 'reason']).where('action', '=', 'review.open_identities').execute();
		expect(log).toEqual([{ action: 'review.open_identities', entity_id: String(first), reason: '核查回避' }]);
	});
});

describe('the panel discussion', () => {
	it('is read and written by admins and by reviewers who submitted, never by one who has not, a conflicted one or the applicant', async () => {
		const { db, round, admin, station, r1, r2, r3, first } = await panel();
		const post = (viewer: { id: number; role: 'admin' | 'reviewer' | 'station' }, body: string) =>
			postToDiscussion(db, { viewer, proposalId: first, body });
		expect((await post({ id: r1.id, role: 'reviewer' }, '预算中宣传费偏高，大家怎么看？')).ok).toBe(true);
		expect((await post({ id: admin.id, role: 'admin' }, '请 A 说明核减建议。')).ok).toBe(true);

		const asR2 = await readDiscussion(db, { id: r2.id, role: 'reviewer' }, first);
		const letters = await roundPseudonyms(db, round.id);
		expect(asR2.ok && asR2.value.map((p) => [p.letter, p.mine, p.body])).toEqual([
			[letters.get(r1.id), false, '预算中宣传费偏高，大家怎么看？'],
			[null, false, '请 A 说明核减建议。']
		]);

		const refused = { ok: false, errors: { _form: { key: 'error.404' } }, status: 404 };
		// Reviewer 3 has not submitted a review of this proposal (only of the other one).
		expect(await readDiscussion(db, { id: r3.id, role: 'reviewer' }, first)).toEqual(refused);
		expect(await post({ id: r3.id, role: 'reviewer' }, '我也来说两句')).toEqual(refused);
		// The applicant's staff, whatever they try.
		expect(await readDiscussion(db, { id: station.id, role: 'station' }, first)).toEqual(refused);
		expect(await post({ id: station.id, role: 'station' }, '我们可以解释')).toEqual(refused);
		// Reviewer 2 submitted, then a conflict comes to light: the door closes.
		expect((await setConflict(db, { proposalId: first, reviewerId: r2.id, reason: '曾任顾问', actorId: admin.id })).ok).toBe(
			true
		);
		expect(await readDiscussion(db, { id: r2.id, role: 'reviewer' }, first)).toEqual(refused);
		expect(await post({ id: r2.id, role: 'reviewer' }, '补充一句')).toEqual(refused);

		expect(await db.selectFrom('proposal_discussion').select('body').orderBy('id').execute()).toHaveLength(2);
	});

	it('closes to new messages once the final list is confirmed, and refuses an empty one', async () => {
		const { db, round, admin, first } = await panel();
		expect(await postToDiscussion(db, { viewer: { id: admin.id, role: 'admin' }, proposalId: first, body: '  ' })).toEqual({
			ok: false,
			errors: { body: { key: 'err.required' } }
		});
		await setPhase(db, round.id, 'implementation');
		expect((await postToDiscussion(db, { viewer: { id: admin.id, role: 'admin' }, proposalId: first, body: '晚了' })).ok).toBe(false);
	});
});

describe('feedback to the applicant', () => {
	it('opens once the final list is confirmed, not before and not during the notice, with what the reviewers wrote for the applicant only', async () => {
		const { db, round, admin, org, first } = await panel();
		const feedback = async () => applicantFeedback(db, await getRoundByIdOrThrow(db, round.id), { proposalId: first, organisationId: org });
		expect(await feedback()).toBeNull();

		await setPhase(db, round.id, 'decision');
		if (!(await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '两位专家评审，按两份评审计分' })).ok) throw new Error('draw failed');
		const reduced = await setReducedAward(db, { roundId: round.id, proposalId: first, awardFen: 4_000_000, reason: '宣传费核减', actorId: admin.id });
		expect(reduced.ok).toBe(true);
		expect(await feedback()).toBeNull();
		if (!(await publishNotice(db, { roundId: round.id, actorId: admin.id })).ok) throw new Error('notice failed');
		// During the notice the list may still change: nothing yet.
		expect(await feedback()).toBeNull();

		expect((await confirmFinalList(db, { roundId: round.id, actorId: admin.id }, new Date(Date.now() + 30 * DAY))).ok).toBe(true);
		const seen = (await feedback())!;
		expect(seen).toMatchObject({ funded: true, rank: 1, requestedFen: 4_700_000, awardFen: 4_000_000, reduced: true, reasonText: '宣传费核减' });
		// Two submitted reviews: 2 and 9 average 5.5 on the first criterion; 8 and 7 on the others.
		expect(seen.criteria.map((c) => [c.mean, c.count])).toEqual(seen.criteria.map((_, i) => [i === 0 ? 5.5 : 7.5, 2]));
		expect(seen.criteria[0].comments).toEqual(['需求调研只有一次座谈，证据不足。']);
		expect(seen.criteria.slice(1).flatMap((c) => c.comments)).toEqual([]);
		expect(seen.comments).toEqual(['建议补充需求调研。']);
		// Nothing private, nobody named.
		const text = JSON.stringify(seen);
		expect(text).not.toContain('该机构去年执行偏慢');
		expect(text).not.toContain('与去年项目相似');
		expect(text).not.toMatch(/reviewer/i);

		// Another organisation reads nothing of it.
		const other = await makeOrganisation(db);
		expect(await applicantFeedback(db, await getRoundByIdOrThrow(db, round.id), { proposalId: first, organisationId: other })).toBeNull();
	});
});

describe('one pseudonym per reviewer in the round', () => {
	it('gives each reviewer the same letter on the admin’s review pages, in the discussion and in the decision record', async () => {
		const { db, round, admin, r1, r2, r3, first, second } = await panel();
		await postToDiscussion(db, { viewer: { id: r2.id, role: 'reviewer' }, proposalId: first, body: '同意核减。' });
		await setPhase(db, round.id, 'decision');
		if (!(await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '两位专家评审，按两份评审计分' })).ok) throw new Error('draw failed');
		if (!(await publishNotice(db, { roundId: round.id, actorId: admin.id })).ok) throw new Error('notice failed');
		expect((await confirmFinalList(db, { roundId: round.id, actorId: admin.id }, new Date(Date.now() + 30 * DAY))).ok).toBe(true);

		const letters = await roundPseudonyms(db, round.id);
		// Review pages: the letter of each submitted review's author, by proposal.
		const pages = [];
		for (const id of [first, second]) pages.push(...(await proposalReviews(db, round.id, id))!.reviews.map((r) => [id, r.letter, r.total]));
		// The decision record: the same reviews under the same letters.
		const record = JSON.parse(JSON.stringify(await decisionRecord(db, await getRoundByIdOrThrow(db, round.id)))) as DecisionRecord2;
		expect(record.format).toBe('decision-record/2');
		const recorded = record.reviews.map((r) => [r.proposalId, r.reviewer]).sort();
		expect(recorded).toEqual(pages.map(([id, letter]) => [id, letter]).sort());
		expect(recorded).toHaveLength(4);
		// The discussion: r2's letter, the same one r2 has on both proposals.
		const thread = await readDiscussion(db, { id: admin.id, role: 'admin' }, first);
		expect(thread.ok && thread.value.map((p) => p.letter)).toEqual([letters.get(r2.id)]);
		expect(recorded.filter(([, letter]) => letter === letters.get(r2.id)).map(([id]) => id).sort()).toEqual([first, second].sort());
		expect(new Set([r1, r2, r3].map((r) => letters.get(r.id))).size).toBe(3);
		// The letters stay what they were: the salt is made once.
		expect(await roundPseudonyms(db, round.id)).toEqual(letters);
	});
});
