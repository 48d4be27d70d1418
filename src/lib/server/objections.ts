import type { DB } from './db';
import type { ObjectionEffect, ObjectionStatus } from './schema/objections';
import { audit } from './audit';
import { tellObjectionAnswered } from './inbox';
import { getRoundById, inPhase, lockedRound, type Round } from './rounds';
import { ok, phaseClosed, refuse, type Outcome } from './outcome';
import { NOTICE_PHASES } from '../domain/phases';
import { noticeOpen, redrawAfterObjection } from './decisions';


export interface ObjectionInput {
	roundId: number;
	proposalId: number;
	name: string;
	contact: string;
	reason: string;
	submissionKey: string | null;
}

/**
 * Files an objection to a project on the public notice, while the notice runs. The name and
 * contact are stored for the admins only. A repeated submission key (double click, resent form)
 * files nothing new and answers with the first objection.
 */
export async function fileObjection(db: DB, input: ObjectionInput, now = new Date()): Promise<Outcome<number>> {
	const round = await getRoundById(db, input.roundId);
	if (!round) return refuse('review.err.noRound');
	if (!noticeOpen(round, now)) {
		if (!inPhase(round, NOTICE_PHASES, now)) return phaseClosed(round, now);
		return refuse('results.err.noticeClosed');
	}
	if (input.submissionKey) {
		const earlier = await db
			.selectFrom('objections')
			.select('id')
			.where('submission_key', '=', input.submissionKey)
			.where('round_id', '=', round.id)
			.executeTakeFirst();
		if (earlier) return ok(earlier.id);
	}
	const proposal = await db
		.selectFrom('proposals')
		.select('id')
		.where('id', '=', input.proposalId)
		.where('round_id', '=', round.id)
		.where('funding_reason', 'is not', null)
		.executeTakeFirst();
	if (!proposal) return { ok: false, errors: { proposalId: { key: 'err.choice' } } };
	const { id } = await db
		.insertInto('objections')
		.values({
			round_id: round.id,
			proposal_id: proposal.id,
			objector_name: input.name,
			objector_contact: input.contact,
			// The form refuses an objection without the consent box ticked.
			contact_consent_at: now.toISOString(),
			reason: input.reason,
			submission_key: input.submissionKey,
			created_at: now.toISOString()
		})
		.onConflict((oc) => oc.column('submission_key').doNothing())
		.returning('id')
		.executeTakeFirstOrThrow();
	// No name, contact or reason in the log: only that an objection was filed, and on what.
	await audit(db, { actorId: null, action: 'objection.file', entity: 'objection', entityId: id, detail: { proposalId: proposal.id } });
	return ok(id);
}

/** Every objection of the round, with the objector's contact: for admins only. */
/** How many objections of the round still wait for an answer. */
export async function countOpenObjections(db: DB, roundId: number): Promise<number> {
	const row = await db
		.selectFrom('objections')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('round_id', '=', roundId)
		.where('status', '=', 'open')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function listObjectionsForAdmin(db: DB, roundId: number) {
	const rows = await db
		.selectFrom('objections')
		.innerJoin('proposals', 'proposals.id', 'objections.proposal_id')
		.leftJoin('users', 'users.id', 'objections.answered_by')
		.select([
			'objections.id',
			'objections.proposal_id',
			'objections.objector_name',
			'objections.objector_contact',
			'objections.reason',
			'objections.status',
			'objections.response',
			'objections.effect',
			'objections.answered_at',
			'objections.created_at',
			'proposals.title as proposal_title',
			'proposals.status as proposal_status',
			'users.name as answered_by_name'
		])
		.where('objections.round_id', '=', roundId)
		.orderBy('objections.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		proposalId: r.proposal_id,
		proposalTitle: r.proposal_title,
		proposalStatus: r.proposal_status,
		name: r.objector_name,
		contact: r.objector_contact,
		reason: r.reason,
		status: r.status as ObjectionStatus,
		response: r.response,
		effect: r.effect,
		answeredAt: r.answered_at,
		answeredBy: r.answered_by_name,
		createdAt: r.created_at
	}));
}

/** Answered objections for the public: the project, the outcome and the public response. */
export async function listPublicObjections(db: DB, roundId: number) {
	const rows = await db
		.selectFrom('objections')
		.innerJoin('proposals', 'proposals.id', 'objections.proposal_id')
		.select([
			'objections.id',
			'objections.status',
			'objections.response',
			'objections.effect',
			'objections.answered_at',
			'proposals.title as proposal_title'
		])
		.where('objections.round_id', '=', roundId)
		.where('objections.status', '!=', 'open')
		.orderBy('objections.id')
		.execute();
	const open = await db
		.selectFrom('objections')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('round_id', '=', roundId)
		.where('status', '=', 'open')
		.executeTakeFirstOrThrow();
	return {
		openCount: Number(open.n),
		answered: rows.map((r) => ({
			id: r.id,
			proposalTitle: r.proposal_title,
			status: r.status as ObjectionStatus,
			response: r.response ?? '',
			effect: r.effect,
			answeredAt: r.answered_at
		}))
	};
}

/**
 * Answers an objection with a public response. An upheld objection with the effect `exclude`
 * takes its project off the list, with the response as the recorded reason, and the funding
 * line is redrawn (so the next project in rank may move up).
 */
export async function answerObjection(
	db: DB,
	input: {
		roundId: number;
		objectionId: number;
		outcome: 'upheld' | 'dismissed';
		effect: ObjectionEffect;
		response: string;
		actorId: number;
	},
	now = new Date()
): Promise<Outcome<void>> {
	return db.transaction().execute(async (trx) => {
		// Locked: an answer and the list's confirmation (which counts open objections) go one at a time.
		const round: Round | undefined = await lockedRound(trx, input.roundId);
		if (!round) return refuse('review.err.noRound');
		if (!inPhase(round, NOTICE_PHASES, now)) return phaseClosed(round, now);
		if (round.results_confirmed_at) return refuse('results.err.confirmed');
		const objection = await trx
			.selectFrom('objections')
			.select(['id', 'proposal_id', 'status'])
			.where('id', '=', input.objectionId)
			.where('round_id', '=', round.id)
			.executeTakeFirst();
		if (!objection) return refuse('results.err.noObjection');
		if (objection.status !== 'open') return refuse('results.err.answered');
		const response = input.response.trim();
		if (!response) return { ok: false, errors: { response: { key: 'err.required' } } };
		const effect: ObjectionEffect = input.outcome === 'upheld' ? input.effect : 'none';
		if (effect === 'exclude') {
			const proposal = await trx
				.selectFrom('proposals')
				.select(['id', 'status'])
				.where('id', '=', objection.proposal_id)
				.executeTakeFirstOrThrow();
			if (!['eligible', 'funded', 'not_funded'].includes(proposal.status)) return refuse('review.err.notDecidable');
			await trx
				.updateTable('proposals')
				.set({ line_override: 'exclude', line_override_reason: response })
				.where('id', '=', proposal.id)
				.execute();
		}
		await trx
			.updateTable('objections')
			.set({ status: input.outcome, response, effect, answered_by: input.actorId, answered_at: now.toISOString() })
			.where('id', '=', objection.id)
			.execute();
		await audit(trx, {
			actorId: input.actorId,
			action: `objection.${input.outcome}`,
			entity: 'objection',
			entityId: objection.id,
			reason: response,
			detail: { proposalId: objection.proposal_id, effect }
		});
		await tellObjectionAnswered(trx, objection.proposal_id, input.outcome, now);
		if (effect === 'exclude') {
			await redrawAfterObjection(trx, round, { actorId: input.actorId, objectionId: objection.id, reason: response }, now);
		}
		return ok(undefined);
	});
}
