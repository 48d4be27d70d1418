import { describe, expect, it } from 'vitest';
import type { Phase } from '../domain/phases';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser, setPhase } from '../../../tests/helpers/db';
import { getRubric } from './rounds';
import {
	assignReviewer,
	getAssignmentForReviewer,
	listReviewerQueue,
	proposalScoreSummary,
	saveReview,
	unassignReviewer
} from './reviews';

async function setup(phase: Phase = 'review') {
	const db = await freshDb();
	const round = await makeRound(db, phase);
	const org = await makeOrganisation(db);
	const admin = await makeUser(db, 'admin');
	const proposalId = await makeProposal(db, round.id, org);
	const reviewer = await makeUser(db, 'reviewer');
	const rubric = await getRubric(db, round.id);
	return { db, round, org, admin, proposalId, reviewer, rubric };
}

function fullScores(rubric: { id: number }[], score: number) {
	return Object.fromEntries(rubric.map((c) => [c.id, score]));
}

describe('assigning reviewers', () => {
	it('refuses a reviewer from the applicant organisation (回避) and a duplicate', async () => {
		const { db, org, admin, proposalId, reviewer } = await setup();
		const colleague = await makeUser(db, 'reviewer', org);
		const conflict = await assignReviewer(db, { proposalId, reviewerId: colleague.id, actorId: admin.id });
		expect(conflict).toEqual({ ok: false, errors: { _form: { key: 'review.err.conflict' } } });

		const first = await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id });
		expect(first.ok).toBe(true);
		const again = await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id });
		expect(again).toEqual({ ok: false, errors: { _form: { key: 'review.err.duplicate' } } });

		const log = await db.selectFrom('audit_log').select(['action', 'entity']).where('action', '=', 'review.assign').execute();
		expect(log).toEqual([{ action: 'review.assign', entity: 'proposal' }]);
	});

	it('assigns only eligible proposals, active reviewers, and in eligibility or review', async () => {
		const { db, round, org, admin, reviewer } = await setup('decision');
		const eligible = await makeProposal(db, round.id, org, 'eligible');
		const late = await assignReviewer(db, { proposalId: eligible, reviewerId: reviewer.id, actorId: admin.id });
		expect(late).toEqual({ ok: false, errors: { _form: { key: 'err.phaseClosed', params: { phase: 'decision' } } } });

		await setPhase(db, round.id, 'review');
		const submitted = await makeProposal(db, round.id, org, 'submitted');
		const notEligible = await assignReviewer(db, { proposalId: submitted, reviewerId: reviewer.id, actorId: admin.id });
		expect(notEligible.ok).toBe(false);
		const station = await makeUser(db, 'station', org);
		const notReviewer = await assignReviewer(db, { proposalId: eligible, reviewerId: station.id, actorId: admin.id });
		expect(notReviewer).toEqual({ ok: false, errors: { _form: { key: 'review.err.noReviewer' } } });
	});

	it('removes an assignment only while its review is not submitted', async () => {
		const { db, admin, proposalId, reviewer, rubric } = await setup();
		const assigned = await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id });
		if (!assigned.ok) throw new Error('assign failed');
		await saveReview(
			db,
			{ assignmentId: assigned.value, reviewerId: reviewer.id, scores: fullScores(rubric, 7), comment: null, privateNote: null },
			{ submit: true }
		);
		const refused = await unassignReviewer(db, { assignmentId: assigned.value, proposalId, actorId: admin.id });
		expect(refused).toEqual({ ok: false, errors: { _form: { key: 'review.err.alreadySubmitted' } } });

		const other = await makeUser(db, 'reviewer');
		const second = await assignReviewer(db, { proposalId, reviewerId: other.id, actorId: admin.id });
		if (!second.ok) throw new Error('assign failed');
		expect(await unassignReviewer(db, { assignmentId: second.value, proposalId, actorId: admin.id })).toEqual({
			ok: true,
			value: undefined
		});
		expect(await listReviewerQueue(db, other.id)).toEqual([]);
	});
});

describe('a reviewer’s assignment', () => {
	it('is visible to its reviewer only', async () => {
		const { db, admin, proposalId, reviewer } = await setup();
		const other = await makeUser(db, 'reviewer');
		const assigned = await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id });
		if (!assigned.ok) throw new Error('assign failed');
		expect(await getAssignmentForReviewer(db, assigned.value, other.id)).toBeUndefined();
		expect(await getAssignmentForReviewer(db, assigned.value, admin.id)).toBeUndefined();
		const own = await getAssignmentForReviewer(db, assigned.value, reviewer.id);
		expect(own?.proposal.title).toBe('社区项目 3000000');
		expect(own?.criteria).toHaveLength(7);
		const queue = await listReviewerQueue(db, reviewer.id);
		expect(queue.map((q) => [q.id, q.status])).toEqual([[assigned.value, 'assigned']]);

		// Nor can another reviewer save into it.
		const foreign = await saveReview(
			db,
			{ assignmentId: assigned.value, reviewerId: other.id, scores: {}, comment: 'x', privateNote: null },
			{ submit: false }
		);
		expect(foreign).toEqual({ ok: false, errors: { _form: { key: 'review.err.noAssignment' } } });
	});

	it('refuses scoring outside the review phase', async () => {
		const { db, round, admin, proposalId, reviewer, rubric } = await setup();
		const assigned = await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id });
		if (!assigned.ok) throw new Error('assign failed');
		await setPhase(db, round.id, 'decision');
		const input = { assignmentId: assigned.value, reviewerId: reviewer.id, scores: fullScores(rubric, 8), comment: null, privateNote: null };
		for (const submit of [false, true]) {
			expect(await saveReview(db, input, { submit })).toEqual({
				ok: false,
				errors: { _form: { key: 'err.phaseClosed', params: { phase: 'decision' } } }
			});
		}
		expect((await getAssignmentForReviewer(db, assigned.value, reviewer.id))?.editable).toBe(false);
		const stored = await db.selectFrom('review_scores').select('score').execute();
		expect(stored).toEqual([]);
	});

	it('saves a partial draft but submits only every criterion scored with whole numbers in 0..scale_max', async () => {
		const { db, admin, proposalId, reviewer, rubric } = await setup();
		const assigned = await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id });
		if (!assigned.ok) throw new Error('assign failed');
		const base = { assignmentId: assigned.value, reviewerId: reviewer.id, comment: '很好', privateNote: '预算偏高' };
		const [first, second] = rubric;

		const draft = await saveReview(db, { ...base, scores: { [first.id]: 9 } }, { submit: false });
		expect(draft).toEqual({ ok: true, value: { total: null } });

		const incomplete = await saveReview(db, { ...base, scores: { [first.id]: 9 } }, { submit: true });
		expect(incomplete.ok).toBe(false);
		if (!incomplete.ok) {
			expect(incomplete.errors[`score_${second.id}`]).toEqual({ key: 'review.err.scoreRequired' });
			expect(incomplete.errors[`score_${first.id}`]).toBeUndefined();
		}

		for (const bad of [11, -1, 2.5]) {
			const out = await saveReview(db, { ...base, scores: { ...fullScores(rubric, 5), [second.id]: bad } }, { submit: true });
			expect(out.ok ? null : out.errors[`score_${second.id}`]).toEqual({ key: 'review.err.scoreRange', params: { max: 10 } });
		}
		const unknown = await saveReview(db, { ...base, scores: { ...fullScores(rubric, 5), 99999: 3 } }, { submit: true });
		expect(unknown.ok).toBe(false);

		const row = await db.selectFrom('review_assignments').select('status').where('id', '=', assigned.value).executeTakeFirstOrThrow();
		expect(row.status).toBe('assigned');
	});

	it('computes the weighted total from the rubric and logs the submission without scores or notes', async () => {
		const { db, admin, proposalId, reviewer, rubric } = await setup();
		const assigned = await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id });
		if (!assigned.ok) throw new Error('assign failed');
		// 10/10 on 需求回应 (weight 20) and 5/10 elsewhere: 20 + 0.5 × 80 = 60.
		const scores = { ...fullScores(rubric, 5), [rubric[0].id]: 10 };
		const out = await saveReview(
			db,
			{ assignmentId: assigned.value, reviewerId: reviewer.id, scores, comment: '意见', privateNote: '私密备注' },
			{ submit: true }
		);
		expect(out).toEqual({ ok: true, value: { total: 60 } });
		expect((await getAssignmentForReviewer(db, assigned.value, reviewer.id))?.total).toBe(60);
		const summary = await proposalScoreSummary(db, (await db.selectFrom('proposals').select('round_id').executeTakeFirstOrThrow()).round_id);
		expect(summary.get(proposalId)).toEqual({ count: 1, mean: 60, trimmedMean: 60 });

		const log = await db.selectFrom('audit_log').select(['entity', 'detail']).where('action', '=', 'review.submit').execute();
		expect(log).toHaveLength(1);
		expect(log[0].detail).not.toMatch(/私密|意见|score/);
	});

	it('shows other reviewers’ totals only after submitting, without who gave them', async () => {
		const { db, admin, proposalId, reviewer, rubric } = await setup();
		const other = await makeUser(db, 'reviewer');
		const mine = await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id });
		const theirs = await assignReviewer(db, { proposalId, reviewerId: other.id, actorId: admin.id });
		if (!mine.ok || !theirs.ok) throw new Error('assign failed');
		await saveReview(
			db,
			{ assignmentId: theirs.value, reviewerId: other.id, scores: fullScores(rubric, 8), comment: null, privateNote: 'secret' },
			{ submit: true }
		);
		expect((await getAssignmentForReviewer(db, mine.value, reviewer.id))?.others).toEqual([]);
		await saveReview(
			db,
			{ assignmentId: mine.value, reviewerId: reviewer.id, scores: fullScores(rubric, 6), comment: null, privateNote: null },
			{ submit: true }
		);
		const view = await getAssignmentForReviewer(db, mine.value, reviewer.id);
		expect(view?.others).toEqual([80]);
		expect(JSON.stringify(view)).not.toContain('secret');
	});
});
