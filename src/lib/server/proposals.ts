import type { DB } from './db';
import type { ProposalStatus, Round } from './schema';
import { audit } from './audit';
import { getRoundById, phaseOf } from './rounds';
import { formatFen } from '../domain/money';
import { formatInZone } from '../domain/time';
import { PHASES, type Phase } from '../domain/phases';
import type { FieldErrors } from '../schemas/form';
import type { MessageKey } from '../i18n';

export interface ProposalInput {
	title: string;
	summary: string;
	requestedFen: number;
	needIds: number[];
}

export type ProposalFailure = { ok: false; status: 400 | 404; errors: FieldErrors };
export type ProposalResult = { ok: true; id: number; version: number } | ProposalFailure;

/** Statuses that still count against the round's per-organisation limit. */
const NOT_COUNTED: ProposalStatus[] = ['draft', 'withdrawn'];
/** Statuses the organisation may still edit (while the round takes applications). */
const EDITABLE: ProposalStatus[] = ['draft', 'submitted'];
/** A station may pull out until the decision is made. */
const WITHDRAWABLE: ProposalStatus[] = ['draft', 'submitted', 'eligible'];
const WITHDRAW_PHASES: Phase[] = ['applications', 'eligibility', 'review'];

const notFound: ProposalFailure = { ok: false, status: 404, errors: { _form: { key: 'error.404' } } };

function formFailure(key: MessageKey, params?: Record<string, string | number>): ProposalFailure {
	return { ok: false, status: 400, errors: { _form: { key, params } } };
}

/** The round's deadline for proposals (the eligibility check starts) on its own wall clock. */
export function deadlineOf(round: Pick<Round, 'eligibility_at' | 'time_zone'>): string {
	return formatInZone(round.eligibility_at, round.time_zone);
}

/**
 * Null when proposals may be written now; otherwise why not: "the deadline passed at …" once the
 * applications phase is over, or the phase the round is in before it opens.
 */
export function applicationsClosed(round: Round, now = new Date()): FieldErrors | null {
	const phase = phaseOf(round, now);
	if (phase === 'applications') return null;
	if (PHASES.indexOf(phase) > PHASES.indexOf('applications')) {
		return { _form: { key: 'proposal.err.deadline', params: { at: deadlineOf(round) } } };
	}
	return { _form: { key: 'err.phaseClosed', params: { phase } } };
}

/** The needs a proposal in this round may answer: the published ones. No private fields. */
export async function linkableNeeds(db: DB, roundId: number) {
	return db
		.selectFrom('needs')
		.select(['id', 'title', 'district', 'street', 'category'])
		.where('round_id', '=', roundId)
		.where('status', '=', 'published')
		.orderBy('district')
		.orderBy('street')
		.orderBy('id')
		.execute();
}

/** The needs a proposal links, whatever their status now (for the read-only view). */
export async function linkedNeeds(db: DB, proposalId: number) {
	return db
		.selectFrom('proposal_needs')
		.innerJoin('needs', 'needs.id', 'proposal_needs.need_id')
		.select(['needs.id', 'needs.title', 'needs.district', 'needs.street'])
		.where('proposal_needs.proposal_id', '=', proposalId)
		.orderBy('needs.id')
		.execute();
}

/** Amount bounds and linked needs, which depend on the round. */
async function inputErrors(db: DB, round: Round, input: ProposalInput): Promise<FieldErrors> {
	const errors: FieldErrors = {};
	if (input.requestedFen < round.grant_min_fen || input.requestedFen > round.grant_max_fen) {
		errors.amount = {
			key: 'proposal.err.amountRange',
			params: { min: formatFen(round.grant_min_fen), max: formatFen(round.grant_max_fen) }
		};
	}
	const ids = [...new Set(input.needIds)];
	if (ids.length === 0) {
		errors.needs = { key: 'proposal.err.needs' };
	} else {
		const found = await db
			.selectFrom('needs')
			.select('id')
			.where('id', 'in', ids)
			.where('round_id', '=', round.id)
			.where('status', '=', 'published')
			.execute();
		if (found.length !== ids.length) errors.needs = { key: 'proposal.err.needsInvalid' };
	}
	return errors;
}

/** Proposals of the organisation in the round that count against the limit. */
export async function countSubmitted(
	db: DB,
	roundId: number,
	organisationId: number,
	exceptId?: number
): Promise<number> {
	let query = db
		.selectFrom('proposals')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('round_id', '=', roundId)
		.where('organisation_id', '=', organisationId)
		.where('status', 'not in', NOT_COUNTED);
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	const row = await query.executeTakeFirstOrThrow();
	return Number(row.n);
}

async function limitReached(db: DB, round: Round, organisationId: number, exceptId?: number) {
	return (await countSubmitted(db, round.id, organisationId, exceptId)) >= round.proposals_per_org;
}

async function replaceNeeds(db: DB, proposalId: number, needIds: number[]) {
	await db.deleteFrom('proposal_needs').where('proposal_id', '=', proposalId).execute();
	const ids = [...new Set(needIds)];
	if (ids.length) {
		await db
			.insertInto('proposal_needs')
			.values(ids.map((need_id) => ({ proposal_id: proposalId, need_id })))
			.execute();
	}
}

function auditDetail(round: Round, input: ProposalInput) {
	return { roundId: round.id, requestedFen: input.requestedFen, needIds: [...new Set(input.needIds)] };
}

/** Creates a draft (or, with `submit`, a submitted proposal) for the organisation. */
export async function createProposal(
	db: DB,
	args: {
		round: Round;
		organisationId: number;
		actorId: number;
		input: ProposalInput;
		submit?: boolean;
		now?: Date;
	}
): Promise<ProposalResult> {
	const { round, organisationId, actorId, input, submit = false, now = new Date() } = args;
	const closed = applicationsClosed(round, now);
	if (closed) return { ok: false, status: 400, errors: closed };
	return db.transaction().execute(async (trx) => {
		const errors = await inputErrors(trx, round, input);
		if (Object.keys(errors).length) return { ok: false, status: 400, errors };
		if (submit && (await limitReached(trx, round, organisationId))) {
			return formFailure('proposal.err.limit', { max: round.proposals_per_org });
		}
		const at = now.toISOString();
		const { id, version } = await trx
			.insertInto('proposals')
			.values({
				round_id: round.id,
				organisation_id: organisationId,
				title: input.title.trim(),
				summary: input.summary.trim(),
				requested_fen: input.requestedFen,
				status: submit ? 'submitted' : 'draft',
				created_by: actorId,
				created_at: at,
				updated_at: at,
				submitted_at: submit ? at : null
			})
			.returning(['id', 'version'])
			.executeTakeFirstOrThrow();
		await replaceNeeds(trx, id, input.needIds);
		const detail = auditDetail(round, input);
		await audit(trx, { actorId, action: 'proposal.create', entity: 'proposal', entityId: id, detail });
		if (submit) {
			await audit(trx, { actorId, action: 'proposal.submit', entity: 'proposal', entityId: id, detail });
		}
		return { ok: true, id, version };
	});
}

/**
 * Saves the organisation's changes when nobody saved in between (`version` is the one the form
 * was filled from); otherwise 'conflict' and nothing is written. With `submit`, a draft becomes
 * submitted; a submitted proposal stays submitted.
 */
export async function updateProposal(
	db: DB,
	args: {
		round: Round;
		proposalId: number;
		organisationId: number;
		actorId: number;
		version: number;
		input: ProposalInput;
		submit?: boolean;
		now?: Date;
	}
): Promise<ProposalResult | 'conflict'> {
	const { round, proposalId, organisationId, actorId, version, input, submit = false } = args;
	const now = args.now ?? new Date();
	return db.transaction().execute(async (trx) => {
		const current = await trx
			.selectFrom('proposals')
			.select(['id', 'status', 'version'])
			.where('id', '=', proposalId)
			.where('organisation_id', '=', organisationId)
			.where('round_id', '=', round.id)
			.executeTakeFirst();
		if (!current) return notFound;
		const closed = applicationsClosed(round, now);
		if (closed) return { ok: false, status: 400, errors: closed } as const;
		if (current.version !== version) return 'conflict' as const;
		if (!EDITABLE.includes(current.status)) {
			return formFailure('proposal.err.status', { status: current.status });
		}
		const errors = await inputErrors(trx, round, input);
		if (Object.keys(errors).length) return { ok: false, status: 400, errors } as const;
		const submitting = submit && current.status === 'draft';
		if (submitting && (await limitReached(trx, round, organisationId, proposalId))) {
			return formFailure('proposal.err.limit', { max: round.proposals_per_org });
		}
		const at = now.toISOString();
		const updated = await trx
			.updateTable('proposals')
			.set((eb) => ({
				title: input.title.trim(),
				summary: input.summary.trim(),
				requested_fen: input.requestedFen,
				status: submitting ? 'submitted' : current.status,
				submitted_at: submitting ? at : eb.ref('submitted_at'),
				updated_at: at,
				version: eb('version', '+', 1)
			}))
			.where('id', '=', proposalId)
			.where('version', '=', version)
			.where('status', '=', current.status)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) !== 1) return 'conflict' as const;
		await replaceNeeds(trx, proposalId, input.needIds);
		const detail = auditDetail(round, input);
		await audit(trx, { actorId, action: 'proposal.update', entity: 'proposal', entityId: proposalId, detail });
		if (submitting) {
			await audit(trx, { actorId, action: 'proposal.submit', entity: 'proposal', entityId: proposalId, detail });
		}
		return { ok: true, id: proposalId, version: version + 1 } as const;
	});
}

/** Submits a saved draft as it stands (its amount and needs are checked again). */
export async function submitProposal(
	db: DB,
	args: { round: Round; proposalId: number; organisationId: number; actorId: number; now?: Date }
): Promise<ProposalResult | 'conflict'> {
	const own = await getOwnProposal(db, args.proposalId, args.organisationId);
	if (!own || own.round_id !== args.round.id) return notFound;
	return updateProposal(db, {
		...args,
		version: own.version,
		input: { title: own.title, summary: own.summary, requestedFen: own.requested_fen, needIds: own.needIds },
		submit: true
	});
}

/** Takes the proposal out of the round for good. */
export async function withdrawProposal(
	db: DB,
	args: {
		round: Round;
		proposalId: number;
		organisationId: number;
		actorId: number;
		version: number;
		now?: Date;
	}
): Promise<ProposalResult | 'conflict'> {
	const { round, proposalId, organisationId, actorId, version, now = new Date() } = args;
	const current = await db
		.selectFrom('proposals')
		.select(['status', 'version'])
		.where('id', '=', proposalId)
		.where('organisation_id', '=', organisationId)
		.where('round_id', '=', round.id)
		.executeTakeFirst();
	if (!current) return notFound;
	const phase = phaseOf(round, now);
	if (!WITHDRAW_PHASES.includes(phase)) return formFailure('err.phaseClosed', { phase });
	if (!WITHDRAWABLE.includes(current.status)) {
		return formFailure('proposal.err.status', { status: current.status });
	}
	const updated = await db
		.updateTable('proposals')
		.set((eb) => ({ status: 'withdrawn', updated_at: now.toISOString(), version: eb('version', '+', 1) }))
		.where('id', '=', proposalId)
		.where('version', '=', version)
		.where('status', '=', current.status)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) !== 1) return 'conflict';
	await audit(db, {
		actorId,
		action: 'proposal.withdraw',
		entity: 'proposal',
		entityId: proposalId,
		detail: { roundId: round.id, from: current.status }
	});
	return { ok: true, id: proposalId, version: version + 1 };
}

/** One of the organisation's proposals with the ids of its needs; undefined for anyone else's. */
export async function getOwnProposal(db: DB, id: number, organisationId: number) {
	const row = await db
		.selectFrom('proposals')
		.select([
			'id',
			'round_id',
			'title',
			'summary',
			'requested_fen',
			'status',
			'version',
			'updated_at',
			'submitted_at'
		])
		.where('id', '=', id)
		.where('organisation_id', '=', organisationId)
		.executeTakeFirst();
	if (!row) return undefined;
	const needs = await db
		.selectFrom('proposal_needs')
		.select('need_id')
		.where('proposal_id', '=', id)
		.orderBy('need_id')
		.execute();
	return { ...row, needIds: needs.map((n) => n.need_id) };
}

/** The organisation's proposals across rounds, newest round first, with what happens next. */
export async function listOrganisationProposals(db: DB, organisationId: number, now = new Date()) {
	const rows = await db
		.selectFrom('proposals')
		.select(['id', 'round_id', 'title', 'requested_fen', 'status', 'updated_at'])
		.where('organisation_id', '=', organisationId)
		.orderBy('round_id', 'desc')
		.orderBy('id', 'desc')
		.execute();
	const rounds = new Map<number, Round | undefined>();
	for (const id of new Set(rows.map((r) => r.round_id))) rounds.set(id, await getRoundById(db, id));
	return rows.map((r) => {
		const round = rounds.get(r.round_id)!;
		const phase = phaseOf(round, now);
		return {
			id: r.id,
			title: r.title,
			requestedFen: r.requested_fen,
			status: r.status,
			roundTitle: round.title,
			roundSlug: round.slug,
			phase,
			deadline: deadlineOf(round),
			nextStep: nextStep(r.status, phase)
		};
	});
}

/** What the organisation can expect next for a proposal, as a catalogue key. */
export function nextStep(status: ProposalStatus, phase: Phase): MessageKey {
	const open = phase === 'applications';
	switch (status) {
		case 'draft':
			return open ? 'proposal.next.draftOpen' : 'proposal.next.draftLate';
		case 'submitted':
			return open ? 'proposal.next.submittedOpen' : 'proposal.next.submittedCheck';
		default:
			return `proposal.next.${status}`;
	}
}
