import type { DB } from './db';
import { ok, refuse, type Outcome } from './outcome';
import type { Round } from './schema';

/**
 * Who runs a round. A federation admin (role 'admin') runs and supervises every round; a fund
 * admin (role 'fund_admin') runs only the rounds its fund holds (rounds.fund_id = users.fund_id),
 * and a federation round (fund_id null) is never a fund admin's. A fund admin passes no check
 * written for 'admin' (requireRole(event, 'admin')): the federation's pages stay the federation's.
 */
export interface RoundRunner {
	role: string;
	fundId?: number | null;
	organisationId?: number | null;
}

export function runsRound(user: RoundRunner, round: Pick<Round, 'fund_id'>): boolean {
	if (user.role === 'admin') return true;
	return user.role === 'fund_admin' && user.fundId != null && round.fund_id === user.fundId;
}

/** The statuses of a proposal still in the running: what a fund admin may not decide on for itself. */
const LIVE = ['submitted', 'returned', 'eligible', 'ineligible', 'funded', 'not_funded'] as const;

/**
 * A fund admin deciding on its own station's proposal: refused, a federation admin decides it.
 * The fund admin's account names the station that operates the fund (users.organisation_id);
 * `organisationId` is the proposal's organisation.
 */
export function ownProposalRefusal(user: RoundRunner, organisationId: number): Outcome<void> {
	if (user.role === 'fund_admin' && user.organisationId != null && user.organisationId === organisationId) {
		return refuse('fundAdmin.err.ownProposal', undefined, 409);
	}
	return ok();
}

/**
 * The funding line of a round where the fund admin's own station applies: drawn, changed,
 * published and confirmed by a federation admin only (the line decides the station's proposal too).
 */
export async function ownLineRefusal(db: DB, user: RoundRunner, roundId: number): Promise<Outcome<void>> {
	if (user.role !== 'fund_admin' || user.organisationId == null) return ok();
	const own = await db
		.selectFrom('proposals')
		.select('id')
		.where('round_id', '=', roundId)
		.where('organisation_id', '=', user.organisationId)
		.where('status', 'in', LIVE)
		.executeTakeFirst();
	return own ? refuse('fundAdmin.err.ownLine', undefined, 409) : ok();
}

/** The rounds a round admin may open in the list: all for the federation, its fund's for a fund admin. */
export async function roundsRunBy(db: DB, user: RoundRunner): Promise<Round[]> {
	let query = db.selectFrom('rounds').selectAll().orderBy('year', 'desc').orderBy('id', 'desc');
	if (user.role !== 'admin') query = query.where('fund_id', '=', user.fundId ?? -1);
	return query.execute();
}

/** Records which fund's admins run a round (in the transaction that creates it). */
export async function setRoundFund(trx: DB, roundId: number, fundId: number): Promise<void> {
	await trx.updateTable('rounds').set({ fund_id: fundId }).where('id', '=', roundId).execute();
}
