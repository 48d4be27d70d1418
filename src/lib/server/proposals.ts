/** Writing a proposal: create, save, submit, withdraw, with the checks of each; reading one back. */
import type { DB } from './db';
import { lockRows } from './db';
import type { ProposalStatus, Round } from './schema';
import { audit } from './audit';
import { inPhase, phaseOf } from './rounds';
import { deadlineOf, roundRules } from './proposal-rules';
import { notFound, ok, phaseClosed, refuse, refuseAll, type Outcome } from './outcome';
import { formatInZone } from '../domain/time';
import { PHASES, WITHDRAW_PHASES } from '../domain/phases';
import {
	BUDGET_CATEGORIES,
	DEFAULT_BANNED,
	budgetProblems,
	budgetTotals,
	type BudgetCategory,
	type BudgetLine,
	type ProposalRules
} from '../domain/budget';
import { budgetProblemError, type ProposalInput } from '../schemas/proposals';
import type { FieldErrors } from '../schemas/form';

/** A saved proposal: its id and the version the next save must start from. */
export type SavedProposal = Outcome<{ id: number; version: number }>;

/** Statuses that still count against the round's per-organisation limit. */
const NOT_COUNTED: ProposalStatus[] = ['draft', 'withdrawn'];
/** A station may pull out until the decision is made. */
const WITHDRAWABLE: ProposalStatus[] = ['draft', 'submitted', 'returned', 'eligible'];

/** Someone saved the proposal in between: nothing was written. */
const CHANGED = refuse('proposal.err.conflict', undefined, 409);

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

/**
 * Null when the organisation may change a proposal in this status now: drafts and submitted
 * proposals while applications are open, a returned one until its revision deadline.
 */
export function editClosed(
	round: Round,
	proposal: { status: ProposalStatus; revision_due_at: string | null },
	now = new Date()
): FieldErrors | null {
	if (proposal.status === 'returned') {
		if (proposal.revision_due_at && now.toISOString() < proposal.revision_due_at) return null;
		return {
			_form: {
				key: 'proposal.err.revisionDeadline',
				params: { at: formatInZone(proposal.revision_due_at ?? round.review_at, round.time_zone) }
			}
		};
	}
	if (proposal.status === 'draft' || proposal.status === 'submitted') return applicationsClosed(round, now);
	return { _form: { key: 'proposal.err.status', params: { status: proposal.status } } };
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

/** Checks that hold for drafts too: the linked needs are published needs of the round. */
async function needErrors(db: DB, round: Round, needIds: number[]): Promise<FieldErrors> {
	const ids = [...new Set(needIds)];
	if (ids.length === 0) return {};
	const found = await db
		.selectFrom('needs')
		.select('id')
		.where('id', 'in', ids)
		.where('round_id', '=', round.id)
		.where('status', '=', 'published')
		.execute();
	return found.length === ids.length ? {} : { needs: { key: 'proposal.err.needsInvalid' } };
}

/**
 * What a submission needs beyond a draft: the descriptive fields, at least one need, activity
 * and indicator, and a budget within the round's rules (each broken rule as `budget.n`).
 */
export function submissionErrors(round: Round, input: ProposalInput): FieldErrors {
	const errors: FieldErrors = {};
	if (!input.summary.trim()) errors.summary = { key: 'err.required' };
	if (!input.targetGroup.trim()) errors.targetGroup = { key: 'err.required' };
	if (input.beneficiaries === null || input.beneficiaries < 1) errors.beneficiaries = { key: 'err.required' };
	if (!input.team.trim()) errors.team = { key: 'err.required' };
	if (input.needIds.length === 0) errors.needs = { key: 'proposal.err.needs' };
	if (input.activities.length === 0) errors.activities = { key: 'proposal.err.activities' };
	if (input.indicators.length === 0) errors.indicators = { key: 'proposal.err.indicators' };
	const funding = { matchingCashFen: input.matchingCashFen, volunteerHours: input.volunteerHours };
	budgetProblems(input.lines, funding, roundRules(round)).forEach((p, i) => {
		errors[`budget.${i}`] = budgetProblemError(p);
	});
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
	// Called inside the submitting transaction: two submissions of one organisation count in turn.
	await lockRows(db, 'organisations', [organisationId]);
	return (await countSubmitted(db, round.id, organisationId, exceptId)) >= round.proposals_per_org;
}

/** Replaces the proposal's needs, budget, activities and indicators with `input`'s. */
async function writeDetails(db: DB, proposalId: number, input: ProposalInput) {
	await db.deleteFrom('proposal_needs').where('proposal_id', '=', proposalId).execute();
	const ids = [...new Set(input.needIds)];
	if (ids.length) {
		await db.insertInto('proposal_needs').values(ids.map((need_id) => ({ proposal_id: proposalId, need_id }))).execute();
	}
	await db.deleteFrom('budget_lines').where('proposal_id', '=', proposalId).execute();
	if (input.lines.length) {
		await db
			.insertInto('budget_lines')
			.values(
				input.lines.map((l, position) => ({
					proposal_id: proposalId,
					position,
					category: l.category,
					item: l.item.trim(),
					unit: l.unit.trim(),
					quantity: l.quantity,
					unit_price_fen: l.unitPriceFen
				}))
			)
			.execute();
	}
	await db.deleteFrom('proposal_activities').where('proposal_id', '=', proposalId).execute();
	if (input.activities.length) {
		await db
			.insertInto('proposal_activities')
			.values(
				input.activities.map((a, position) => ({
					proposal_id: proposalId,
					position,
					name: a.name.trim(),
					start_month: a.startMonth,
					end_month: a.endMonth
				}))
			)
			.execute();
	}
	await db.deleteFrom('proposal_indicators').where('proposal_id', '=', proposalId).execute();
	if (input.indicators.length) {
		await db
			.insertInto('proposal_indicators')
			.values(
				input.indicators.map((x, position) => ({
					proposal_id: proposalId,
					position,
					name: x.name.trim(),
					target: x.target.trim(),
					unit: x.unit.trim()
				}))
			)
			.execute();
	}
}

function columnsOf(input: ProposalInput) {
	return {
		title: input.title.trim(),
		summary: input.summary.trim(),
		target_group: input.targetGroup.trim(),
		beneficiaries: input.beneficiaries,
		team: input.team.trim(),
		matching_cash_fen: input.matchingCashFen,
		volunteer_hours: input.volunteerHours,
		requested_fen: budgetTotals(input.lines, { matchingCashFen: 0, volunteerHours: 0 }, 0).grantFen
	};
}

function auditDetail(round: Round, input: ProposalInput) {
	return {
		roundId: round.id,
		requestedFen: columnsOf(input).requested_fen,
		budgetLines: input.lines.length,
		needIds: [...new Set(input.needIds)]
	};
}

/** Keeps what was submitted, for the proposal's history. */
async function snapshot(db: DB, proposalId: number, version: number, actorId: number, at: string) {
	const content = await getProposalContent(db, proposalId);
	await db
		.insertInto('proposal_snapshots')
		.values({ proposal_id: proposalId, version, status: 'submitted', taken_at: at, taken_by: actorId, content: JSON.stringify(content) })
		.execute();
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
): Promise<SavedProposal> {
	const { round, organisationId, actorId, input, submit = false, now = new Date() } = args;
	const closed = applicationsClosed(round, now);
	if (closed) return refuseAll(closed);
	return db.transaction().execute(async (trx) => {
		const errors = { ...(await needErrors(trx, round, input.needIds)), ...(submit ? submissionErrors(round, input) : {}) };
		if (Object.keys(errors).length) return refuseAll(errors);
		if (submit && (await limitReached(trx, round, organisationId))) {
			return refuse('proposal.err.limit', { max: round.proposals_per_org });
		}
		const at = now.toISOString();
		const { id, version } = await trx
			.insertInto('proposals')
			.values({
				round_id: round.id,
				organisation_id: organisationId,
				...columnsOf(input),
				status: submit ? 'submitted' : 'draft',
				created_by: actorId,
				created_at: at,
				updated_at: at,
				submitted_at: submit ? at : null
			})
			.returning(['id', 'version'])
			.executeTakeFirstOrThrow();
		await writeDetails(trx, id, input);
		const detail = auditDetail(round, input);
		await audit(trx, { actorId, action: 'proposal.create', entity: 'proposal', entityId: id, detail });
		if (submit) {
			await snapshot(trx, id, version, actorId, at);
			await audit(trx, { actorId, action: 'proposal.submit', entity: 'proposal', entityId: id, detail });
		}
		return ok({ id, version });
	});
}

/**
 * Saves the organisation's changes when nobody saved in between (`version` is the one the form
 * was filled from); otherwise refused with 409 and nothing is written. With `submit`, a draft or a
 * returned proposal becomes submitted; a submitted proposal stays submitted, and every save that
 * leaves it submitted keeps a snapshot.
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
): Promise<SavedProposal> {
	const { round, proposalId, organisationId, actorId, version, input, submit = false } = args;
	const now = args.now ?? new Date();
	return db.transaction().execute(async (trx) => {
		const current = await trx
			.selectFrom('proposals')
			.select(['id', 'status', 'version', 'revision_due_at'])
			.where('id', '=', proposalId)
			.where('organisation_id', '=', organisationId)
			.where('round_id', '=', round.id)
			.executeTakeFirst();
		if (!current) return notFound();
		const closed = editClosed(round, current, now);
		if (closed) return refuseAll(closed);
		if (current.version !== version) return CHANGED;
		const willBeSubmitted = submit || current.status === 'submitted';
		const errors = { ...(await needErrors(trx, round, input.needIds)), ...(willBeSubmitted ? submissionErrors(round, input) : {}) };
		if (Object.keys(errors).length) return refuseAll(errors);
		const submitting = submit && current.status !== 'submitted';
		if (submitting && current.status === 'draft' && (await limitReached(trx, round, organisationId, proposalId))) {
			return refuse('proposal.err.limit', { max: round.proposals_per_org });
		}
		const at = now.toISOString();
		const status: ProposalStatus = willBeSubmitted ? 'submitted' : current.status;
		const updated = await trx
			.updateTable('proposals')
			.set((eb) => ({
				...columnsOf(input),
				status,
				submitted_at: submitting ? at : eb.ref('submitted_at'),
				revision_due_at: status === 'returned' ? eb.ref('revision_due_at') : null,
				updated_at: at,
				version: eb('version', '+', 1)
			}))
			.where('id', '=', proposalId)
			.where('version', '=', version)
			.where('status', '=', current.status)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) !== 1) return CHANGED;
		await writeDetails(trx, proposalId, input);
		const detail = { ...auditDetail(round, input), from: current.status };
		await audit(trx, { actorId, action: 'proposal.update', entity: 'proposal', entityId: proposalId, detail });
		if (willBeSubmitted) await snapshot(trx, proposalId, version + 1, actorId, at);
		if (submitting) {
			const action = current.status === 'returned' ? 'proposal.resubmit' : 'proposal.submit';
			await audit(trx, { actorId, action, entity: 'proposal', entityId: proposalId, detail });
		}
		return ok({ id: proposalId, version: version + 1 });
	});
}

/** Submits a saved draft (or returned proposal) as it stands; everything is checked again. */
export async function submitProposal(
	db: DB,
	args: { round: Round; proposalId: number; organisationId: number; actorId: number; now?: Date }
): Promise<SavedProposal> {
	const own = await getOwnProposal(db, args.proposalId, args.organisationId);
	if (!own || own.round_id !== args.round.id) return notFound();
	return updateProposal(db, { ...args, version: own.version, input: own.content, submit: true });
}

/** Takes the proposal out of the round for good; refused with 409 when it changed in between. */
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
): Promise<SavedProposal> {
	const { round, proposalId, organisationId, actorId, version, now = new Date() } = args;
	const current = await db
		.selectFrom('proposals')
		.select(['status', 'version'])
		.where('id', '=', proposalId)
		.where('organisation_id', '=', organisationId)
		.where('round_id', '=', round.id)
		.executeTakeFirst();
	if (!current) return notFound();
	if (!inPhase(round, WITHDRAW_PHASES, now)) return phaseClosed(round, now);
	if (!WITHDRAWABLE.includes(current.status)) return refuse('proposal.err.status', { status: current.status });
	const updated = await db
		.updateTable('proposals')
		.set((eb) => ({ status: 'withdrawn', updated_at: now.toISOString(), version: eb('version', '+', 1) }))
		.where('id', '=', proposalId)
		.where('version', '=', version)
		.where('status', '=', current.status)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) !== 1) return CHANGED;
	await audit(db, {
		actorId,
		action: 'proposal.withdraw',
		entity: 'proposal',
		entityId: proposalId,
		detail: { roundId: round.id, from: current.status }
	});
	return ok({ id: proposalId, version: version + 1 });
}

export function mayWithdraw(round: Round, status: ProposalStatus, now = new Date()): boolean {
	return inPhase(round, WITHDRAW_PHASES, now) && WITHDRAWABLE.includes(status);
}

function asCategory(value: string): BudgetCategory {
	return (BUDGET_CATEGORIES as readonly string[]).includes(value) ? (value as BudgetCategory) : 'other';
}

/** A proposal's written content, whoever asks: callers check access first. */
export async function getProposalContent(db: DB, id: number): Promise<ProposalInput | undefined> {
	const row = await db
		.selectFrom('proposals')
		.select(['title', 'summary', 'target_group', 'beneficiaries', 'team', 'matching_cash_fen', 'volunteer_hours'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const [needs, lines, activities, indicators] = await Promise.all([
		db.selectFrom('proposal_needs').select('need_id').where('proposal_id', '=', id).orderBy('need_id').execute(),
		db
			.selectFrom('budget_lines')
			.select(['category', 'item', 'unit', 'quantity', 'unit_price_fen'])
			.where('proposal_id', '=', id)
			.orderBy('position')
			.execute(),
		db.selectFrom('proposal_activities').select(['name', 'start_month', 'end_month']).where('proposal_id', '=', id).orderBy('position').execute(),
		db.selectFrom('proposal_indicators').select(['name', 'target', 'unit']).where('proposal_id', '=', id).orderBy('position').execute()
	]);
	return {
		title: row.title,
		summary: row.summary,
		targetGroup: row.target_group,
		beneficiaries: row.beneficiaries,
		team: row.team,
		matchingCashFen: row.matching_cash_fen,
		volunteerHours: row.volunteer_hours,
		needIds: needs.map((n) => n.need_id),
		lines: lines.map((l) => ({
			category: asCategory(l.category),
			item: l.item,
			unit: l.unit,
			quantity: l.quantity,
			unitPriceFen: l.unit_price_fen
		})),
		activities: activities.map((a) => ({ name: a.name, startMonth: a.start_month, endMonth: a.end_month })),
		indicators
	};
}

/** One of the organisation's proposals with its content; undefined for anyone else's. */
export async function getOwnProposal(db: DB, id: number, organisationId: number) {
	const row = await db
		.selectFrom('proposals')
		.select(['id', 'round_id', 'title', 'requested_fen', 'status', 'version', 'updated_at', 'submitted_at', 'revision_due_at'])
		.where('id', '=', id)
		.where('organisation_id', '=', organisationId)
		.executeTakeFirst();
	if (!row) return undefined;
	const content = (await getProposalContent(db, id))!;
	return { ...row, needIds: content.needIds, content };
}

/** The proposal's submissions, newest first. */
export async function proposalHistory(db: DB, proposalId: number) {
	const rows = await db
		.selectFrom('proposal_snapshots')
		.innerJoin('users', 'users.id', 'proposal_snapshots.taken_by')
		.select(['proposal_snapshots.id', 'proposal_snapshots.version', 'proposal_snapshots.taken_at', 'proposal_snapshots.content', 'users.name as by'])
		.where('proposal_snapshots.proposal_id', '=', proposalId)
		.orderBy('proposal_snapshots.id', 'desc')
		.execute();
	return rows.map((r) => ({ id: r.id, version: r.version, takenAt: r.taken_at, by: r.by, content: JSON.parse(r.content) as ProposalInput }));
}
