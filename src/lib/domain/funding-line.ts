/**
 * The funding line (资助线): who is funded from a round's pool, and why each proposal was or was
 * not. Pure, so that the published decision record can be recomputed by anyone with the same
 * function (or a reimplementation of the rules stated below).
 *
 * Rules, in order:
 * 1. A proposal that is not eligible is never funded (reason `ineligible`, or `not_checked` when
 *    its eligibility was never decided: it did not fail the check, it was not checked).
 * 2. An admin's override wins over the rank, each with a reason: `exclude` takes a proposal off
 *    the list; `fund` funds it ahead of the ranked walk (it skips the minimum score and the
 *    district cap, never the pool).
 * 3. The rest are ranked by score, highest first; equal scores by the round's tie rule, then by
 *    proposal number. A proposal without a score is ranked after every scored one and not funded.
 * 4. Walking down the ranks, a proposal below the minimum score is `below_line`; one whose amount
 *    would pass its district's cap is `district_cap`; one that no longer fits in what is left of
 *    the pool is `pool_exhausted` (and a smaller one further down may still fit); else `funded`.
 *    With a partial lottery, the grey zone's places in this walk are taken in the drawn order.
 * The amount is the request, or the admin's smaller award when one is set (with its reason).
 */

import { fromHundredths, toHundredths } from './rounding';

/**
 * The tie rules as rounds store them. `lower_request` is the stored value (older rounds keep it
 * and read as before); what it compares is the amount the line would award (a reduced award when
 * an admin set one, else the request), so the rule's name, in the record and in words, is
 * `smaller_amount`.
 */
export const TIE_RULES = ['lower_request', 'earlier_submission'] as const;
export type TieRule = (typeof TIE_RULES)[number];
/** The tie rules named for what they compare. */
export const TIE_RULE_NAMES = ['smaller_amount', 'earlier_submission'] as const;
export type TieRuleName = (typeof TIE_RULE_NAMES)[number];

export function tieRuleName(rule: TieRule | TieRuleName): TieRuleName {
	return rule === 'lower_request' ? 'smaller_amount' : rule;
}

/** Each tie rule in words, for the decision record. */
export const TIE_RULE_TEXT: Record<TieRuleName, { zh: string; en: string }> = {
	smaller_amount: {
		zh: '同分时，拟资助金额（有核减的按核减后金额，否则按申请金额）较少者优先，再按编号从小到大。',
		en: 'Equal scores: the smaller amount the line would award (the reduced award when one is set, else the request) first, then the smaller proposal number.'
	},
	earlier_submission: {
		zh: '同分时，提交时间较早者优先（无提交时间者最后），再按编号从小到大。',
		en: 'Equal scores: the earlier submission first (none last), then the smaller proposal number.'
	}
};

export const LINE_REASONS = [
	'funded',
	'override_fund',
	'below_line',
	'pool_exhausted',
	'district_cap',
	'ineligible',
	'override_exclude',
	'no_score',
	'not_checked'
] as const;
export type LineReason = (typeof LINE_REASONS)[number];

/** Scores are compared at this many decimals, so that float noise never decides a tie. */
export const SCORE_DECIMALS = 2;

/**
 * A score at two decimals by the stated rule (`SCORE_ROUNDING`): half away from zero after
 * reading the float at six decimals, so 1.005 and 80.005 both round up. A figure that already has
 * two decimals is returned unchanged, which keeps confirmed rounds (their scores were stored at
 * two decimals) ranked exactly as published.
 */
export function roundScore(score: number | null): number | null {
	if (score === null || !Number.isFinite(score)) return null;
	return fromHundredths(toHundredths(score));
}

export interface LineOverride {
	kind: 'fund' | 'exclude';
	reason: string;
}

export interface LineCandidate {
	id: number;
	eligible: boolean;
	/** False for a proposal whose eligibility was never decided (absent: decided). */
	checked?: boolean;
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
	/**
	 * A partial lottery (see lottery.ts): the grey zone's proposals in the order the draw gave
	 * them. Their places in the ranking are walked in this order instead of by score; their ranks
	 * stay the score ranks. Absent: no lottery.
	 */
	lotteryOrder?: readonly number[];
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
export function compareForRank(tieRule: TieRule | TieRuleName) {
	return (a: LineCandidate, b: LineCandidate): number => {
		const sa = roundScore(a.score);
		const sb = roundScore(b.score);
		if (sa !== sb) {
			if (sa === null) return 1;
			if (sb === null) return -1;
			return sb - sa;
		}
		const d = TIE_COMPARE[tieRuleName(tieRule)](a, b);
		return d !== 0 ? d : a.id - b.id;
	};
}

const TIE_COMPARE: Record<TieRuleName, (a: LineCandidate, b: LineCandidate) => number> = {
	smaller_amount: (a, b) => amountOf(a) - amountOf(b),
	earlier_submission: (a, b) => {
		const ta = a.submittedAt ? Date.parse(a.submittedAt) : Infinity;
		const tb = b.submittedAt ? Date.parse(b.submittedAt) : Infinity;
		return ta === tb ? 0 : ta < tb ? -1 : 1;
	}
};

/**
 * The order the line walks the ranking: by rank, except that the places held by the lottery's
 * proposals are taken by them in the drawn order.
 */
export function walkOrder<T extends { id: number }>(ranked: readonly T[], lotteryOrder?: readonly number[]): T[] {
	if (!lotteryOrder?.length) return [...ranked];
	const byId = new Map(ranked.map((c) => [c.id, c]));
	const drawn = [...new Set(lotteryOrder)].filter((id) => byId.has(id));
	const inDraw = new Set(drawn);
	let next = 0;
	return ranked.map((c) => (inDraw.has(c.id) ? byId.get(drawn[next++])! : c));
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
		if (!c.eligible) {
			const reason = c.checked === false ? 'not_checked' : 'ineligible';
			out.set(c.id, { id: c.id, rank: null, funded: false, awardFen: null, reason, amountFen: amountOf(c) });
		}
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
	for (const c of walkOrder(ranked, rules.lotteryOrder)) {
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
