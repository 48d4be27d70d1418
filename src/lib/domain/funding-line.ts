/**
 * The funding line (资助线): who is funded from a round's pool, and why each proposal was or was
 * not. Pure, so that the published decision record can be recomputed by anyone with the same
 * function (or a reimplementation of the rules stated below).
 *
 * Rules, in order:
 * 1. A proposal that is not eligible is never funded (reason `ineligible`).
 * 2. An admin's override wins over the rank, each with a reason: `exclude` takes a proposal off
 *    the list; `fund` funds it ahead of the ranked walk (it skips the minimum score and the
 *    district cap, never the pool).
 * 3. The rest are ranked by score, highest first; equal scores by the round's tie rule, then by
 *    proposal number. A proposal without a score is ranked after every scored one and not funded.
 * 4. Walking down the ranks, a proposal below the minimum score is `below_line`; one whose amount
 *    would pass its district's cap is `district_cap`; one that no longer fits in what is left of
 *    the pool is `pool_exhausted` (and a smaller one further down may still fit); else `funded`.
 * The amount is the request, or the admin's smaller award when one is set (with its reason).
 */

export const TIE_RULES = ['lower_request', 'earlier_submission'] as const;
export type TieRule = (typeof TIE_RULES)[number];

export const LINE_REASONS = [
	'funded',
	'override_fund',
	'below_line',
	'pool_exhausted',
	'district_cap',
	'ineligible',
	'override_exclude',
	'no_score'
] as const;
export type LineReason = (typeof LINE_REASONS)[number];

/** Scores are compared at this many decimals, so that float noise never decides a tie. */
export const SCORE_DECIMALS = 2;

export function roundScore(score: number | null): number | null {
	if (score === null || !Number.isFinite(score)) return null;
	const f = 10 ** SCORE_DECIMALS;
	return Math.round(score * f) / f;
}

export interface LineOverride {
	kind: 'fund' | 'exclude';
	reason: string;
}

export interface LineCandidate {
	id: number;
	eligible: boolean;
	requestedFen: number;
	/** The ranking score (0–100), or null without reviews. */
	score: number | null;
	district: string;
	/** ISO instant; only read by the `earlier_submission` tie rule. */
	submittedAt: string | null;
	/** An award smaller than the request, set by an admin with a reason. */
	reducedAwardFen?: number | null;
	override?: LineOverride | null;
}

export interface LineRules {
	poolFen: number;
	tieRule: TieRule;
	/** Proposals scoring below this are below the line; null for no minimum. */
	minScore: number | null;
	/** The most a district's proposals may receive in total, in fen, for the districts capped. */
	districtCapsFen: Record<string, number>;
}

export interface LineDecision {
	id: number;
	/** Position in the ranking (1 = best), or null for proposals outside it (ineligible, excluded). */
	rank: number | null;
	funded: boolean;
	awardFen: number | null;
	reason: LineReason;
	/** What the line tried to award: the request or the admin's reduced award. */
	amountFen: number;
}

export interface FundingLine {
	decisions: LineDecision[];
	totals: { poolFen: number; awardedFen: number; leftFen: number; fundedCount: number };
	/** Fen awarded per district, for the district caps. */
	byDistrictFen: Record<string, number>;
}

function amountOf(c: LineCandidate): number {
	const reduced = c.reducedAwardFen;
	return reduced !== null && reduced !== undefined && reduced > 0 && reduced < c.requestedFen
		? reduced
		: c.requestedFen;
}

/** The ranking order: score high to low, then the tie rule, then the proposal number. */
export function compareForRank(tieRule: TieRule) {
	return (a: LineCandidate, b: LineCandidate): number => {
		const sa = roundScore(a.score);
		const sb = roundScore(b.score);
		if (sa !== sb) {
			if (sa === null) return 1;
			if (sb === null) return -1;
			return sb - sa;
		}
		if (tieRule === 'lower_request') {
			const d = amountOf(a) - amountOf(b);
			if (d !== 0) return d;
		} else {
			const ta = a.submittedAt ? Date.parse(a.submittedAt) : Infinity;
			const tb = b.submittedAt ? Date.parse(b.submittedAt) : Infinity;
			if (ta !== tb) return ta < tb ? -1 : 1;
		}
		return a.id - b.id;
	};
}

export function drawFundingLine(candidates: readonly LineCandidate[], rules: LineRules): FundingLine {
	const out = new Map<number, LineDecision>();
	let left = rules.poolFen;
	const byDistrict: Record<string, number> = {};
	const award = (c: LineCandidate, amount: number) => {
		left -= amount;
		byDistrict[c.district] = (byDistrict[c.district] ?? 0) + amount;
	};

	const ranked = candidates
		.filter((c) => c.eligible && c.override?.kind !== 'exclude')
		.sort(compareForRank(rules.tieRule));
	const rankOf = new Map(ranked.map((c, i) => [c.id, i + 1]));

	for (const c of candidates) {
		if (!c.eligible) out.set(c.id, { id: c.id, rank: null, funded: false, awardFen: null, reason: 'ineligible', amountFen: amountOf(c) });
		else if (c.override?.kind === 'exclude') {
			out.set(c.id, { id: c.id, rank: null, funded: false, awardFen: null, reason: 'override_exclude', amountFen: amountOf(c) });
		}
	}
	// Overrides that fund come first, in rank order, so that they are never squeezed out by the walk.
	for (const c of ranked.filter((c) => c.override?.kind === 'fund')) {
		const amount = amountOf(c);
		const fits = amount <= left;
		if (fits) award(c, amount);
		out.set(c.id, {
			id: c.id,
			rank: rankOf.get(c.id) ?? null,
			funded: fits,
			awardFen: fits ? amount : null,
			reason: fits ? 'override_fund' : 'pool_exhausted',
			amountFen: amount
		});
	}
	for (const c of ranked) {
		if (out.has(c.id)) continue;
		const amount = amountOf(c);
		const score = roundScore(c.score);
		const cap = Object.hasOwn(rules.districtCapsFen, c.district) ? rules.districtCapsFen[c.district] : undefined;
		let reason: LineReason;
		if (score === null) reason = 'no_score';
		else if (rules.minScore !== null && score < rules.minScore) reason = 'below_line';
		else if (cap !== undefined && (byDistrict[c.district] ?? 0) + amount > cap) reason = 'district_cap';
		else if (amount > left) reason = 'pool_exhausted';
		else reason = 'funded';
		if (reason === 'funded') award(c, amount);
		out.set(c.id, {
			id: c.id,
			rank: rankOf.get(c.id) ?? null,
			funded: reason === 'funded',
			awardFen: reason === 'funded' ? amount : null,
			reason,
			amountFen: amount
		});
	}

	const decisions = [...out.values()].sort(
		(a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.id - b.id
	);
	const awardedFen = rules.poolFen - left;
	return {
		decisions,
		totals: {
			poolFen: rules.poolFen,
			awardedFen,
			leftFen: left,
			fundedCount: decisions.filter((d) => d.funded).length
		},
		byDistrictFen: byDistrict
	};
}
