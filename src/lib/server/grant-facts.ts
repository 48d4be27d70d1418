import type { DB } from './db';
import { paidByProject } from './ledger';
import { proposalStage, type GrantFacts, type ProposalStage, type RecordStatus, type RoundDecisionState } from '../domain/status';

/**
 * What the grant records say of each project (its agreement signed, paid net of reversals, its
 * closing), for the one status model: every list that shows a funded project's stage reads these
 * in three queries, whatever its length. Projects with no agreement yet are absent.
 */
export async function grantFactsOf(db: DB, proposalIds: readonly number[]): Promise<Map<number, GrantFacts>> {
	const facts = new Map<number, GrantFacts>();
	const ids = [...new Set(proposalIds)];
	if (ids.length === 0) return facts;
	const agreements = await db.selectFrom('agreements').select(['proposal_id', 'signed_on']).where('proposal_id', 'in', ids).execute();
	if (agreements.length === 0) return facts;
	const signed = agreements.map((a) => a.proposal_id);
	const closings = await db.selectFrom('project_closings').select(['proposal_id', 'outcome']).where('proposal_id', 'in', signed).execute();
	const closingOf = new Map(closings.map((c) => [c.proposal_id, c.outcome]));
	const paid = await paidByProject(db, signed);
	for (const a of agreements) {
		const outcome = closingOf.get(a.proposal_id);
		facts.set(a.proposal_id, { signedOn: a.signed_on, paidFen: paid.get(a.proposal_id) ?? 0, closing: outcome ? { outcome } : null });
	}
	return facts;
}

/** The funded proposals among the rows: only they have grant facts. */
export const fundedIds = (rows: readonly { id: number; status: string }[]) => rows.filter((r) => r.status === 'funded').map((r) => r.id);

/** One project's grant facts, or null before its agreement. */
export async function grantFactsFor(db: DB, proposalId: number): Promise<GrantFacts | null> {
	return (await grantFactsOf(db, [proposalId])).get(proposalId) ?? null;
}

/** Each proposal with its stage now (the one status model, funded ones from their grant facts). */
export async function withStagesNow<T extends { id: number; status: RecordStatus }>(
	db: DB,
	rows: readonly T[],
	state: RoundDecisionState
): Promise<(T & { stage: ProposalStage })[]> {
	const facts = await grantFactsOf(db, fundedIds(rows));
	return rows.map((r) => ({ ...r, stage: proposalStage(r.status, state, facts.get(r.id) ?? null) }));
}

/** One proposal's stage now. */
export async function stageNow(db: DB, proposal: { id: number; status: RecordStatus }, state: RoundDecisionState): Promise<ProposalStage> {
	return (await withStagesNow(db, [proposal], state))[0].stage;
}

/**
 * The funded projects of a round not closed yet (completed or terminated): a round closes only
 * when all its projects have.
 */
export async function openProjects(db: DB, roundId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('proposals')
		.select('id')
		.where('round_id', '=', roundId)
		.where('status', '=', 'funded')
		.where((eb) => eb.not(eb.exists(eb.selectFrom('project_closings').select('proposal_id').whereRef('project_closings.proposal_id', '=', 'proposals.id'))))
		.orderBy('id')
		.execute();
	return rows.map((r) => r.id);
}
