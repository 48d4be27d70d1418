import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeRound, makeUser, setPhase } from '../../../tests/helpers/db';
import { proposalInput } from '../../../tests/helpers/proposals';
import { createProposal, getOwnProposal, updateProposal } from './proposals';
import { listOrganisationProposals } from './proposal-lists';
import { latestCheck, listForEligibility, recordEligibility } from './eligibility';
import { getRoundById } from './rounds';
import type { DB } from './db';

async function makeNeed(db: DB, roundId: number) {
	const { id } = await db
		.insertInto('needs')
		.values({
			round_id: roundId,
			receipt_code: `E${Math.random().toString(36).slice(2, 10)}`,
			submission_key: null,
			title: '需求',
			description: '描述',
			category: 'elderly',
			district: '海珠区',
			street: '南华西街',
			affected_group: '长者',
			affected_count: 10,
			urgency: 'medium',
			contact_name: null,
			contact_phone: null,
			status: 'published',
			decline_reason: null,
			created_at: new Date().toISOString(),
			published_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

const HOUR = 3_600_000;

async function setup() {
	const db = await freshDb();
	let round = await makeRound(db, 'applications');
	const org = await makeOrganisation(db);
	const staff = await makeUser(db, 'station', org);
	const admin = await makeUser(db, 'admin');
	const need = await makeNeed(db, round.id);
	const created = await createProposal(db, { round, organisationId: org, actorId: staff.id, input: proposalInput([need]), submit: true });
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	await setPhase(db, round.id, 'eligibility');
	round = (await getRoundById(db, round.id))!;
	const all = [0, 1, 2, 3, 4];
	return { db, round, org, staff, admin, need, id: created.value.id, all };
}

describe('eligibility check', () => {
	it('passes only with every checklist item ticked, and audits the outcome', async () => {
		const { db, round, admin, id, all } = await setup();
		const partial = await recordEligibility(db, { round, proposalId: id, actorId: admin.id, input: { outcome: 'pass', ticked: [0, 1], comment: '', revisionDueAt: null } });
		expect(partial).toMatchObject({ ok: false, errors: { checklist: { key: 'eligibility.err.checklist' } } });
		const ok = await recordEligibility(db, { round, proposalId: id, actorId: admin.id, input: { outcome: 'pass', ticked: all, comment: '', revisionDueAt: null } });
		expect(ok).toEqual({ ok: true });
		expect((await listForEligibility(db, round.id))[0].status).toBe('eligible');
		const log = await db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'like', 'eligibility.%').execute();
		expect(log).toEqual([{ action: 'eligibility.pass', entity_id: String(id) }]);
	});

	it('returns for revision with comments and a deadline; the station fixes and resubmits before it', async () => {
		const { db, round, org, staff, admin, id, need } = await setup();
		const noDue = await recordEligibility(db, { round, proposalId: id, actorId: admin.id, input: { outcome: 'return', ticked: [], comment: '请补充登记证书', revisionDueAt: null } });
		expect(noDue).toMatchObject({ ok: false, errors: { revisionDueAt: { key: 'err.required' } } });
		const afterReview = new Date(Date.parse(round.review_at) + HOUR).toISOString();
		const late = await recordEligibility(db, { round, proposalId: id, actorId: admin.id, input: { outcome: 'return', ticked: [], comment: '请补充', revisionDueAt: afterReview } });
		expect(late).toMatchObject({ ok: false, errors: { revisionDueAt: { key: 'eligibility.err.due' } } });
		const due = new Date(Date.now() + HOUR).toISOString();
		const returned = await recordEligibility(db, { round, proposalId: id, actorId: admin.id, input: { outcome: 'return', ticked: [], comment: '请补充登记证书', revisionDueAt: due } });
		expect(returned).toEqual({ ok: true });
		expect(await latestCheck(db, id)).toMatchObject({ outcome: 'return', comment: '请补充登记证书', revisionDueAt: due });
		const list = await listOrganisationProposals(db, org);
		expect(list[0]).toMatchObject({ stage: 'returned', nextStep: 'status.next.returned', revisionDueAt: due });

		// Applications are closed, yet the returned proposal may be fixed and resubmitted.
		const own = (await getOwnProposal(db, id, org))!;
		const fixed = await updateProposal(db, {
			round,
			proposalId: id,
			organisationId: org,
			actorId: staff.id,
			version: own.version,
			input: proposalInput([need], { team: '补充了登记证书' }),
			submit: true
		});
		expect(fixed).toMatchObject({ ok: true });
		expect(await getOwnProposal(db, id, org)).toMatchObject({ status: 'submitted', revision_due_at: null });
		const actions = (await db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['eligibility.return', 'proposal.resubmit']));
	});

	it('refuses a returned proposal’s changes once its revision deadline has passed, naming it in the round’s time zone', async () => {
		const { db, round, org, staff, admin, id, need } = await setup();
		const due = new Date(Date.now() + HOUR).toISOString();
		await recordEligibility(db, { round, proposalId: id, actorId: admin.id, input: { outcome: 'return', ticked: [], comment: '补充材料', revisionDueAt: due } });
		const own = (await getOwnProposal(db, id, org))!;
		const later = new Date(Date.now() + 2 * HOUR);
		const result = await updateProposal(db, { round, proposalId: id, organisationId: org, actorId: staff.id, version: own.version, input: proposalInput([need]), submit: true, now: later });
		expect(result).toMatchObject({ ok: false, errors: { _form: { key: 'proposal.err.revisionDeadline' } } });
		expect((await getOwnProposal(db, id, org))?.status).toBe('returned');
	});

	it('rejects only with a reason, and only in the eligibility phase', async () => {
		const { db, round, admin, id, all } = await setup();
		const bare = await recordEligibility(db, { round, proposalId: id, actorId: admin.id, input: { outcome: 'reject', ticked: all, comment: '  ', revisionDueAt: null } });
		expect(bare).toMatchObject({ ok: false, errors: { comment: { key: 'eligibility.err.comment' } } });
		const review = { ...round, phase_override: 'review' };
		const wrongPhase = await recordEligibility(db, { round: review, proposalId: id, actorId: admin.id, input: { outcome: 'reject', ticked: [], comment: '预算含固定资产', revisionDueAt: null } });
		expect(wrongPhase).toMatchObject({ ok: false, errors: { _form: { key: 'err.phaseClosed', params: { phase: 'review' } } } });
		const ok = await recordEligibility(db, { round, proposalId: id, actorId: admin.id, input: { outcome: 'reject', ticked: [], comment: '预算含固定资产', revisionDueAt: null } });
		expect(ok).toEqual({ ok: true });
		const again = await recordEligibility(db, { round, proposalId: id, actorId: admin.id, input: { outcome: 'pass', ticked: all, comment: '', revisionDueAt: null } });
		expect(again).toMatchObject({ ok: false, status: 409 });
		const log = await db.selectFrom('audit_log').select(['action', 'reason']).where('action', '=', 'eligibility.reject').execute();
		expect(log).toEqual([{ action: 'eligibility.reject', reason: '预算含固定资产' }]);
	});

	it('does not reach drafts or proposals of another round', async () => {
		const { db, round, admin, staff, org, all } = await setup();
		const other = await makeRound(db, 'applications');
		const draft = await createProposal(db, { round: other, organisationId: org, actorId: staff.id, input: proposalInput([]) });
		if (!draft.ok) throw new Error('draft');
		const result = await recordEligibility(db, { round, proposalId: draft.value.id, actorId: admin.id, input: { outcome: 'pass', ticked: all, comment: '', revisionDueAt: null } });
		expect(result).toMatchObject({ ok: false, status: 404 });
	});
});
