import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TIE_RULES, TIE_RULE_TEXT, compareForRank, drawFundingLine, tieRuleName, walkOrder, type LineCandidate, type LineRules } from './funding-line';

const rules = (over: Partial<LineRules> = {}): LineRules => ({
	poolFen: 10_000_000,
	tieRule: 'lower_request',
	minScore: null,
	districtCapsFen: {},
	...over
});

function candidate(id: number, score: number | null, requestedFen: number, over: Partial<LineCandidate> = {}): LineCandidate {
	return { id, eligible: true, requestedFen, score, district: '海珠区', submittedAt: null, ...over };
}

const reasons = (line: ReturnType<typeof drawFundingLine>) =>
	Object.fromEntries(line.decisions.map((d) => [d.id, d.reason]));

describe('drawFundingLine', () => {
	it('funds in rank order while the pool lasts, skipping one that no longer fits', () => {
		const line = drawFundingLine(
			[candidate(1, 90, 5_000_000), candidate(2, 85, 4_000_000), candidate(3, 80, 3_000_000), candidate(4, 70, 1_000_000)],
			rules()
		);
		expect(reasons(line)).toEqual({ 1: 'funded', 2: 'funded', 3: 'pool_exhausted', 4: 'funded' });
		expect(line.decisions.map((d) => d.rank)).toEqual([1, 2, 3, 4]);
		expect(line.totals).toEqual({ poolFen: 10_000_000, awardedFen: 10_000_000, leftFen: 0, fundedCount: 3 });
	});

	it('gives every proposal its reason: ineligible, no score, below the line, district cap, overrides', () => {
		const line = drawFundingLine(
			[
				candidate(1, 95, 3_000_000, { district: '越秀区' }),
				candidate(2, 94, 3_000_000, { district: '越秀区' }),
				candidate(3, 93, 1_000_000, { eligible: false }),
				candidate(4, 50, 1_000_000),
				candidate(5, null, 1_000_000),
				candidate(6, 99, 1_000_000, { override: { kind: 'exclude', reason: '异议成立：重复申报' } }),
				candidate(7, 40, 2_000_000, { override: { kind: 'fund', reason: '唯一覆盖从化区的项目' } })
			],
			rules({ minScore: 60, districtCapsFen: { 越秀区: 4_000_000 } })
		);
		expect(reasons(line)).toEqual({
			1: 'funded',
			2: 'district_cap',
			3: 'ineligible',
			4: 'below_line',
			5: 'no_score',
			6: 'override_exclude',
			7: 'override_fund'
		});
		expect(line.decisions.find((d) => d.id === 6)?.rank).toBeNull();
		expect(line.byDistrictFen).toEqual({ 越秀区: 3_000_000, 海珠区: 2_000_000 });
	});

	it('awards a reduced amount when an admin set one below the request', () => {
		const line = drawFundingLine(
			[candidate(1, 90, 6_000_000, { reducedAwardFen: 5_000_000 }), candidate(2, 80, 5_000_000)],
			rules()
		);
		expect(line.decisions.map((d) => [d.id, d.awardFen])).toEqual([
			[1, 5_000_000],
			[2, 5_000_000]
		]);
		// A "reduction" above the request is ignored: the award never exceeds the request.
		const above = drawFundingLine([candidate(1, 90, 1_000_000, { reducedAwardFen: 9_000_000 })], rules());
		expect(above.decisions[0].awardFen).toBe(1_000_000);
	});

	it('breaks ties by the stated rule, then by proposal number', () => {
		const tied = [
			candidate(1, 80, 3_000_000, { submittedAt: '2026-03-02T00:00:00.000Z' }),
			candidate(2, 80.001, 2_000_000, { submittedAt: '2026-03-03T00:00:00.000Z' }),
			candidate(3, 80, 2_000_000, { submittedAt: '2026-03-01T00:00:00.000Z' })
		];
		// 80.001 is 80.00 at two decimals: a three-way tie.
		expect(drawFundingLine(tied, rules()).decisions.map((d) => d.id)).toEqual([2, 3, 1]);
		expect(drawFundingLine(tied, rules({ tieRule: 'earlier_submission' })).decisions.map((d) => d.id)).toEqual([3, 1, 2]);
	});

	it('names the tie rules for what they compare; the stored `lower_request` compares the amount awarded', () => {
		expect(TIE_RULES.map(tieRuleName)).toEqual(['smaller_amount', 'earlier_submission']);
		// Equal scores: 1 asks for more but was reduced below 2's request, so it comes first under
		// both names of the rule (older rounds stored `lower_request` and rank as they did).
		const tied = [candidate(1, 80, 3_000_000, { reducedAwardFen: 1_000_000 }), candidate(2, 80, 2_000_000)];
		expect(drawFundingLine(tied, rules({ tieRule: 'lower_request' })).decisions.map((d) => d.id)).toEqual([1, 2]);
		expect([...tied].reverse().sort(compareForRank('smaller_amount')).map((c) => c.id)).toEqual([1, 2]);
		expect(TIE_RULE_TEXT.smaller_amount.en).toContain('reduced award');
	});

	it('walks the grey zone in the lottery’s order, keeping the score ranks', () => {
		// 2, 3 and 4 are the grey zone; the pool funds 1 and one more of them.
		const cs = [candidate(1, 90, 4_000_000), candidate(2, 80, 3_000_000), candidate(3, 79.9, 3_000_000), candidate(4, 79.8, 3_000_000), candidate(5, 60, 1_000_000)];
		const pool = rules({ poolFen: 8_000_000 });
		expect(reasons(drawFundingLine(cs, pool))).toEqual({ 1: 'funded', 2: 'funded', 3: 'pool_exhausted', 4: 'pool_exhausted', 5: 'funded' });
		const line = drawFundingLine(cs, { ...pool, lotteryOrder: [4, 2, 3] });
		expect(reasons(line)).toEqual({ 1: 'funded', 2: 'pool_exhausted', 3: 'pool_exhausted', 4: 'funded', 5: 'funded' });
		expect(line.decisions.map((d) => [d.id, d.rank])).toEqual([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]);
		// Ids that are not in the ranking are ignored; the rest of the ranking keeps its order.
		expect(walkOrder([{ id: 1 }, { id: 2 }, { id: 3 }], [3, 9, 1]).map((c) => c.id)).toEqual([3, 2, 1]);
	});

	it('never awards more than the pool, never funds the ineligible, whatever the input', () => {
		const arb = fc.array(
			fc.record({
				score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
				requestedFen: fc.integer({ min: 1, max: 5_000_000 }),
				eligible: fc.boolean(),
				district: fc.constantFrom('越秀区', '海珠区', '天河区'),
				override: fc.option(
					fc.record({ kind: fc.constantFrom('fund' as const, 'exclude' as const), reason: fc.constant('理由') }),
					{ nil: null }
				)
			}),
			{ maxLength: 40 }
		);
		fc.assert(
			fc.property(arb, fc.integer({ min: 0, max: 50_000_000 }), (rows, pool) => {
				const cs = rows.map((r, i) => ({ ...r, id: i + 1, submittedAt: null }));
				const line = drawFundingLine(cs, rules({ poolFen: pool, districtCapsFen: { 天河区: 3_000_000 } }));
				const funded = line.decisions.filter((d) => d.funded);
				const sum = funded.reduce((s, d) => s + (d.awardFen ?? 0), 0);
				expect(sum).toBeLessThanOrEqual(pool);
				expect(line.totals.awardedFen).toBe(sum);
				expect(line.decisions).toHaveLength(cs.length);
				for (const d of funded) expect(cs[d.id - 1].eligible).toBe(true);
				const tianhe = funded.filter((d) => cs[d.id - 1].district === '天河区' && d.reason === 'funded');
				expect(tianhe.reduce((s, d) => s + (d.awardFen ?? 0), 0)).toBeLessThanOrEqual(3_000_000);
			})
		);
	});

	it('handles an empty round and a zero pool', () => {
		expect(drawFundingLine([], rules()).totals).toEqual({ poolFen: 10_000_000, awardedFen: 0, leftFen: 10_000_000, fundedCount: 0 });
		expect(reasons(drawFundingLine([candidate(1, 90, 1)], rules({ poolFen: 0 })))).toEqual({ 1: 'pool_exhausted' });
	});
});
