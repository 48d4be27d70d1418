import { describe, expect, it } from 'vitest';
import type { Phase } from '../domain/phases';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser, setPhase } from '../../../tests/helpers/db';

import { declareConflict, setConflict, liftConflict } from './conflicts';
import { setPanel, updateReviewerProfile } from './reviewers';
import { listNotices, setMailTransport } from './notify';
import { deliverOutbox } from './outbox';
import { getRubric, rubricLocked, rubricWithGuidance, updateRubric, type CriterionInput } from './rubric';
import {
	assignReviewer,
	autoAssignRound,
	listReviewerQueue,
	reassignReviewer,
	reviewProgress,
	sendReviewReminders,
	unassignReviewer
} from './assignments';
import { getAssignmentForReviewer, proposalScoreSummary, reviewerMayOpen, saveReview } from './reviews';
import { roundPseudonyms } from './pseudonyms';

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
		expect(summary.get(proposalId)).toEqual({ count: 1, mean: 60, trimmedMean: 60, calibrated: 60, sd: 0, disagreement: false });

		const log = await db.selectFrom('audit_log').select(['entity', 'detail']).where('action', '=', 'review.submit').execute();
		expect(log).toHaveLength(1);
		expect(log[0].detail).not.toMatch(/私密|意见|score/);
	});

	it('shows other reviewers’ totals only after submitting, without who gave them', async () => {
		const { db, round, admin, proposalId, reviewer, rubric } = await setup();
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
		// Under the other reviewer's letter in the round, the one the discussion and the admin's pages use.
		expect(view?.others).toEqual([{ letter: (await roundPseudonyms(db, round.id)).get(other.id), total: 80 }]);
		expect(JSON.stringify(view)).not.toContain('secret');
	});
});

async function assigned(db: Awaited<ReturnType<typeof freshDb>>, proposalId: number, reviewerId: number, actorId: number) {
	const out = await assignReviewer(db, { proposalId, reviewerId, actorId });
	if (!out.ok) throw new Error(`assign failed: ${JSON.stringify(out.errors)}`);
	return out.value;
}

describe('conflicts of interest (回避)', () => {
	it('a declared conflict ends the assignment and closes every door to the proposal', async () => {
		const { db, admin, proposalId, reviewer, rubric } = await setup();
		const id = await assigned(db, proposalId, reviewer.id, admin.id);
		await saveReview(
			db,
			{ assignmentId: id, reviewerId: reviewer.id, scores: fullScores(rubric, 7), comment: null, privateNote: null },
			{ submit: false }
		);
		expect(await reviewerMayOpen(db, reviewer.id, proposalId)).toBe(true);

		expect(await declareConflict(db, { assignmentId: id, reviewerId: reviewer.id, reason: '   ' })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.reasonRequired' } }
		});
		const declared = await declareConflict(db, { assignmentId: id, reviewerId: reviewer.id, reason: '曾在该机构兼职' });
		expect(declared).toEqual({ ok: true, value: { endedAssignment: true } });

		expect(await reviewerMayOpen(db, reviewer.id, proposalId)).toBe(false);
		expect(await getAssignmentForReviewer(db, id, reviewer.id)).toBeUndefined();
		expect(await listReviewerQueue(db, reviewer.id)).toEqual([]);
		const save = await saveReview(
			db,
			{ assignmentId: id, reviewerId: reviewer.id, scores: fullScores(rubric, 7), comment: null, privateNote: null },
			{ submit: true }
		);
		expect(save).toEqual({ ok: false, errors: { _form: { key: 'review.err.noAssignment' } } });
		// Nor can an admin put them back by hand.
		expect(await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.conflictDeclared' } }
		});
		// Admins are told, without the reason; the log has no reason either (it stays with the conflict).
		expect((await listNotices(db, admin.id)).map((n) => n.kind)).toEqual(['notice.conflictDeclared']);
		const log = await db.selectFrom('audit_log').select(['detail']).where('action', '=', 'review.conflict_declared').execute();
		expect(log[0].detail).not.toContain('兼职');
	});

	it('an admin-set conflict on a submitted review ends it, and the review stops counting', async () => {
		const { db, round, admin, proposalId, reviewer, rubric } = await setup();
		const id = await assigned(db, proposalId, reviewer.id, admin.id);
		await saveReview(
			db,
			{ assignmentId: id, reviewerId: reviewer.id, scores: fullScores(rubric, 9), comment: null, privateNote: null },
			{ submit: true }
		);
		expect((await proposalScoreSummary(db, round.id)).get(proposalId)?.count).toBe(1);
		const set = await setConflict(db, { proposalId, reviewerId: reviewer.id, reason: '亲属任该机构理事', actorId: admin.id });
		expect(set).toEqual({ ok: true, value: { endedAssignment: true } });
		expect((await proposalScoreSummary(db, round.id)).get(proposalId)?.count).toBe(0);
		expect(await reviewerMayOpen(db, reviewer.id, proposalId)).toBe(false);
		const again = await setConflict(db, { proposalId, reviewerId: reviewer.id, reason: 'x', actorId: admin.id });
		expect(again.ok).toBe(false);

		const conflict = await db.selectFrom('review_conflicts').select('id').executeTakeFirstOrThrow();
		expect((await liftConflict(db, { conflictId: conflict.id, roundId: round.id, reason: '', actorId: admin.id })).ok).toBe(false);
		expect(await liftConflict(db, { conflictId: conflict.id, roundId: round.id + 1, reason: '误登', actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.noConflict' } }
		});
		expect((await liftConflict(db, { conflictId: conflict.id, roundId: round.id, reason: '误登', actorId: admin.id })).ok).toBe(true);
		expect((await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id })).ok).toBe(true);
	});

	it('a reviewer who joins the applicant organisation after assignment loses access', async () => {
		const { db, org, admin, proposalId, reviewer } = await setup();
		const id = await assigned(db, proposalId, reviewer.id, admin.id);
		await updateReviewerProfile(db, { reviewerId: reviewer.id, organisationId: org, categories: [], actorId: admin.id });
		expect(await reviewerMayOpen(db, reviewer.id, proposalId)).toBe(false);
		expect(await getAssignmentForReviewer(db, id, reviewer.id)).toBeUndefined();
	});

	it('another reviewer’s assignment id does not let a reviewer declare a conflict on it', async () => {
		const { db, admin, proposalId, reviewer } = await setup();
		const other = await makeUser(db, 'reviewer');
		const id = await assigned(db, proposalId, reviewer.id, admin.id);
		expect(await declareConflict(db, { assignmentId: id, reviewerId: other.id, reason: '<script>alert(1)</script>' })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.noAssignment' } }
		});
		expect(await reviewerMayOpen(db, reviewer.id, proposalId)).toBe(true);
	});
});

describe('automatic assignment of a round', () => {
	it('needs a panel, assigns k conflict-free reviewers per eligible proposal, and keeps started reviews on a re-run', async () => {
		const { db, round, org, admin, proposalId, rubric } = await setup();
		await db.updateTable('rounds').set({ reviewers_per_proposal: 2 }).where('id', '=', round.id).execute();
		expect(await autoAssignRound(db, { roundId: round.id, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.noPanel' } }
		});
		const other = await makeOrganisation(db);
		const more = [await makeProposal(db, round.id, other), await makeProposal(db, round.id, other)];
		await makeProposal(db, round.id, other, 'submitted');
		const colleague = await makeUser(db, 'reviewer', org);
		const panel = [colleague, await makeUser(db, 'reviewer'), await makeUser(db, 'reviewer'), await makeUser(db, 'reviewer')];
		await setConflict(db, { proposalId: more[0], reviewerId: panel[1].id, reason: '合作方', actorId: admin.id });
		await setPanel(db, { roundId: round.id, reviewerIds: panel.map((r) => r.id), actorId: admin.id });

		const first = await autoAssignRound(db, { roundId: round.id, actorId: admin.id });
		expect(first).toEqual({ ok: true, value: { added: 6, short: [] } });
		const rows = await db.selectFrom('review_assignments').select(['id', 'proposal_id', 'reviewer_id']).execute();
		expect(rows.some((r) => r.proposal_id === proposalId && r.reviewer_id === colleague.id)).toBe(false);
		expect(rows.some((r) => r.proposal_id === more[0] && r.reviewer_id === panel[1].id)).toBe(false);
		const perReviewer = panel.map((r) => rows.filter((a) => a.reviewer_id === r.id).length);
		expect(Math.max(...perReviewer) - Math.min(...perReviewer)).toBeLessThanOrEqual(1);
		expect((await listNotices(db, rows[0].reviewer_id))[0].kind).toBe('notice.reviewAssigned');

		// A reviewer starts one; then one declares a conflict; the re-run fills only the gap.
		const started = rows[0];
		const starter = panel.find((r) => r.id === started.reviewer_id)!;
		await saveReview(
			db,
			{ assignmentId: started.id, reviewerId: starter.id, scores: { [rubric[0].id]: 5 }, comment: null, privateNote: null },
			{ submit: false }
		);
		const leaving = rows[1];
		await declareConflict(db, { assignmentId: leaving.id, reviewerId: leaving.reviewer_id, reason: '认识负责人' });
		const second = await autoAssignRound(db, { roundId: round.id, actorId: admin.id });
		expect(second).toEqual({ ok: true, value: { added: 1, short: [] } });
		const after = await db.selectFrom('review_assignments').select(['id', 'proposal_id', 'reviewer_id']).execute();
		expect(after.find((a) => a.id === started.id)).toEqual(started);
		expect(after.some((a) => a.proposal_id === leaving.proposal_id && a.reviewer_id === leaving.reviewer_id)).toBe(false);
		expect(after.filter((a) => a.proposal_id === leaving.proposal_id)).toHaveLength(2);
	});

	it('reports loads, spread and expertise, and why perfect balance was impossible when it was', async () => {
		const { lastAutoAssignReport } = await import('./assignments');
		const { db, round, admin, proposalId } = await setup();
		await db.updateTable('rounds').set({ reviewers_per_proposal: 2 }).where('id', '=', round.id).execute();
		const other = await makeOrganisation(db);
		const proposals = [proposalId, await makeProposal(db, round.id, other), await makeProposal(db, round.id, other)];
		const panel = [await makeUser(db, 'reviewer'), await makeUser(db, 'reviewer'), await makeUser(db, 'reviewer')];
		// The first reviewer must recuse from every proposal: the other two carry them all.
		for (const p of proposals) await setConflict(db, { proposalId: p, reviewerId: panel[0].id, reason: '合作方', actorId: admin.id });
		await setPanel(db, { roundId: round.id, reviewerIds: panel.map((r) => r.id), actorId: admin.id });
		expect(await lastAutoAssignReport(db, round.id)).toBeNull();
		expect((await autoAssignRound(db, { roundId: round.id, actorId: admin.id })).ok).toBe(true);
		const run = (await lastAutoAssignReport(db, round.id))!;
		expect(run.report.loads.map((l) => [l.reviewerId, l.load])).toEqual(panel.map((r, i) => [r.id, i === 0 ? 0 : 3]));
		expect([run.report.minLoad, run.report.maxLoad, run.report.spread, run.report.added]).toEqual([0, 3, 3, 6]);
		expect(run.report.imbalance).toMatchObject({ heavyReviewerIds: [panel[1].id, panel[2].id], lightReviewerIds: [panel[0].id] });
		const names = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', panel.map((r) => r.id)).execute();
		expect(run.names).toEqual(Object.fromEntries(names.map((u) => [u.id, u.name])));
	});

	it('refuses outside eligibility and review, and manual assignment keeps to the panel', async () => {
		const { db, round, admin, proposalId } = await setup('decision');
		expect((await autoAssignRound(db, { roundId: round.id, actorId: admin.id })).ok).toBe(false);
		await setPhase(db, round.id, 'review');
		const onPanel = await makeUser(db, 'reviewer');
		const offPanel = await makeUser(db, 'reviewer');
		await setPanel(db, { roundId: round.id, reviewerIds: [onPanel.id], actorId: admin.id });
		expect(await assignReviewer(db, { proposalId, reviewerId: offPanel.id, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.notOnPanel' } }
		});
		expect((await setPanel(db, { roundId: round.id, reviewerIds: [admin.id], actorId: admin.id })).ok).toBe(false);
	});

	it('reassigns an unsubmitted review to another reviewer, never to a conflicted one', async () => {
		const { db, org, admin, proposalId, reviewer } = await setup();
		const id = await assigned(db, proposalId, reviewer.id, admin.id);
		const colleague = await makeUser(db, 'reviewer', org);
		const free = await makeUser(db, 'reviewer');
		expect((await reassignReviewer(db, { assignmentId: id, proposalId, reviewerId: colleague.id, actorId: admin.id })).ok).toBe(false);
		expect(await reviewerMayOpen(db, reviewer.id, proposalId)).toBe(true);
		const moved = await reassignReviewer(db, { assignmentId: id, proposalId, reviewerId: free.id, actorId: admin.id });
		expect(moved.ok).toBe(true);
		expect(await reviewerMayOpen(db, reviewer.id, proposalId)).toBe(false);
		expect(await reviewerMayOpen(db, free.id, proposalId)).toBe(true);
	});
});

describe('round review settings', () => {
	it('hides others’ scores when the round says never, and the applicant in blind review', async () => {
		const { db, round, admin, proposalId, reviewer, rubric } = await setup();
		await db.updateTable('rounds').set({ score_visibility: 'never', blind_review: 1 }).where('id', '=', round.id).execute();
		const other = await makeUser(db, 'reviewer');
		const mine = await assigned(db, proposalId, reviewer.id, admin.id);
		const theirs = await assigned(db, proposalId, other.id, admin.id);
		for (const [id, who] of [[theirs, other.id], [mine, reviewer.id]] as const) {
			await saveReview(db, { assignmentId: id, reviewerId: who, scores: fullScores(rubric, 8), comment: null, privateNote: null }, { submit: true });
		}
		const view = await getAssignmentForReviewer(db, mine, reviewer.id);
		expect(view?.others).toEqual([]);
		expect(view?.proposal.organisationName).toBeNull();
		expect(JSON.stringify(view)).not.toContain('机构');
	});

	it('keeps a comment per criterion, trims it and refuses one that is too long', async () => {
		const { db, admin, proposalId, reviewer, rubric } = await setup();
		const id = await assigned(db, proposalId, reviewer.id, admin.id);
		const base = { assignmentId: id, reviewerId: reviewer.id, scores: {}, comment: null, privateNote: null };
		const tooLong = await saveReview(db, { ...base, criterionComments: { [rubric[0].id]: '长'.repeat(1001) } }, { submit: false });
		expect(tooLong.ok ? null : tooLong.errors[`comment_${rubric[0].id}`]).toEqual({ key: 'err.tooLong', params: { max: 1000 } });
		await saveReview(db, { ...base, criterionComments: { [rubric[0].id]: '  需求调研扎实 👍  ', [rubric[1].id]: '' } }, { submit: false });
		const view = await getAssignmentForReviewer(db, id, reviewer.id);
		expect(view?.criteria.map((c) => c.comment).slice(0, 2)).toEqual(['需求调研扎实 👍', null]);
		expect(view?.criteria[0].bands.map((b) => b.band)).toEqual(['low', 'fair', 'good', 'excellent']);
	});
});

describe('the rubric', () => {
	const asInput = (c: Awaited<ReturnType<typeof rubricWithGuidance>>[number]): CriterionInput => ({
		id: c.id,
		nameZh: c.name_zh,
		nameEn: c.name_en,
		description: c.description,
		weight: c.weight,
		scaleMax: c.scale_max,
		guidance: { low: '', fair: '', good: '', excellent: '' }
	});

	it('needs weights totalling 100, keeps band guidance, and drops draft scores of a removed criterion', async () => {
		const { db, round, admin, proposalId, reviewer } = await setup();
		const rubric = (await rubricWithGuidance(db, round.id)).map(asInput);
		const off = await updateRubric(db, { roundId: round.id, criteria: rubric.slice(1), actorId: admin.id });
		expect(off).toEqual({ ok: false, errors: { weights: { key: 'review.err.weightsTotal', params: { total: 80 } } } });
		expect(await updateRubric(db, { roundId: round.id, criteria: [], actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.rubricEmpty' } }
		});

		const id = await assigned(db, proposalId, reviewer.id, admin.id);
		await saveReview(db, { assignmentId: id, reviewerId: reviewer.id, scores: { [rubric[6].id!]: 4 }, comment: null, privateNote: null }, { submit: false });
		// 创新性 (5) goes; its weight moves to 需求回应, which gets guidance; a new criterion is not added.
		const next = rubric.slice(0, 6).map((c, i) => (i === 0 ? { ...c, weight: 25, guidance: { ...c.guidance, good: '紧扣需求' } } : c));
		expect(await updateRubric(db, { roundId: round.id, criteria: next, actorId: admin.id })).toEqual({ ok: true, value: undefined });
		const saved = await rubricWithGuidance(db, round.id);
		expect(saved.map((c) => c.weight)).toEqual([25, 25, 15, 15, 10, 10]);
		expect(saved[0].guidance_good).toBe('紧扣需求');
		expect(await db.selectFrom('review_scores').select('score').execute()).toEqual([]);
		expect((await getAssignmentForReviewer(db, id, reviewer.id))?.criteria[0].bands[2].guidance).toBe('紧扣需求');
	});

	it('locks once the first review is submitted', async () => {
		const { db, round, admin, proposalId, reviewer, rubric } = await setup();
		const id = await assigned(db, proposalId, reviewer.id, admin.id);
		expect(await rubricLocked(db, round.id)).toBe(false);
		await saveReview(db, { assignmentId: id, reviewerId: reviewer.id, scores: fullScores(rubric, 6), comment: null, privateNote: null }, { submit: true });
		expect(await rubricLocked(db, round.id)).toBe(true);
		const criteria = (await rubricWithGuidance(db, round.id)).map(asInput);
		expect(await updateRubric(db, { roundId: round.id, criteria, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.rubricLocked' } }
		});
	});
});

describe('review progress and reminders', () => {
	it('counts per reviewer and proposal, lists proposals short of reviewers, and reminds only those with reviews outstanding', async () => {
		const { db, round, admin, proposalId, reviewer, rubric } = await setup();
		const done = await makeUser(db, 'reviewer');
		await assigned(db, proposalId, reviewer.id, admin.id);
		const theirs = await assigned(db, proposalId, done.id, admin.id);
		await saveReview(db, { assignmentId: theirs, reviewerId: done.id, scores: fullScores(rubric, 6), comment: null, privateNote: null }, { submit: true });

		const progress = await reviewProgress(db, round.id);
		expect(progress.reviewers.map((r) => [r.id, r.assigned, r.done]).sort()).toEqual([[reviewer.id, 1, 0], [done.id, 1, 1]].sort());
		expect(progress.tooFew.map((p) => [p.id, p.assigned, p.done])).toEqual([[proposalId, 2, 1]]);
		expect(progress.overdue).toEqual([]);

		const sent: { to: string; subject: string; text: string }[] = [];
		setMailTransport({ sendMail: async (m) => void sent.push(m) });
		const smtpUrl = process.env.SMTP_URL;
		process.env.SMTP_URL = 'smtp://mail.test';
		try {
			expect(await sendReviewReminders(db, { roundId: round.id, actorId: admin.id })).toEqual({ ok: true, value: { reminded: 1 } });
			expect(await deliverOutbox(db)).toEqual({ sent: 1, failed: 0 });
		} finally {
			setMailTransport(undefined);
			if (smtpUrl === undefined) delete process.env.SMTP_URL;
			else process.env.SMTP_URL = smtpUrl;
		}
		expect(sent.map((m) => m.to)).toEqual([reviewer.email]);
		expect(sent[0].text).toContain('1 份评审未提交');
		expect((await listNotices(db, reviewer.id)).map((n) => n.kind)).toContain('notice.reviewReminder');
		expect((await listNotices(db, done.id)).map((n) => n.kind)).not.toContain('notice.reviewReminder');

		// After the deadline the unfinished review is overdue.
		const late = await reviewProgress(db, round.id, new Date(Date.parse(round.decision_at) + 1000));
		expect(late.overdue.map((o) => o.id)).toHaveLength(1);
	});
});
