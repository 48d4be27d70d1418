/**
 * The grey zone at the funding line: the proposals whose scores the reviews cannot tell apart
 * from a proposal on the other side of the line.
 *
 * Two proposals are indistinguishable when their score difference is within z standard errors
 * of the difference: (s₁ − s₂)² ≤ z² (se₁² + se₂²). The grey zone is every funded proposal
 * indistinguishable from some unfunded one and every unfunded proposal indistinguishable from
 * some funded one, closed over the ranking (everything ranked between two of them is in it too),
 * so that a lottery over it reorders one unbroken stretch of the ranking.
 *
 * Everything is in integer hundredths and the test is done in integers, so a recompute from the
 * record gives the same zone to the last proposal.
 */
import { INTERVAL_Z_HUNDREDTHS } from './ranking';

export interface LineScore {
	id: number;
	/** Ranking score in hundredths. */
	score: number;
	/** Standard error in hundredths; null counts as 0 (no measured uncertainty). */
	se: number | null;
	/** Whether the line funds it. */
	funded: boolean;
}

export interface GreyZone {
	/** The zone's proposals in rank order; empty when the line separates every pair clearly. */
	ids: number[];
	/** Ranks (1-based positions in the rows given) of the zone's first and last proposal. */
	fromRank: number | null;
	toRank: number | null;
	/** How many funded–unfunded pairs are indistinguishable. */
	pairs: number;
	zHundredths: number;
}

export function indistinguishable(a: LineScore, b: LineScore, zHundredths = INTERVAL_Z_HUNDREDTHS): boolean {
	const d = a.score - b.score;
	const variance = (a.se ?? 0) ** 2 + (b.se ?? 0) ** 2;
	// d² ≤ (z/100)² · variance, multiplied through by 100² to stay in integers.
	return d * d * 10_000 <= zHundredths * zHundredths * variance;
}

/**
 * `rows` are the proposals the score walk decided, in rank order: funded, or passed over because
 * the pool ran out. Leave out those decided otherwise (ineligible, overrides, below the minimum
 * score, district cap): the lottery cannot change their outcome.
 */
export function greyZone(rows: readonly LineScore[], zHundredths = INTERVAL_Z_HUNDREDTHS): GreyZone {
	const funded = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.funded);
	const unfunded = rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.funded);
	let first = Infinity;
	let last = -Infinity;
	let pairs = 0;
	for (const f of funded) {
		for (const u of unfunded) {
			if (!indistinguishable(f.r, u.r, zHundredths)) continue;
			pairs++;
			first = Math.min(first, f.i, u.i);
			last = Math.max(last, f.i, u.i);
		}
	}
	if (pairs === 0) return { ids: [], fromRank: null, toRank: null, pairs, zHundredths };
	return { ids: rows.slice(first, last + 1).map((r) => r.id), fromRank: first + 1, toRank: last + 1, pairs, zHundredths };
}
