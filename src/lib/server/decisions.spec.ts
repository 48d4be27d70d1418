import { describe, expect, it } from 'vitest';
import type { Phase } from '../domain/phases';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser, setPhase } from '../../../tests/helpers/db';
import { getRubric } from './rounds';
import { assignReviewer, saveReview } from './reviews';
import {
	fundProposal,
	getPublicProject,
	listResults,
	listRoundProposals,
	notFundProposal,
	publishResults,
	roundFunding,
	setEligibility
} from './decisions';

describe('eligibility', () => {
	it('passes or rejects submitted proposals, with a reason for rejection, in eligibility or review', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'eligibility');
		const org = await makeOrganisation(db);
		const admin = await makeUser(db, 'admin');
		const a = await makeProposal(db, round.id, org, 'submitted');
		const b = await makeProposal(db, round.id, org, 'submitted');

		expect(await setEligibility(db, { proposalId: b, eligible: false, reason: ' ', actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.reasonRequired' } }
		});
		expect((await setEligibility(db, { proposalId: a, eligible: true, reason: null, actorId: admin.id })).ok).toBe(true);
		expect((await setEligibility(db, { proposalId: b, eligible: false, reason: '含固定资产采购', actorId: admin.id })).ok).toBe(true);
		// Already decided: not 'submitted' any more.
		expect((await setEligibility(db, { proposalId: a, eligible: false, reason: 'x', actorId: admin.id })).ok).toBe(false);

		const rows = await db.selectFrom('proposals').select(['id', 'status', 'decision_reason']).orderBy('id').execute();
		expect(rows).toEqual([
			{ id: a, status: 'eligible', decision_reason: null },
			{ id: b, status: 'ineligible', decision_reason: '含固定资产采购' }
		]);
		const log = await db.selectFrom('audit_log').select(['action', 'entity', 'reason']).where('entity', '=', 'proposal').execute();
		expect(log).toEqual([
			{ action: 'proposal.eligible', entity: 'proposal', reason: null },
			{ action: 'proposal.ineligible', entity: 'proposal', reason: '含固定资产采购' }
		]);

		await setPhase(db, round.id, 'decision');
		const c = await makeProposal(db, round.id, org, 'submitted');
		expect(await setEligibility(db, { proposalId: c, eligible: true, reason: null, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'err.phaseClosed', params: { phase: 'decision' } } }
		});
	});
});

describe('funding decisions', () => {
	it('keeps awards within the request and the pool, and says how much is left', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'decision', { pool_fen: 5_000_000 });
		const org = await makeOrganisation(db);
		const admin = await makeUser(db, 'admin');
		const a = await makeProposal(db, round.id, org, 'eligible', 3_000_000);
		const b = await makeProposal(db, round.id, org, 'eligible', 3_000_000);

		expect((await fundProposal(db, { proposalId: a, awardFen: 0, actorId: admin.id })).ok).toBe(false);
		expect(await fundProposal(db, { proposalId: a, awardFen: 3_000_001, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.awardAboveRequest', params: { requested: '¥30,000.00' } } }
		});
		expect((await fundProposal(db, { proposalId: a, awardFen: 3_000_000, actorId: admin.id })).ok).toBe(true);
		expect(await fundProposal(db, { proposalId: b, awardFen: 2_500_000, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.pool', params: { left: '¥20,000.00' } } }
		});
		expect((await fundProposal(db, { proposalId: b, awardFen: 2_000_000, actorId: admin.id })).ok).toBe(true);
		expect(await roundFunding(db, round)).toEqual({ poolFen: 5_000_000, awardedFen: 5_000_000, leftFen: 0 });

		// Changing an award does not count the proposal's own earlier award against the pool.
		expect((await fundProposal(db, { proposalId: a, awardFen: 2_900_000, actorId: admin.id })).ok).toBe(true);
		expect((await notFundProposal(db, { proposalId: b, reason: '', actorId: admin.id })).ok).toBe(false);
		expect((await notFundProposal(db, { proposalId: b, reason: '资金池已用尽', actorId: admin.id })).ok).toBe(true);
		expect(await roundFunding(db, round)).toEqual({ poolFen: 5_000_000, awardedFen: 2_900_000, leftFen: 2_100_000 });
		const actions = await db.selectFrom('audit_log').select('action').where('entity', '=', 'proposal').execute();
		expect(actions.map((r) => r.action)).toEqual(['proposal.fund', 'proposal.fund', 'proposal.fund', 'proposal.not_fund']);
	});

	it('decides only in the decision phase and only eligible proposals', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'review');
		const org = await makeOrganisation(db);
		const admin = await makeUser(db, 'admin');
		const a = await makeProposal(db, round.id, org, 'eligible');
		expect(await fundProposal(db, { proposalId: a, awardFen: 100, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'err.phaseClosed', params: { phase: 'review' } } }
		});
		await setPhase(db, round.id, 'decision');
		const ineligible = await makeProposal(db, round.id, org, 'ineligible');
		expect(await fundProposal(db, { proposalId: ineligible, awardFen: 100, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.notDecidable' } }
		});
	});
});

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
		await fundProposal(db, { proposalId: funded, awardFen: 2_500_000, actorId: admin.id });
		await notFundProposal(db, { proposalId: turnedDown, reason: '得分较低', actorId: admin.id });
		return { db, round, admin, reviewer, funded, turnedDown };
	}

	it('stays hidden until published, and is published once', async () => {
		const { db, round, admin, funded } = await decidedRound();
		expect(await listResults(db, round.id)).toBeNull();
		expect(await getPublicProject(db, funded)).toBeUndefined();

		await setPhase(db, round.id, 'review');
		expect((await publishResults(db, { roundId: round.id, actorId: admin.id })).ok).toBe(false);
		await setPhase(db, round.id, 'notice');
		expect((await publishResults(db, { roundId: round.id, actorId: admin.id })).ok).toBe(true);
		expect(await publishResults(db, { roundId: round.id, actorId: admin.id })).toEqual({
			ok: false,
			errors: { _form: { key: 'review.err.alreadyPublished' } }
		});
		const log = await db.selectFrom('audit_log').select('entity').where('action', '=', 'round.publish_results').execute();
		expect(log).toEqual([{ entity: 'round' }]);

		const results = await listResults(db, round.id);
		expect(results?.projects.map((p) => p.id)).toEqual([funded]);
		expect(results?.totals).toEqual({ count: 1, awardedFen: 2_500_000, poolFen: 50_000_000 });
	});

	it('shows only public fields: no private note, no reviewer, no resident contact', async () => {
		const { db, round, admin, reviewer, funded, turnedDown } = await decidedRound();
		await publishResults(db, { roundId: round.id, actorId: admin.id });

		const results = await listResults(db, round.id);
		expect(Object.keys(results!).sort()).toEqual(['projects', 'publishedAt', 'totals']);
		expect(Object.keys(results!.projects[0]).sort()).toEqual(['awardFen', 'district', 'id', 'organisation', 'score', 'title']);
		expect(results!.projects[0].score).toBe(90);

		const project = await getPublicProject(db, funded);
		expect(Object.keys(project!).sort()).toEqual([
			'awardFen',
			'district',
			'id',
			'needs',
			'organisation',
			'requestedFen',
			'reviewCount',
			'round',
			'score',
			'summary',
			'title'
		]);
		expect(Object.keys(project!.needs[0]).sort()).toEqual(['id', 'title']);
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
