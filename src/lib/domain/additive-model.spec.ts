import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitAdditiveModel, type ModelReview } from './additive-model';
import { seededRandom } from './random';

/** Gaussian elimination with partial pivoting, for the reference solve. */
function solve(a: number[][], b: number[]): number[] {
	const n = b.length;
	const m = a.map((row, i) => [...row, b[i]]);
	for (let c = 0; c < n; c++) {
		let pivot = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
		[m[c], m[pivot]] = [m[pivot], m[c]];
		for (let r = 0; r < n; r++) {
			if (r === c) continue;
			const f = m[r][c] / m[c][c];
			for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
		}
	}
	return m.map((row, i) => row[n] / row[i]);
}

/**
 * The penalised least squares written out in full: minimise Σ (total − q_p − b_r)² + λ Σ b_r²
 * over every quality and bias at once, by its normal equations.
 */
function referenceFit(reviews: readonly ModelReview[], lambda: number) {
	const ps = [...new Set(reviews.map((r) => r.proposalId))].sort((a, b) => a - b);
	const rs = [...new Set(reviews.map((r) => r.reviewerId))].sort((a, b) => a - b);
	const n = ps.length + rs.length;
	const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	const b = new Array<number>(n).fill(0);
	for (const r of reviews) {
		const i = ps.indexOf(r.proposalId);
		const j = ps.length + rs.indexOf(r.reviewerId);
		a[i][i]++;
		a[j][j]++;
		a[i][j]++;
		a[j][i]++;
		b[i] += r.total;
		b[j] += r.total;
	}
	for (let j = ps.length; j < n; j++) a[j][j] += lambda;
	const x = solve(a, b);
	return { quality: new Map(ps.map((id, i) => [id, x[i]])), bias: new Map(rs.map((id, j) => [id, x[ps.length + j]])) };
}

/** A connected panel: reviewers rotate over proposals, with leniency and noise. */
function panel(seed: number, proposals = 12, reviewers = 6, k = 3, leniency = 8, noise = 5): ModelReview[] {
	const random = seededRandom(seed);
	const quality = Array.from({ length: proposals }, () => 60 + 10 * random.normal());
	const bias = Array.from({ length: reviewers }, () => leniency * random.normal());
	const out: ModelReview[] = [];
	for (let p = 0; p < proposals; p++) {
		for (let i = 0; i < k; i++) {
			const r = (p + i * 2) % reviewers;
			out.push({ proposalId: p + 1, reviewerId: r + 1, total: quality[p] + bias[r] + noise * random.normal() });
		}
	}
	return out;
}

describe('additive reviewer-bias model', () => {
	it('is the exact solution of the penalised least squares, with λ = σ²/τ² from the data', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
				const reviews = panel(seed);
				const fit = fitAdditiveModel(reviews);
				// No bias variance found: infinite shrinkage, every bias 0 and each quality its mean.
				const ref = referenceFit(reviews, fit.shrinkage ?? 1e15);
				for (const [id, q] of fit.quality) expect(q.score).toBeCloseTo(ref.quality.get(id)!, 8);
				for (const [id, b] of fit.bias) expect(b).toBeCloseTo(ref.bias.get(id)!, 8);
			}),
			{ numRuns: 60 }
		);
	});

	it('is the plain mean when reviewers show no bias, with the plain mean’s standard error', () => {
		// Every reviewer gives each proposal its quality exactly, plus noise that sums to zero per reviewer.
		const reviews: ModelReview[] = [];
		const noise = [3, -3, 1, -1];
		for (let p = 1; p <= 4; p++) for (let r = 1; r <= 4; r++) reviews.push({ proposalId: p, reviewerId: r, total: 50 + 10 * p + noise[(p + r) % 4] });
		const fit = fitAdditiveModel(reviews);
		expect(fit.biasVariance).toBe(0);
		expect(fit.shrinkage).toBeNull();
		for (let p = 1; p <= 4; p++) {
			const mean = reviews.filter((r) => r.proposalId === p).reduce((a, r) => a + r.total, 0) / 4;
			expect(fit.quality.get(p)!.score).toBeCloseTo(mean, 12);
			// Without bias, the standard error of a mean of 4 reviews: σ/√4.
			expect(fit.quality.get(p)!.se).toBeCloseTo(Math.sqrt(fit.noiseVariance! / 4), 12);
		}
	});

	it('takes a lenient reviewer’s leniency off the proposals they scored', () => {
		// Proposal 1 is scored by a reviewer 15 points more lenient than the others; proposal 2 is not.
		const reviews: ModelReview[] = [];
		const truth = [70, 72, 60, 65, 75, 68];
		const random = seededRandom(7);
		for (let p = 0; p < truth.length; p++) {
			for (let r = 0; r < 4; r++) {
				const reviewer = (p + r) % 6;
				reviews.push({ proposalId: p + 1, reviewerId: reviewer + 1, total: truth[p] + (reviewer === 0 ? 15 : 0) + random.normal() });
			}
		}
		const fit = fitAdditiveModel(reviews);
		expect(fit.bias.get(1)!).toBeGreaterThan(8);
		const mean = (id: number) => reviews.filter((r) => r.proposalId === id).reduce((a, r) => a + r.total, 0) / 4;
		// By the plain mean proposal 1 (with the lenient reviewer) beats proposal 2; by the model, not.
		expect(mean(1)).toBeGreaterThan(mean(2));
		expect(fit.quality.get(1)!.score).toBeLessThan(fit.quality.get(2)!.score);
	});

	it('fits exact data exactly, and keeps biases centred within each group of linked reviewers', () => {
		const reviews: ModelReview[] = [];
		// Two groups that share no proposal: reviewers 1–2 on proposals 1–3, reviewers 3–4 on 4–6.
		for (let p = 1; p <= 6; p++) {
			for (const r of p <= 3 ? [1, 2] : [3, 4]) reviews.push({ proposalId: p, reviewerId: r, total: 10 * p + (r % 2 ? 4 : -4) });
		}
		const fit = fitAdditiveModel(reviews);
		expect(fit.components).toBe(2);
		expect(fit.bias.get(1)! + fit.bias.get(2)!).toBeCloseTo(0, 9);
		expect(fit.bias.get(3)! + fit.bias.get(4)!).toBeCloseTo(0, 9);
		for (let p = 1; p <= 6; p++) expect(fit.quality.get(p)!.score).toBeCloseTo(10 * p, 9);
	});

	it('gives wider intervals to proposals with fewer reviews', () => {
		const fit = fitAdditiveModel(panel(3, 20, 8, 4));
		const few = fitAdditiveModel(panel(3, 20, 8, 2));
		const se = (f: typeof fit) => [...f.quality.values()].reduce((a, q) => a + q.se!, 0) / f.quality.size;
		expect(se(few)).toBeGreaterThan(se(fit));
		expect(fitAdditiveModel([{ proposalId: 1, reviewerId: 1, total: 80 }]).quality.get(1)).toEqual({ score: 80, se: null, reviews: 1 });
	});

	it('is the same whatever order the reviews come in', () => {
		const reviews = panel(11);
		const a = fitAdditiveModel(reviews);
		const b = fitAdditiveModel([...reviews].reverse());
		expect([...b.quality]).toEqual([...a.quality]);
		expect(fitAdditiveModel([]).quality.size).toBe(0);
	});
});
