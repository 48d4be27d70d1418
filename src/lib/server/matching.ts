/**
 * Matching realised: memo entries beside the money (see domain/matching.ts). A project's pledge
 * is written when its agreement is signed, from its proposal's matching cash and volunteer hours;
 * what it delivered when its final report is accepted, from the report. Each at the round's
 * volunteer-hour rate of that moment, once per project and kind, never changed (the database
 * refuses UPDATE and DELETE). They live in their own table, so no balance can count them.
 */
import type { DB } from './db';
import { matchingTotals, matchingValueFen, type MatchingAmounts, type MatchingKind } from '../domain/matching';

interface MemoInput {
	kind: MatchingKind;
	roundId: number;
	proposalId: number;
	cashFen: number;
	volunteerHours: number;
	occurredOn: string;
	actorId: number | null;
}

/** Appends a memo in the writer's transaction, valued at the round's rate now; a second of a kind is ignored. */
async function appendMemo(trx: DB, input: MemoInput, now: Date): Promise<void> {
	const round = await trx.selectFrom('rounds').select('volunteer_hour_fen').where('id', '=', input.roundId).executeTakeFirstOrThrow();
	const rate = Number(round.volunteer_hour_fen);
	await trx
		.insertInto('matching_memos')
		.values({
			kind: input.kind,
			round_id: input.roundId,
			proposal_id: input.proposalId,
			cash_fen: input.cashFen,
			volunteer_hours: input.volunteerHours,
			hour_rate_fen: rate,
			value_fen: matchingValueFen(input.cashFen, input.volunteerHours, rate),
			occurred_on: input.occurredOn,
			actor_id: input.actorId,
			created_at: now.toISOString()
		})
		.onConflict((oc) => oc.columns(['proposal_id', 'kind']).doNothing())
		.execute();
}

/** The proposal's pledge, at its agreement's signing. */
export async function pledgeMatching(trx: DB, input: { roundId: number; proposalId: number; signedOn: string; actorId: number }, now: Date): Promise<void> {
	const p = await trx.selectFrom('proposals').select(['matching_cash_fen', 'volunteer_hours']).where('id', '=', input.proposalId).executeTakeFirstOrThrow();
	await appendMemo(
		trx,
		{ kind: 'pledged', roundId: input.roundId, proposalId: input.proposalId, cashFen: Number(p.matching_cash_fen), volunteerHours: Number(p.volunteer_hours), occurredOn: input.signedOn, actorId: input.actorId },
		now
	);
}

/** What the accepted final report says was delivered. */
export async function deliverMatching(
	trx: DB,
	input: { roundId: number; proposalId: number; cashFen: number; volunteerHours: number; acceptedOn: string; actorId: number },
	now: Date
): Promise<void> {
	await appendMemo(
		trx,
		{ kind: 'delivered', roundId: input.roundId, proposalId: input.proposalId, cashFen: input.cashFen, volunteerHours: input.volunteerHours, occurredOn: input.acceptedOn, actorId: input.actorId },
		now
	);
}

export interface PublicMatchingMemo extends MatchingAmounts {
	id: number;
	date: string;
	kind: MatchingKind;
	projectId: number;
	hourRateFen: number;
}

export interface RoundMatching {
	/** Memo entries: no fen moves, no balance or total of the ledger counts them. */
	memo: true;
	pledged: MatchingAmounts;
	delivered: MatchingAmounts;
	entries: PublicMatchingMemo[];
}

/** A round's matching memos, oldest first, with pledged and delivered totals. */
export async function roundMatching(db: DB, roundId: number): Promise<RoundMatching> {
	const rows = await db.selectFrom('matching_memos').selectAll().where('round_id', '=', roundId).orderBy('id').execute();
	const entries = rows.map((r) => ({
		id: r.id,
		date: r.occurred_on,
		kind: r.kind,
		projectId: r.proposal_id,
		cashFen: Number(r.cash_fen),
		volunteerHours: Number(r.volunteer_hours),
		hourRateFen: Number(r.hour_rate_fen),
		valueFen: Number(r.value_fen)
	}));
	return { memo: true, ...matchingTotals(entries), entries };
}
