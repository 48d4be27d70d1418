import { describe, expect, it } from 'vitest';
import type { DB } from './db';
import type { NeedStatus, Round } from './schema';
import { freshDb, makeOrganisation, makeRound, makeUser } from '../../../tests/helpers/db';
import { proposalInput, SIX_LINES_TOTAL_FEN } from '../../../tests/helpers/proposals';
import { createProposal, getOwnProposal, linkableNeeds, proposalHistory, submitProposal, updateProposal, withdrawProposal } from './proposals';
import { roundRules, eligibilityChecklist, updateProposalRules } from './proposal-rules';
import { listAllProposals, listOrganisationProposals, proposalCounts } from './proposal-lists';
import type { ProposalInput } from '../schemas/proposals';

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
	const input: ProposalInput = proposalInput([need]);
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
	return result.value;
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

	it('submits only a budget within the round’s grant range, naming both bounds', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const extra = { category: 'activities' as const, item: '多一分', unit: '项', quantity: 1, unitPriceFen: 1 };
		const tooSmall = { ...input, lines: [{ ...extra, unitPriceFen: round.grant_min_fen - 1 }] };
		const tooBig = { ...input, lines: [...input.lines, { ...extra, unitPriceFen: round.grant_max_fen - SIX_LINES_TOTAL_FEN + 1 }], matchingCashFen: 1_000_000 };
		for (const bad of [tooSmall, tooBig]) {
			const result = await createProposal(db, { round, organisationId: orgA, actorId: userA.id, input: bad, submit: true });
			expect(result).toMatchObject({
				ok: false,
				errors: { 'budget.0': { key: 'proposal.err.amountRange', params: { min: '¥5,000.00', max: '¥50,000.00' } } }
			});
		}
		const edge = await createProposal(db, {
			round,
			organisationId: orgA,
			actorId: userA.id,
			input: { ...tooBig, lines: [...input.lines, { ...extra, unitPriceFen: round.grant_max_fen - SIX_LINES_TOTAL_FEN }] },
			submit: true
		});
		expect(edge.ok).toBe(true);
		expect(await db.selectFrom('proposals').select('requested_fen').where('status', '=', 'submitted').execute()).toEqual([
			{ requested_fen: round.grant_max_fen }
		]);
	});

	it('saves a draft whatever its budget says, and stores the lines exactly', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const draft = { ...input, summary: '', needIds: [], lines: [{ category: 'personnel' as const, item: '社工', unit: '月', quantity: 3, unitPriceFen: 3_333 }] };
		const { id } = await create(db, round, orgA, userA.id, draft);
		const own = await getOwnProposal(db, id, orgA);
		expect(own?.requested_fen).toBe(9_999);
		expect(own?.content.lines).toEqual(draft.lines);
		const submit = await submitProposal(db, { round, proposalId: id, organisationId: orgA, actorId: userA.id });
		expect(submit).toMatchObject({ ok: false, errors: { summary: { key: 'err.required' }, needs: { key: 'proposal.err.needs' } } });
		expect(submit).toMatchObject({ errors: { 'budget.0': { key: 'proposal.err.amountRange' } } });
	});

	it('refuses to submit with personnel or admin above their caps, too little matching, or a banned cost', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const lines = input.lines.map((l) => (l.category === 'personnel' ? { ...l, unitPriceFen: l.unitPriceFen + 1 } : l));
		const cases: [ProposalInput, string][] = [
			[{ ...input, lines }, 'proposal.err.personnelCap'],
			[{ ...input, lines: input.lines.map((l) => (l.category === 'admin' ? { ...l, unitPriceFen: 300_001 } : l)) }, 'proposal.err.adminCap'],
			[{ ...input, matchingCashFen: 199_999 }, 'proposal.err.matching'],
			[{ ...input, lines: [...input.lines.slice(0, 5), { ...input.lines[5], category: 'fixed_assets' }] }, 'proposal.err.banned']
		];
		for (const [bad, key] of cases) {
			const result = await createProposal(db, { round, organisationId: orgA, actorId: userA.id, input: bad, submit: true });
			expect(result).toMatchObject({ ok: false, errors: { 'budget.0': { key } } });
		}
		expect(await db.selectFrom('proposals').select('id').execute()).toEqual([]);
	});

	it('keeps a snapshot of every submission as its history', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const { id, version } = await create(db, round, orgA, userA.id, input, true);
		await updateProposal(db, { round, proposalId: id, organisationId: orgA, actorId: userA.id, version, input: { ...input, title: '第二版' } });
		const history = await proposalHistory(db, id);
		expect(history.map((h) => [h.version, h.content.title])).toEqual([
			[2, '第二版'],
			[1, input.title]
		]);
		expect(history[1].content.lines).toHaveLength(6);
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
		const none = await createProposal(db, { round, organisationId: orgA, actorId: userA.id, input: { ...input, needIds: [] }, submit: true });
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
		expect(result).toMatchObject({ ok: true, value: { version: version + 1 } });
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
		expect(first).toMatchObject({ ok: true, value: { version: 2 } });
		const second = await updateProposal(db, {
			round,
			proposalId: id,
			organisationId: orgA,
			actorId: userA.id,
			version: 1,
			input: { ...input, title: '第二个人的修改', needIds: [other] }
		});
		expect(second).toEqual({ ok: false, status: 409, errors: { _form: { key: 'proposal.err.conflict' } } });
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
		expect(list.map((p) => [p.title, p.stage, p.nextStep, p.roundSlug])).toEqual([
			['草稿', 'draft', 'status.next.draft', round.slug],
			[input.title, 'submitted', 'status.next.submitted', round.slug]
		]);
	});

	it('lists every submitted proposal for admins, filtered, and counts them by status, district and category', async () => {
		const { db, round, orgA, orgB, userA, userB, input } = await setup();
		await db.updateTable('organisations').set({ district: '天河区' }).where('id', '=', orgB).execute();
		const children = await makeNeed(db, round.id);
		await db.updateTable('needs').set({ category: 'children' }).where('id', '=', children).execute();
		await create(db, round, orgA, userA.id, input, true);
		await create(db, round, orgB, userB.id, { ...input, needIds: [...input.needIds, children] }, true);
		await create(db, round, orgA, userA.id, { ...input, title: '仍是草稿' });
		const all = await listAllProposals(db, {});
		expect(all.map((p) => p.title)).not.toContain('仍是草稿');
		expect(all).toHaveLength(2);
		expect((await listAllProposals(db, { district: '天河区' })).map((p) => p.district)).toEqual(['天河区']);
		expect(await listAllProposals(db, { category: 'children' })).toHaveLength(1);
		expect(await listAllProposals(db, { status: 'eligible' })).toEqual([]);
		expect(proposalCounts(all)).toEqual({
			byStage: [['submitted', 2]],
			byDistrict: [['天河区', 1], ['海珠区', 1]],
			byCategory: [['elderly', 2], ['children', 1]]
		});
	});

	it('lets admins change the round’s proposal rules before the check starts, and submissions follow them', async () => {
		const { db, round, orgA, userA, input } = await setup();
		const admin = await makeUser(db, 'admin');
		expect(roundRules(round)).toMatchObject({ matchingMinPct: 10, personnelMaxPct: 30, adminMaxPct: 10, bannedCategories: ['fixed_assets', 'cash_transfer'], volunteerHourFen: 2000 });
		expect(eligibilityChecklist(round)).toHaveLength(5);
		const rules = { matchingMinPct: 20, personnelMaxPct: 30, adminMaxPct: 10, bannedCategories: ['publicity' as const], volunteerHourFen: 2500, checklist: ['登记有效'] };
		expect(await updateProposalRules(db, { round, actorId: admin.id, input: rules })).toEqual({ ok: true, value: undefined });
		const updated = (await db.selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow());
		expect(roundRules(updated)).toMatchObject({ matchingMinPct: 20, bannedCategories: ['publicity'], volunteerHourFen: 2500 });
		const refused = await createProposal(db, { round: updated, organisationId: orgA, actorId: userA.id, input, submit: true });
		expect(refused).toMatchObject({ ok: false, errors: { 'budget.0': { key: 'proposal.err.banned', params: { line: 4 } }, 'budget.1': { key: 'proposal.err.matching' } } });
		const locked = await updateProposalRules(db, { round: { ...updated, phase_override: 'eligibility' }, actorId: admin.id, input: rules });
		expect(locked).toMatchObject({ ok: false, errors: { _form: { key: 'err.phaseClosed' } } });
		expect((await db.selectFrom('audit_log').select('action').where('action', '=', 'round.rules').execute())).toHaveLength(1);
	});
});
