import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound } from '../../../../tests/helpers/db';
import { budgetProblems, budgetTotals } from '../../domain/budget';
import { getProposalContent, proposalHistory } from '../proposals';
import { roundRules } from '../proposal-rules';
import { sampleBudget, seedProposalDetails } from './proposals';

describe('seedProposalDetails', () => {
	it('gives demo proposals a budget that totals their amount and meets the default rules', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'review');
		const org = await makeOrganisation(db);
		const ids = [await makeProposal(db, round.id, org, 'eligible', 3_333_333), await makeProposal(db, round.id, org, 'draft', 500_000)];
		expect(await seedProposalDetails(db, ids)).toBe(2);
		expect(await seedProposalDetails(db, ids)).toBe(0);
		for (const id of ids) {
			const content = (await getProposalContent(db, id))!;
			const requested = (await db.selectFrom('proposals').select('requested_fen').where('id', '=', id).executeTakeFirstOrThrow()).requested_fen;
			expect(budgetTotals(content.lines, content, 0).grantFen).toBe(requested);
			expect(budgetProblems(content.lines, content, roundRules(round))).toEqual([]);
			expect(content.activities).toHaveLength(3);
		}
		expect(await proposalHistory(db, ids[0])).toHaveLength(1);
		expect(await proposalHistory(db, ids[1])).toHaveLength(0);
	});

	it('splits any amount exactly', () => {
		for (const grant of [500_000, 3_333_333, 5_000_000, 1_234_567]) {
			expect(sampleBudget(grant).reduce((s, l) => s + l.unitPriceFen * l.quantity, 0)).toBe(grant);
		}
	});
});
