import { describe, expect, it } from 'vitest';
import type { DB } from './db';
import type { NeedStatus, Round } from './schema';
import { freshDb, makeOrganisation, makeRound, makeUser } from '../../../tests/helpers/db';
import {
	createProposal,
	getOwnProposal,
	linkableNeeds,
	listOrganisationProposals,
	submitProposal,
	updateProposal,
	withdrawProposal,
	type ProposalInput
} from './proposals';

let needCounter = 0;
async function makeNeed(db: DB, roundId: number, status: NeedStatus = 'published') {
	needCounter += 1;
	const { id } = await db
		.insertInto('needs')
		.values({
			round_id: roundId,
			receipt_code: `R${needCounter}-${Math.random().toString(36).slice(2, 8)}`,
			submission_key: null,
			title: `需求 ${needCounter}`,
			description: '描述',
			category: 'elderly',
			district: '海珠区',
			street: '南华西街',
			affected_group: '长者',
			affected_count: 10,
			urgency: 'medium',
			contact_name: '王阿姨',
			contact_phone: '13800000000',
			status,
			decline_reason: null,
			created_at: new Date().toISOString(),
			published_at: status === 'published' ? new Date().toISOString() : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

async function setup(phase: Parameters<typeof makeRound>[1] = 'applications') {
	const db = await freshDb();
	const round = await makeRound(db, phase);
	const orgA = await makeOrganisation(db);
	const orgB = await makeOrganisation(db);
	const userA = await makeUser(db, 'station', orgA);
	const userB = await makeUser(db, 'station', orgB);
	const need = await makeNeed(db, round.id);
	const input: ProposalInput = {
		title: '长者饭堂互助队',
		summary: '为独居长者提供送餐与探访。',
		requestedFen: 3_000_000,
		needIds: [need]
	};
	return { db, round, orgA, orgB, userA, userB, need, input };
}

async function create(
	db: DB,
	round: Round,
	organisationId: number,
	actorId: number,
	input: ProposalInput,
	submit = false
) {
	const result = await createProposal(db, { round, organisationId, actorId, input, submit });
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result;
}

async function auditActions(db: DB) {
	const rows = await db.selectFrom('audit_log').select('action').where('entity', '=', 'proposal').execute();
	return rows.map((r) => r.action);
}

describe('proposals', () => {
	it('lists only published needs of the round, without private contact fields', async () => {
		const { db, round, need } = await setup();
		await makeNeed(db, round.id, 'new');
		const other = await makeRound(db, 'applications');
		await makeNeed(db, other.id);
		const needs = await linkableNeeds(db, round.id);
		expect(needs.map((n) => n.id)).toEqual([need]);
		expect(Object.keys(needs[0])).not.toContain('contact_phone');
	});

	it('creates a draft with its needs and audits it', async () => {
		const { db, round, orgA, userA, input, need } = await setup();
		const { id } = await create(db, round, orgA, userA.id, input);
		const own = await getOwnProposal(db, id, orgA);
		expect(own).toMatchObject({ status: 'draft', title: input.title, needIds: [need], version: 1 });
		expect(await auditActions(db)).toEqual(['proposal.create']);
	});

	it('never lets station B read or update station A’s proposal', async () => {
		const { db, round, orgA, orgB, userB, input } = await setup();
		const { id } = await create(db, round, orgA, (await makeUser(db, "station", orgA)).id, input);
		expect(await getOwnProposal(db, id, orgB)).toBeUndefined();
		expect(await listOrganisationProposals(db, orgB)).toEqual([]);
		const update = await updateProposal(db, {
			round,
			proposalId: id,
			organisationId: orgB,
			actorId: userB.id,
			version: 1,
			input: { ...input, title: '被改了' }
		});
		expect(update).toMatchObject({ ok: false, status: 404 });
		const submit = await submitProposal(db, { round, proposalId: id, organisationId: orgB, actorId: userB.id });
		expect(submit).toMatchObject({ ok: false, status: 404 });
		const withdraw = await withdrawProposal(db, {
			round,
			proposalId: id,
			organisationId: orgB,
			actorId: userB.id,
			version: 1
		});
		expect(withdraw).toMatchObject({ ok: false, status: 404 });
		const own = await getOwnProposal(db, id, orgA);
		expect(own).toMatchObject({ title: input.title, status: 'draft', version: 1 });
	});

	it('refuses amounts outside the round’s grant range, naming both bounds', async () => {
		const { db, round, orgA, userA, input } = await setup();
		for (const requestedFen of [round.grant_min_fen - 1, round.grant_max_fen + 1]) {
			const result = await createProposal(db, {
				round,
				organisationId: orgA,
				actorId: userA.id,
				input: { ...input, requestedFen }
			});
			expect(result).toMatchObject({
				ok: false,
				errors: { amount: { key: 'proposal.err.amountRange', params: { min: '¥5,000.00', max: '¥50,000.00' } } }
			});
		}
		const edge = await createProposal(db, {
			round,
			organisationId: orgA,
			actorId: userA.id,
			input: { ...input, requestedFen: round.grant_max_fen }
		});
		expect(edge.ok).toBe(true);
	});

	it('refuses unpublished needs, needs of another round and no needs at all', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const unpublished = await makeNeed(db, round.id, 'new');
		const other = await makeRound(db, 'applications');
		const elsewhere = await makeNeed(db, other.id);
		for (const needIds of [[unpublished], [...input.needIds, elsewhere]]) {
			const result = await createProposal(db, { round, organisationId: orgA, actorId: userA.id, input: { ...input, needIds } });
			expect(result).toMatchObject({ ok: false, errors: { needs: { key: 'proposal.err.needsInvalid' } } });
		}
		const none = await createProposal(db, { round, organisationId: orgA, actorId: userA.id, input: { ...input, needIds: [] } });
		expect(none).toMatchObject({ ok: false, errors: { needs: { key: 'proposal.err.needs' } } });
		expect(await db.selectFrom('proposals').select('id').execute()).toEqual([]);
	});

	it('holds each organisation to the round’s number of submitted proposals', async () => {
		const { db, round, orgA, orgB, userA, userB, input } = await setup();
		await create(db, round, orgA, userA.id, input, true);
		await create(db, round, orgA, userA.id, input, true);
		// Drafts do not count, so a third one may be written …
		const third = await create(db, round, orgA, userA.id, input);
		// … but not submitted.
		const refused = await submitProposal(db, { round, proposalId: third.id, organisationId: orgA, actorId: userA.id });
		expect(refused).toMatchObject({ ok: false, errors: { _form: { key: 'proposal.err.limit', params: { max: 2 } } } });
		const direct = await createProposal(db, { round, organisationId: orgA, actorId: userA.id, input, submit: true });
		expect(direct).toMatchObject({ ok: false, errors: { _form: { key: 'proposal.err.limit' } } });
		expect((await getOwnProposal(db, third.id, orgA))?.status).toBe('draft');
		// Another organisation has its own allowance.
		expect((await createProposal(db, { round, organisationId: orgB, actorId: userB.id, input, submit: true })).ok).toBe(true);
	});

	it('frees a place when a submitted proposal is withdrawn', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const first = await create(db, round, orgA, userA.id, input, true);
		await create(db, round, orgA, userA.id, input, true);
		const w = await withdrawProposal(db, { round, proposalId: first.id, organisationId: orgA, actorId: userA.id, version: first.version });
		expect(w).toMatchObject({ ok: true });
		expect((await createProposal(db, { round, organisationId: orgA, actorId: userA.id, input, submit: true })).ok).toBe(true);
		expect(await auditActions(db)).toContain('proposal.withdraw');
	});

	it('refuses creating, editing and submitting once the applications phase is over', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const { id } = await create(db, round, orgA, userA.id, input);
		const review = { ...round, phase_override: 'review' };
		const submit = await submitProposal(db, { round: review, proposalId: id, organisationId: orgA, actorId: userA.id });
		expect(submit).toMatchObject({ ok: false, errors: { _form: { key: 'proposal.err.deadline' } } });
		const update = await updateProposal(db, {
			round: review,
			proposalId: id,
			organisationId: orgA,
			actorId: userA.id,
			version: 1,
			input: { ...input, title: '截止后修改' }
		});
		expect(update).toMatchObject({ ok: false, errors: { _form: { key: 'proposal.err.deadline' } } });
		const created = await createProposal(db, { round: review, organisationId: orgA, actorId: userA.id, input });
		expect(created).toMatchObject({ ok: false, errors: { _form: { key: 'proposal.err.deadline' } } });
		const early = await createProposal(db, { round: { ...round, phase_override: 'needs_call' }, organisationId: orgA, actorId: userA.id, input });
		expect(early).toMatchObject({ ok: false, errors: { _form: { key: 'err.phaseClosed', params: { phase: 'needs_call' } } } });
		expect(await getOwnProposal(db, id, orgA)).toMatchObject({ status: 'draft', title: input.title });
	});

	it('gives the deadline in the round’s time zone', async () => {
		const { db, orgA, userA, input } = await setup();
		const round = await makeRound(db, 'eligibility', { eligibility_at: '2026-04-01T01:30:00.000Z' });
		const result = await createProposal(db, { round, organisationId: orgA, actorId: userA.id, input });
		expect(result).toMatchObject({ errors: { _form: { params: { at: '2026-04-01 09:30' } } } });
	});

	it('lets a submitted proposal be edited before the deadline and keeps it submitted', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const { id, version } = await create(db, round, orgA, userA.id, input, true);
		const result = await updateProposal(db, {
			round,
			proposalId: id,
			organisationId: orgA,
			actorId: userA.id,
			version,
			input: { ...input, title: '修改后的名称' }
		});
		expect(result).toMatchObject({ ok: true, version: version + 1 });
		expect(await getOwnProposal(db, id, orgA)).toMatchObject({ status: 'submitted', title: '修改后的名称', version: 2 });
	});

	it('gives a conflict on a stale version and does not overwrite', async () => {
		const { db, round, orgA, userA, input, need } = await setup();
		const other = await makeNeed(db, round.id);
		const { id } = await create(db, round, orgA, userA.id, input);
		const first = await updateProposal(db, {
			round,
			proposalId: id,
			organisationId: orgA,
			actorId: userA.id,
			version: 1,
			input: { ...input, title: '第一个人的修改' }
		});
		expect(first).toMatchObject({ ok: true, version: 2 });
		const second = await updateProposal(db, {
			round,
			proposalId: id,
			organisationId: orgA,
			actorId: userA.id,
			version: 1,
			input: { ...input, title: '第二个人的修改', needIds: [other] }
		});
		expect(second).toBe('conflict');
		expect(await getOwnProposal(db, id, orgA)).toMatchObject({ title: '第一个人的修改', version: 2, needIds: [need] });
	});

	it('replaces the linked needs on save', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const second = await makeNeed(db, round.id);
		const { id } = await create(db, round, orgA, userA.id, input);
		await updateProposal(db, { round, proposalId: id, organisationId: orgA, actorId: userA.id, version: 1, input: { ...input, needIds: [second] } });
		expect((await getOwnProposal(db, id, orgA))?.needIds).toEqual([second]);
	});

	it('does not edit a withdrawn proposal', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const { id } = await create(db, round, orgA, userA.id, input);
		await withdrawProposal(db, { round, proposalId: id, organisationId: orgA, actorId: userA.id, version: 1 });
		const result = await updateProposal(db, { round, proposalId: id, organisationId: orgA, actorId: userA.id, version: 2, input });
		expect(result).toMatchObject({ ok: false, errors: { _form: { key: 'proposal.err.status', params: { status: 'withdrawn' } } } });
	});

	it('lists the organisation’s proposals with their next step', async () => {
		const { db, round, orgA, userA, input } = await setup();
		await create(db, round, orgA, userA.id, input, true);
		await create(db, round, orgA, userA.id, { ...input, title: '草稿' });
		const list = await listOrganisationProposals(db, orgA);
		expect(list.map((p) => [p.title, p.status, p.nextStep, p.roundSlug])).toEqual([
			['草稿', 'draft', 'proposal.next.draftOpen', round.slug],
			[input.title, 'submitted', 'proposal.next.submittedOpen', round.slug]
		]);
	});
});
