import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	DEFAULT_RUBRIC,
	bandOf,
	calibratedScores,
	disagreement,
	mean,
	scoreBands,
	standardDeviation,
	trimmedMean,
	weightedTotal,
	type ReviewTotal
} from './scoring';
import { autoAssign } from './assignment';
import { seededRandom } from './random';

describe('scoring', () => {
	it('has a default rubric whose weights total 100', () => {
		expect(DEFAULT_RUBRIC.reduce((s, c) => s + c.weight, 0)).toBe(100);
	});

	it('weights criterion scores to a 0–100 total', () => {
		const all = (score: number) => DEFAULT_RUBRIC.map((c) => ({ score, weight: c.weight, scaleMax: 10 }));
		expect(weightedTotal(all(10))).toBe(100);
		expect(weightedTotal(all(0))).toBe(0);
		expect(weightedTotal(all(7))).toBe(70);
		expect(weightedTotal([{ score: 5, weight: 20, scaleMax: 10 }, { score: 10, weight: 80, scaleMax: 10 }])).toBe(90);
	});

	it('trims one highest and one lowest from five or more reviews', () => {
		expect(trimmedMean([10, 80, 82, 84, 100])).toBe(82);
		expect(trimmedMean([70, 80, 90, 100])).toBe(85);
		expect(mean([])).toBeNull();
		expect(trimmedMean([])).toBeNull();
	});

	it('gives the spread of reviews and flags disagreement', () => {
		expect(standardDeviation([])).toBeNull();
		expect(standardDeviation([70])).toBe(0);
		expect(standardDeviation([60, 80])).toBe(10);
		expect(disagreement([60, 80])).toBe(false);
		expect(disagreement([40, 90])).toBe(true);
		expect(disagreement([95])).toBe(false);
	});

	it('splits a scale into bands with no gaps', () => {
		expect(scoreBands(10)).toEqual([
			{ band: 'low', min: 0, max: 3 },
			{ band: 'fair', min: 4, max: 6 },
			{ band: 'good', min: 7, max: 8 },
			{ band: 'excellent', min: 9, max: 10 }
		]);
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 100 }), (max) => {
				for (let s = 0; s <= max; s++) expect(bandOf(s, max)).toBeDefined();
			})
		);
	});
});

/** n reviewers who each reviewed every proposal with totals in 0..100. */
const panelScores = fc
	.record({ proposals: fc.integer({ min: 3, max: 8 }), reviewers: fc.integer({ min: 3, max: 6 }) })
	.chain(({ proposals, reviewers }) =>
		fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: proposals, maxLength: proposals }), {
			minLength: reviewers,
			maxLength: reviewers
		})
	)
	.map((grid) =>
		grid.flatMap((row, r) => row.map((total, p) => ({ reviewerId: r + 1, proposalId: p + 1, total })))
	);

function orderOf(scores: Map<number, { z: number }>) {
	return [...scores].sort((a, b) => b[1].z - a[1].z || a[0] - b[0]).map(([id]) => id);
}

describe('calibrated scores', () => {
	it('is empty without reviews and within 0–100', () => {
		expect(calibratedScores([]).size).toBe(0);
		fc.assert(
			fc.property(panelScores, (reviews) => {
				for (const { score } of calibratedScores(reviews).values()) {
					expect(score).toBeGreaterThanOrEqual(0);
					expect(score).toBeLessThanOrEqual(100);
				}
			})
		);
	});

	it('property: adding a constant to every score one reviewer gave leaves the ranking unchanged', () => {
		fc.assert(
			fc.property(panelScores, fc.integer({ min: -40, max: 40 }), (reviews, shift) => {
				const shifted = reviews.map((r) => (r.reviewerId === 1 ? { ...r, total: r.total + shift } : r));
				const before = calibratedScores(reviews);
				const after = calibratedScores(shifted);
				for (const [id, c] of before) expect(after.get(id)!.z).toBeCloseTo(c.z, 9);
				expect(orderOf(after)).toEqual(orderOf(before));
			})
		);
	});

	it('property: a proposal every reviewer scores higher never ranks lower', () => {
		fc.assert(
			fc.property(panelScores, (reviews) => {
				const top = Math.max(...reviews.map((r) => r.proposalId)) + 1;
				const best = [...new Set(reviews.map((r) => r.reviewerId))].map((reviewerId) => ({
					reviewerId,
					proposalId: top,
					total: Math.max(...reviews.filter((r) => r.reviewerId === reviewerId).map((r) => r.total)) + 1
				}));
				const out = calibratedScores([...reviews, ...best]);
				const topZ = out.get(top)!.z;
				for (const [, c] of out) expect(c.z).toBeLessThanOrEqual(topZ + 1e-9);
			})
		);
	});

	it('property: calibrated scores keep the order of the underlying z-scores', () => {
		fc.assert(
			fc.property(panelScores, (reviews) => {
				const list = [...calibratedScores(reviews).values()].sort((a, b) => a.z - b.z);
				for (let i = 1; i < list.length; i++) expect(list[i].score).toBeGreaterThanOrEqual(list[i - 1].score);
			})
		);
	});

	it('falls back to the pooled scale for a reviewer with few reviews', () => {
		const reviews: ReviewTotal[] = [
			...[60, 70, 80].map((total, i) => ({ reviewerId: 1, proposalId: i + 1, total })),
			{ reviewerId: 2, proposalId: 1, total: 100 }
		];
		const out = calibratedScores(reviews);
		expect(out.get(1)!.score).toBeGreaterThan(out.get(2)!.score);
		expect(Number.isFinite(out.get(3)!.score)).toBe(true);
		// A reviewer who gives everyone the same total adds no preference, and no division by zero.
		const flat = calibratedScores([1, 2, 3].map((p) => ({ reviewerId: 9, proposalId: p, total: 75 })));
		expect([...flat.values()].map((c) => c.z)).toEqual([0, 0, 0]);
	});
});

/** Spearman's rank correlation (no ties in continuous data). */
function spearman(a: number[], b: number[]) {
	const rank = (xs: number[]) => {
		const r = new Array<number>(xs.length);
		[...xs.keys()].sort((i, j) => xs[i] - xs[j]).forEach((i, k) => (r[i] = k));
		return r;
	};
	const ra = rank(a);
	const rb = rank(b);
	const n = a.length;
	const d2 = ra.reduce((s, x, i) => s + (x - rb[i]) ** 2, 0);
	return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('calibration on a panel with known leniency', () => {
	it('recovers the true order better than the raw mean', () => {
		const { uniform, normal } = seededRandom(2026);
		const proposals = Array.from({ length: 200 }, (_, i) => ({ id: i + 1, categories: [], quality: 40 + 45 * uniform() }));
		// Leniency offsets from −15 (harsh) to +15 (lenient), and reviewers differ in how widely they spread.
		const reviewers = Array.from({ length: 20 }, (_, i) => ({
			id: i + 1,
			expertise: [],
			offset: -15 + 30 * uniform(),
			stretch: 0.7 + 0.6 * uniform()
		}));
		const plan = autoAssign({ proposals, reviewers, perProposal: 5, existing: [], conflicted: () => false });
		const reviews = plan.added.map(({ proposalId, reviewerId }) => {
			const p = proposals[proposalId - 1];
			const r = reviewers[reviewerId - 1];
			const raw = 60 + (p.quality - 60) * r.stretch + r.offset + 4 * normal();
			return { proposalId, reviewerId, total: Math.round(Math.min(100, Math.max(0, raw)) * 100) / 100 };
		});
		const calibrated = calibratedScores(reviews);
		const truth = proposals.map((p) => p.quality);
		const raw = proposals.map((p) => mean(reviews.filter((r) => r.proposalId === p.id).map((r) => r.total))!);
		const cal = proposals.map((p) => calibrated.get(p.id)!.z);
		const rawRho = spearman(truth, raw);
		const calRho = spearman(truth, cal);
		console.info(`leniency panel (200 proposals, 20 reviewers, k=5): Spearman ρ raw mean ${rawRho.toFixed(3)}, calibrated ${calRho.toFixed(3)}`);
		expect(calRho).toBeGreaterThan(rawRho);
		expect(calRho).toBeGreaterThan(0.9);
	});
});
