import { expect } from 'vitest';
import { makeOrganisation, makeProposal, makeRound, makeUser } from './db';
import type { DB } from '../../src/lib/server/db';
import { recordAgreement } from '../../src/lib/server/grants';
import { todayIn } from '../../src/lib/server/grant-views';

export const AWARD = 5_000_000;

/** A signed project of ¥50,000 with two budget lines and one planned activity. */
export async function signedProject(db: DB) {
	const round = await makeRound(db, 'implementation');
	const org = await makeOrganisation(db);
	const admin = await makeUser(db, 'admin');
	const station = await makeUser(db, 'station', org);
	const id = await makeProposal(db, round.id, org, 'funded', AWARD);
	await db.updateTable('proposals').set({ award_fen: AWARD, funding_reason: 'funded', funding_rank: 1 }).where('id', '=', id).execute();
	await db
		.insertInto('budget_lines')
		.values([
			{ proposal_id: id, position: 0, category: 'activities', item: '活动材料', unit: '套', quantity: 10, unit_price_fen: 300_000 },
			{ proposal_id: id, position: 1, category: 'activities', item: '场地', unit: '次', quantity: 10, unit_price_fen: 200_000 }
		])
		.execute();
	await db.insertInto('proposal_activities').values({ proposal_id: id, position: 0, name: '四点半课堂', start_month: '2026-03', end_month: '2026-12' }).execute();
	const at = new Date(Date.now() - 86_400_000).toISOString();
	await db.updateTable('rounds').set({ results_confirmed_at: at, results_published_at: at }).where('id', '=', round.id).execute();
	const today = todayIn(round.time_zone);
	const signed = await recordAgreement(db, { proposalId: id, roundId: round.id, actorId: admin.id, number: 'HZ-1', signedOn: today, payeeAccountName: '站', amountsFen: null, planReason: null });
	expect(signed.ok).toBe(true);
	return { round, org, admin, station, id, today };
}

