import type { DB } from './db';
import { notFound, ok, phaseClosed, refuse, refuseAll, type Outcome } from './outcome';
import type { ProposalStatus, Round } from './schema';
import type { EligibilityOutcome } from './schema/proposals';
import { audit } from './audit';
import { tellEligibility } from './inbox';
import { inPhase } from './rounds';
import { ELIGIBILITY_PHASES } from '../domain/phases';
import { proposalDossier } from './proposal-dossier';
import { eligibilityChecklist } from './proposal-rules';
import { formatInZone } from '../domain/time';
import type { FieldErrors } from '../schemas/form';
import { ELIGIBILITY_COMMENT_MAX } from '../schemas/eligibility';

/** The statuses the eligibility check shows (drafts and withdrawn proposals never reach it). */
const CHECKED: ProposalStatus[] = ['submitted', 'returned', 'eligible', 'ineligible'];
const RESULT: Record<EligibilityOutcome, ProposalStatus> = { pass: 'eligible', return: 'returned', reject: 'ineligible' };

export interface EligibilityInput {
	outcome: EligibilityOutcome;
	/** The round's checklist items the admin ticked, by position. */
	ticked: number[];
	comment: string;
	/** UTC instant; required to return a proposal. */
	revisionDueAt: string | null;
}

/** The round's proposals that face the check, with the latest outcome of each. */
export async function listForEligibility(db: DB, roundId: number) {
	const rows = await db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.select([
			'proposals.id',
			'proposals.title',
			'proposals.status',
			'proposals.requested_fen',
			'proposals.revision_due_at',
			'proposals.submitted_at',
			'organisations.name as organisation',
			'organisations.district'
		])
		.where('proposals.round_id', '=', roundId)
		.where('proposals.status', 'in', CHECKED)
		.orderBy('proposals.submitted_at')
		.orderBy('proposals.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		status: r.status,
		requestedFen: r.requested_fen,
		revisionDueAt: r.revision_due_at,
		organisation: r.organisation,
		district: r.district
	}));
}

/** The latest outcome the station may read: outcome, comment and revision deadline. */
export async function latestCheck(db: DB, proposalId: number) {
	const row = await db
		.selectFrom('eligibility_checks')
		.select(['outcome', 'comment', 'revision_due_at', 'checked_at'])
		.where('proposal_id', '=', proposalId)
		.orderBy('id', 'desc')
		.executeTakeFirst();
	return row ? { outcome: row.outcome, comment: row.comment, revisionDueAt: row.revision_due_at, checkedAt: row.checked_at } : null;
}

/** Everything the admin needs to check one proposal of the round. */
export async function proposalForCheck(db: DB, round: Round, proposalId: number) {
	const row = await db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.select([
			'proposals.id',
			'proposals.organisation_id',
			'proposals.status',
			'proposals.version',
			'proposals.revision_due_at',
			'proposals.submitted_at',
			'organisations.name as organisation',
			'organisations.kind',
			'organisations.registration_no',
			'organisations.district',
			'organisations.street',
			'organisations.introduction'
		])
		.where('proposals.id', '=', proposalId)
		.where('proposals.round_id', '=', round.id)
		.where('proposals.status', 'in', CHECKED)
		.executeTakeFirst();
	if (!row) return undefined;
	const dossier = (await proposalDossier(db, round, proposalId))!;
	const checks = await db
		.selectFrom('eligibility_checks')
		.innerJoin('users', 'users.id', 'eligibility_checks.checked_by')
		.select([
			'eligibility_checks.id',
			'eligibility_checks.outcome',
			'eligibility_checks.comment',
			'eligibility_checks.revision_due_at',
			'eligibility_checks.checked_at',
			'users.name as by'
		])
		.where('eligibility_checks.proposal_id', '=', proposalId)
		.orderBy('eligibility_checks.id', 'desc')
		.execute();
	return { proposal: row, ...dossier, checks };
}

/**
 * Records the admin's outcome: pass (every checklist item ticked), return for revision (with
 * comments and a deadline before expert review starts) or reject (with a reason).
 */
export async function recordEligibility(
	db: DB,
	args: { round: Round; proposalId: number; actorId: number; input: EligibilityInput; now?: Date }
): Promise<Outcome> {
	const { round, proposalId, actorId, input, now = new Date() } = args;
	if (!inPhase(round, ELIGIBILITY_PHASES, now)) return phaseClosed(round, now);
	const checklist = eligibilityChecklist(round);
	const ticked = new Set(input.ticked.filter((i) => i >= 0 && i < checklist.length));
	const comment = input.comment.trim();
	const errors: FieldErrors = {};
	if (input.outcome === 'pass' && ticked.size < checklist.length) errors.checklist = { key: 'eligibility.err.checklist' };
	if (input.outcome !== 'pass' && !comment) errors.comment = { key: 'eligibility.err.comment' };
	if (comment.length > ELIGIBILITY_COMMENT_MAX) errors.comment = { key: 'err.tooLong', params: { max: ELIGIBILITY_COMMENT_MAX } };
	if (input.outcome === 'return') {
		const due = input.revisionDueAt;
		if (!due) errors.revisionDueAt = { key: 'err.required' };
		else if (due <= now.toISOString() || due > round.review_at) {
			errors.revisionDueAt = { key: 'eligibility.err.due', params: { before: formatInZone(round.review_at, round.time_zone) } };
		}
	}
	if (Object.keys(errors).length) return refuseAll(errors);
	return db.transaction().execute(async (trx) => {
		const current = await trx
			.selectFrom('proposals')
			.select(['status'])
			.where('id', '=', proposalId)
			.where('round_id', '=', round.id)
			.executeTakeFirst();
		if (!current || !CHECKED.includes(current.status)) return notFound();
		// A returned proposal waits for its resubmission; until then it can only be rejected.
		const allowed = current.status === 'submitted' || (current.status === 'returned' && input.outcome === 'reject');
		if (!allowed) return refuse('proposal.err.status', { status: current.status }, 409);
		const status = RESULT[input.outcome];
		const at = now.toISOString();
		const dueAt = input.outcome === 'return' ? input.revisionDueAt : null;
		const updated = await trx
			.updateTable('proposals')
			.set((eb) => ({ status, revision_due_at: dueAt, updated_at: at, version: eb('version', '+', 1) }))
			.where('id', '=', proposalId)
			.where('status', '=', current.status)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) !== 1) return refuse('proposal.err.conflict', undefined, 409);
		await trx
			.insertInto('eligibility_checks')
			.values({
				proposal_id: proposalId,
				outcome: input.outcome,
				checklist: JSON.stringify(checklist.map((item, i) => ({ item, ok: ticked.has(i) }))),
				comment,
				revision_due_at: dueAt,
				checked_by: actorId,
				checked_at: at
			})
			.execute();
		await audit(trx, {
			actorId,
			action: `eligibility.${input.outcome}`,
			entity: 'proposal',
			entityId: proposalId,
			reason: comment || null,
			detail: { roundId: round.id, from: current.status, to: status, revisionDueAt: dueAt, ticked: ticked.size, items: checklist.length }
		});
		await tellEligibility(trx, { proposalId, outcome: input.outcome, revisionDueAt: dueAt, timeZone: round.time_zone }, now);
		return ok();
	});
}
