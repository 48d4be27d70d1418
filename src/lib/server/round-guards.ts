/**
 * The round's process guards: what must be decided before a step is left behind. Leaving the
 * eligibility check with proposals never checked needs the admin's explicit choice (check them
 * now, or carry them on as "not checked" with a reason); drawing the funding line while proposals
 * are short of reviews lists them and needs a reason; a round with a confirmed list closes only
 * when all its funded projects have. Each choice is kept in the audit log.
 */
import type { DB } from './db';
import type { Round } from './schema';
import { PHASES, scheduledPhase, type Phase } from '../domain/phases';
import { audit } from './audit';
import { lockedRound, overridePhase, phaseOf } from './rounds';
import { ok, refuse, refuseField, type Outcome } from './outcome';
import { ELIGIBLE_STATUSES, isFinal } from './results';
import { openProjects } from './grant-facts';

/** Submitted proposals whose eligibility was never decided (waiting for a check, or for their revision). */
export async function uncheckedProposals(db: DB, roundId: number) {
	return db
		.selectFrom('proposals')
		.select(['id', 'title', 'status'])
		.where('round_id', '=', roundId)
		.where('status', 'in', ['submitted', 'returned'])
		.orderBy('id')
		.execute();
}

/** Eligible proposals with fewer submitted reviews than the round asks for. */
export async function shortReviews(db: DB, round: Pick<Round, 'id' | 'reviewers_per_proposal'>) {
	const rows = await db
		.selectFrom('proposals')
		.leftJoin('review_assignments', (join) =>
			join.onRef('review_assignments.proposal_id', '=', 'proposals.id').on('review_assignments.status', '=', 'submitted')
		)
		.select((eb) => ['proposals.id', 'proposals.title', eb.fn.count<number>('review_assignments.id').as('done')])
		.where('proposals.round_id', '=', round.id)
		.where('proposals.status', 'in', [...ELIGIBLE_STATUSES])
		.groupBy(['proposals.id', 'proposals.title'])
		.orderBy('proposals.id')
		.execute();
	return rows
		.map((r) => ({ id: r.id, title: r.title, done: Number(r.done), wanted: round.reviewers_per_proposal }))
		.filter((r) => r.done < r.wanted);
}

const AFTER_ELIGIBILITY = PHASES.indexOf('eligibility');

/**
 * Moves the round to `phase` (null: back to its schedule), with the eligibility guard: a move
 * past the check while proposals are unchecked is refused unless the admin carries them on as
 * "not checked" with a reason (recorded beside the phase move).
 */
export async function movePhase(
	db: DB,
	input: { round: Round; phase: Phase | null; actorId: number; reason: string; carryUnchecked: boolean; carryReason: string | null },
	now = new Date()
): Promise<Outcome<void>> {
	return db.transaction().execute(async (trx) => {
		const round = (await lockedRound(trx, input.round.id))!;
		const from = PHASES.indexOf(phaseOf(round, now));
		const to = PHASES.indexOf(input.phase ?? scheduledPhase(round, now));
		if (from <= AFTER_ELIGIBILITY && to > AFTER_ELIGIBILITY) {
			const unchecked = await uncheckedProposals(trx, round.id);
			if (unchecked.length > 0) {
				if (!input.carryUnchecked) return refuse('guard.unchecked.refused', { count: unchecked.length });
				const reason = input.carryReason?.trim();
				if (!reason) return refuseField('carryReason', 'err.required');
				await audit(trx, {
					actorId: input.actorId,
					action: 'round.carry_unchecked',
					entity: 'round',
					entityId: round.id,
					reason,
					detail: { proposalIds: unchecked.map((p) => p.id) }
				});
			}
		}
		if (input.phase === 'closed' && isFinal(round)) {
			const open = await openProjects(trx, round.id);
			if (open.length > 0) return refuse('grants.err.roundOpenProjects', { count: open.length }, 409);
		}
		await overridePhase(trx, round, input.phase, input.actorId, input.reason, now);
		return ok();
	});
}
