/**
 * Decision record format 2 recomputed from the record alone, written again from the rules the
 * record states, sharing no code with the app: review totals from the rubric, every ranking basis
 * (the additive model by backfitting rather than the app's closed-form solve), and the funding
 * line (with the lottery's drawn order). Anyone could write this from the record's `rule`.
 */
import { createHash } from 'node:crypto';
import type { DecisionRecord2 } from '../../src/lib/server/decision-record-schema';

type Proposal = DecisionRecord2['proposals'][number];

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** n / d rounded half away from zero, for integers (d > 0). */
function roundDiv(n: number, d: number): number {
	const q = Math.floor((2 * Math.abs(n) + d) / (2 * d));
	return n < 0 ? -q : q;
}

/** A float on the 0–100 scale in hundredths: 6 decimals first, then half away from zero. */
function floatToHundredths(x: number): number {
	const micro = Math.sign(x) * Math.round(Math.abs(x) * 1e6);
	return roundDiv(micro, 10_000);
}

export function reviewTotals(record: DecisionRecord2): number[] {
	const criteria = record.rubric.criteria;
	const common = criteria.reduce((l, c) => (l * c.scaleMax) / gcd(l, c.scaleMax), 1);
	return record.reviews.map((r) => {
		let numerator = 0;
		r.scores.forEach((score, i) => (numerator += score * criteria[i].weight * 100 * (common / criteria[i].scaleMax)));
		return roundDiv(numerator, common);
	});
}

function byProposal(record: DecisionRecord2): Map<number, { reviewer: string; total: number }[]> {
	const totals = reviewTotals(record);
	const out = new Map<number, { reviewer: string; total: number }[]>();
	record.reviews.forEach((r, i) => out.set(r.proposalId, [...(out.get(r.proposalId) ?? []), { reviewer: r.reviewer, total: totals[i] }]));
	return out;
}

function meanOf(values: number[]): number {
	return roundDiv(values.reduce((a, b) => a + b, 0), values.length);
}

/**
 * The additive model, y = q(proposal) + b(reviewer) + e, minimising Σe² + λΣb² with the record's
 * λ, by alternating updates until nothing moves (Gauss–Seidel on the normal equations).
 */
function additiveModel(record: DecisionRecord2): { quality: Map<number, number>; residualSquares: number } {
	const reviews = record.reviews.map((r, i) => ({ p: r.proposalId, r: r.reviewer, y: reviewTotals(record)[i] / 100 }));
	const lambda = record.aggregation.model?.shrinkage ?? null;
	const q = new Map<number, number>();
	const b = new Map<string, number>();
	for (const r of reviews) b.set(r.r, 0);
	const solveQ = () => {
		const sums = new Map<number, { s: number; n: number }>();
		for (const r of reviews) {
			const e = sums.get(r.p) ?? { s: 0, n: 0 };
			sums.set(r.p, { s: e.s + r.y - b.get(r.r)!, n: e.n + 1 });
		}
		for (const [p, e] of sums) q.set(p, e.s / e.n);
	};
	solveQ();
	if (lambda !== null) {
		for (let sweep = 0; sweep < 200_000; sweep++) {
			let moved = 0;
			const sums = new Map<string, { s: number; n: number }>();
			for (const r of reviews) {
				const e = sums.get(r.r) ?? { s: 0, n: 0 };
				sums.set(r.r, { s: e.s + r.y - q.get(r.p)!, n: e.n + 1 });
			}
			for (const [name, e] of sums) {
				const next = e.s / (e.n + lambda);
				moved = Math.max(moved, Math.abs(next - b.get(name)!));
				b.set(name, next);
			}
			solveQ();
			if (moved < 1e-13) break;
		}
	}
	let residualSquares = 0;
	for (const r of reviews) residualSquares += (r.y - q.get(r.p)! - b.get(r.r)!) ** 2;
	return { quality: q, residualSquares };
}

/** z-scores per reviewer (population sd, floored at 3; reviewers under 3 reviews use the pool), back on the pool's scale, clamped. */
function calibrated(record: DecisionRecord2): Map<number, number> {
	const totals = reviewTotals(record).map((t) => t / 100);
	const rows = record.reviews.map((r, i) => ({ p: r.proposalId, r: r.reviewer, y: totals[i] }));
	const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
	const sd = (xs: number[]) => Math.sqrt(avg(xs.map((x) => (x - avg(xs)) ** 2)));
	const poolMean = avg(totals);
	const poolSd = Math.max(sd(totals), 3);
	const byReviewer = new Map<string, number[]>();
	for (const r of rows) byReviewer.set(r.r, [...(byReviewer.get(r.r) ?? []), r.y]);
	const zs = new Map<number, number[]>();
	for (const r of rows) {
		const own = byReviewer.get(r.r)!;
		const [m, s] = own.length >= 3 ? [avg(own), Math.max(sd(own), 3)] : [poolMean, poolSd];
		zs.set(r.p, [...(zs.get(r.p) ?? []), (r.y - m) / s]);
	}
	const out = new Map<number, number>();
	for (const [p, z] of zs) out.set(p, floatToHundredths(Math.round(Math.min(100, Math.max(0, poolMean + avg(z) * poolSd)) * 100) / 100));
	return out;
}

/** Each proposal's ranking score in hundredths, recomputed from the reviews by the record's basis. */
export function recomputeScores(record: DecisionRecord2): Map<number, number> {
	const out = new Map<number, number>();
	const reviews = byProposal(record);
	switch (record.aggregation.basis) {
		case 'mean':
			for (const [p, rs] of reviews) out.set(p, meanOf(rs.map((r) => r.total)));
			return out;
		case 'trimmed_mean':
			for (const [p, rs] of reviews) {
				const sorted = rs.map((r) => r.total).sort((a, b) => a - b);
				out.set(p, meanOf(sorted.length >= 5 ? sorted.slice(1, -1) : sorted));
			}
			return out;
		case 'additive_model':
			for (const [p, q] of additiveModel(record).quality) out.set(p, floatToHundredths(q));
			return out;
		case 'calibrated':
			return calibrated(record);
	}
}

/** The noise variance the unshrunk fit leaves: residual squares over the degrees of freedom. */
export function recomputeNoiseVariance(record: DecisionRecord2): number | null {
	const unshrunk = { ...record, aggregation: { ...record.aggregation, model: record.aggregation.model && { ...record.aggregation.model, shrinkage: 0 } } };
	const df = record.aggregation.model?.degreesOfFreedom ?? 0;
	return df > 0 ? additiveModel(unshrunk).residualSquares / df : null;
}

/** The funded list by the record's stated rules, from the given scores (hundredths). */
export function recomputeFundedList(record: DecisionRecord2, scores: Map<number, number>): number[] {
	const rule = record.fundingRule;
	const amount = (p: Proposal) => (p.reducedAward && p.reducedAward.fen < p.requestedFen ? p.reducedAward.fen : p.requestedFen);
	const score = (p: Proposal) => scores.get(p.id) ?? null;
	const ranked = record.proposals.filter((p) => p.eligible && p.override?.kind !== 'exclude');
	ranked.sort((a, b) => {
		const sa = score(a) ?? -Infinity;
		const sb = score(b) ?? -Infinity;
		if (sa !== sb) return sb - sa;
		if (rule.tieRule === 'smaller_amount' && amount(a) !== amount(b)) return amount(a) - amount(b);
		if (rule.tieRule === 'earlier_submission' && a.submittedAt !== b.submittedAt) return (a.submittedAt ?? '~') < (b.submittedAt ?? '~') ? -1 : 1;
		return a.id - b.id;
	});
	// The lottery: check the seed against its commitment, order the zone by SHA-256("seed:id").
	let walk = ranked;
	const lottery = record.lottery;
	if (lottery?.seed) {
		const sha = (s: string) => createHash('sha256').update(s).digest('hex');
		if (sha(lottery.seed) !== lottery.commitment) throw new Error('the seed does not match its commitment');
		const zone = record.greyZone!.ids;
		const drawn = [...zone].sort((x, y) => {
			const kx = sha(`${lottery.seed}:${x}`);
			const ky = sha(`${lottery.seed}:${y}`);
			return kx < ky ? -1 : kx > ky ? 1 : x - y;
		});
		if (JSON.stringify(drawn) !== JSON.stringify(lottery.drawnOrder)) throw new Error('the drawn order does not follow from the seed');
		let next = 0;
		walk = ranked.map((p) => {
			if (!zone.includes(p.id)) return p;
			const id = drawn[next++];
			return ranked.find((q) => q.id === id)!;
		});
	}
	let left = rule.poolFen;
	const spent: Record<string, number> = {};
	const funded: number[] = [];
	const take = (p: Proposal) => {
		left -= amount(p);
		const d = String(p.districtPlaceId ?? p.district);
		spent[d] = (spent[d] ?? 0) + amount(p);
		funded.push(p.id);
	};
	for (const p of ranked.filter((p) => p.override?.kind === 'fund')) if (amount(p) <= left) take(p);
	for (const p of walk) {
		if (p.override?.kind === 'fund' || score(p) === null) continue;
		if (rule.minScore !== null && score(p)! < Math.round(rule.minScore * 100)) continue;
		const d = String(p.districtPlaceId ?? p.district);
		const cap = rule.districtCapsFen[d];
		if (cap !== undefined && (spent[d] ?? 0) + amount(p) > cap) continue;
		if (amount(p) > left) continue;
		take(p);
	}
	return funded.sort((a, b) => a - b);
}
