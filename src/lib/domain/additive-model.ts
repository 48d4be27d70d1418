/**
 * The additive reviewer-bias model with shrinkage: a review's total is the proposal's quality plus
 * its reviewer's bias (leniency, or harshness when negative) plus noise,
 *
 *     total(p, r) = quality(p) + bias(r) + noise,   bias(r) ~ N(0, τ²),   noise ~ N(0, σ²),
 *
 * fitted jointly by least squares over every review of the round. A reviewer's bias is measured
 * against the other reviewers of the same proposals, so it is told apart from a proposal's
 * quality only as far as reviewers share proposals; the biases are shrunk towards zero by how
 * much they really vary (empirical Bayes), so a reviewer with few reviews, or a panel without real
 * leniency, moves the scores little. With no bias at all the fit is the plain mean.
 *
 * Solved exactly (no iteration): the qualities are eliminated, leaving one symmetric system over
 * the reviewers, `(L + λI) b = c` with λ = σ²/τ², solved by Cholesky. σ² and τ² are estimated by
 * the method of moments from the unshrunk fit (see `fitAdditiveModel`).
 */

export interface ModelReview {
	proposalId: number;
	reviewerId: number;
	/** The review's weighted total on the 0–100 scale. */
	total: number;
}

export interface FittedQuality {
	/** The fitted quality on the reviews' 0–100 scale (not clamped: harsh reviewers' 100 can fit above it). */
	score: number;
	/** Standard error of the fitted quality, or null when the noise cannot be estimated. */
	se: number | null;
	reviews: number;
}

export interface AdditiveFit {
	quality: Map<number, FittedQuality>;
	/** Each reviewer's shrunk bias (points on the 0–100 scale; positive = lenient). */
	bias: Map<number, number>;
	/** σ², the noise variance of one review, or null with no residual degrees of freedom. */
	noiseVariance: number | null;
	/** τ², the variance of the reviewers' biases (0: no leniency found, the fit is the plain mean). */
	biasVariance: number;
	/** λ = σ²/τ², the shrinkage weight; null when τ² = 0 (biases shrunk to nothing). */
	shrinkage: number | null;
	/** Groups of reviewers linked through shared proposals; biases compare only within one. */
	components: number;
	/** Reviews − proposals − (reviewers − components). */
	degreesOfFreedom: number;
}

/** Lower-triangular Cholesky factor of a symmetric positive definite n×n matrix (row-major). */
function cholesky(a: Float64Array, n: number): Float64Array {
	const l = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let sum = a[i * n + j];
			for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
			if (i === j) {
				if (!(sum > 0)) throw new RangeError('matrix is not positive definite');
				l[i * n + i] = Math.sqrt(sum);
			} else {
				l[i * n + j] = sum / l[j * n + j];
			}
		}
	}
	return l;
}

/** The inverse of a symmetric positive definite matrix, from its Cholesky factor. */
function inverseSpd(a: Float64Array, n: number): Float64Array {
	const l = cholesky(a, n);
	const inv = new Float64Array(n * n);
	const col = new Float64Array(n);
	for (let c = 0; c < n; c++) {
		// Solve L y = e_c, then Lᵀ x = y.
		for (let i = 0; i < n; i++) {
			let sum = i === c ? 1 : 0;
			for (let k = 0; k < i; k++) sum -= l[i * n + k] * col[k];
			col[i] = sum / l[i * n + i];
		}
		for (let i = n - 1; i >= 0; i--) {
			let sum = col[i];
			for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * col[k];
			col[i] = sum / l[i * n + i];
		}
		for (let i = 0; i < n; i++) inv[i * n + c] = col[i];
	}
	return inv;
}

function multiply(m: Float64Array, v: Float64Array, n: number): Float64Array {
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let sum = 0;
		for (let j = 0; j < n; j++) sum += m[i * n + j] * v[j];
		out[i] = sum;
	}
	return out;
}

export function fitAdditiveModel(reviews: readonly ModelReview[]): AdditiveFit {
	const proposalIds = [...new Set(reviews.map((r) => r.proposalId))].sort((a, b) => a - b);
	const reviewerIds = [...new Set(reviews.map((r) => r.reviewerId))].sort((a, b) => a - b);
	const P = proposalIds.length;
	const R = reviewerIds.length;
	const pIndex = new Map(proposalIds.map((id, i) => [id, i]));
	const rIndex = new Map(reviewerIds.map((id, i) => [id, i]));
	// Per proposal: its reviewers (indices) and totals, in a fixed order.
	const sorted = [...reviews].sort((a, b) => a.proposalId - b.proposalId || a.reviewerId - b.reviewerId || a.total - b.total);
	const who: number[][] = proposalIds.map(() => []);
	const totals: number[][] = proposalIds.map(() => []);
	for (const r of sorted) {
		const p = pIndex.get(r.proposalId)!;
		who[p].push(rIndex.get(r.reviewerId)!);
		totals[p].push(r.total);
	}
	const meanOf = totals.map((ys) => ys.reduce((a, b) => a + b, 0) / ys.length);

	// L = diag(reviews per reviewer) − Σ_p (1/n_p) 1_p 1_pᵀ; c_r = Σ (total − proposal mean).
	const L = new Float64Array(R * R);
	const c = new Float64Array(R);
	const parent = reviewerIds.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	for (let p = 0; p < P; p++) {
		const n = who[p].length;
		for (let i = 0; i < n; i++) {
			const r = who[p][i];
			c[r] += totals[p][i] - meanOf[p];
			L[r * R + r] += 1;
			for (const r2 of who[p]) L[r * R + r2] -= 1 / n;
			parent[find(r)] = find(who[p][0]);
		}
	}
	const componentOf = reviewerIds.map((_, i) => find(i));
	const componentSize = new Map<number, number>();
	for (const k of componentOf) componentSize.set(k, (componentSize.get(k) ?? 0) + 1);
	const components = componentSize.size;

	// The unshrunk fit: biases centred within each component (L's null space is the components'
	// indicator vectors, so adding Σ 1_c 1_cᵀ/|c| makes it invertible without moving the solution).
	const M = Float64Array.from(L);
	for (let i = 0; i < R; i++) {
		for (let j = 0; j < R; j++) if (componentOf[i] === componentOf[j]) M[i * R + j] += 1 / componentSize.get(componentOf[i])!;
	}
	const Minv = R > 0 ? inverseSpd(M, R) : new Float64Array(0);
	const free = multiply(Minv, c, R);
	const residualSquares = sumResidualSquares(who, totals, meanOf, free);
	const degreesOfFreedom = reviews.length - P - (R - components);
	const noiseVariance = degreesOfFreedom > 0 ? residualSquares / degreesOfFreedom : null;

	// E[Σ b̂²] = τ²(R − C) + σ² tr(L⁺), and tr(L⁺) = tr(M⁻¹) − C.
	let biasVariance = 0;
	if (noiseVariance !== null && R > components) {
		let sumSquares = 0;
		let trace = 0;
		for (let i = 0; i < R; i++) {
			sumSquares += free[i] ** 2;
			trace += Minv[i * R + i];
		}
		biasVariance = Math.max(0, (sumSquares - noiseVariance * (trace - components)) / (R - components));
	}

	let bias: Float64Array = new Float64Array(R);
	let Ainv: Float64Array | null = null;
	let shrinkage: number | null = null;
	// λ far below rounding error would leave the system all but singular: treat it as no shrinkage.
	if (biasVariance > 0 && noiseVariance !== null && noiseVariance > 1e-12 * biasVariance) {
		shrinkage = noiseVariance / biasVariance;
		const A = Float64Array.from(L);
		for (let i = 0; i < R; i++) A[i * R + i] += shrinkage;
		Ainv = inverseSpd(A, R);
		bias = multiply(Ainv, c, R);
	} else if (biasVariance > 0) {
		// Reviews that fit exactly (no noise): nothing to shrink by.
		shrinkage = 0;
		bias = free;
	}

	const quality = new Map<number, FittedQuality>();
	for (let p = 0; p < P; p++) {
		const n = who[p].length;
		let biasSum = 0;
		for (const r of who[p]) biasSum += bias[r];
		let se: number | null = null;
		if (noiseVariance !== null) {
			let spread = 0;
			if (Ainv) for (const r of who[p]) for (const r2 of who[p]) spread += Ainv[r * R + r2];
			se = Math.sqrt(noiseVariance * (1 / n + spread / (n * n)));
		}
		quality.set(proposalIds[p], { score: meanOf[p] - biasSum / n, se, reviews: n });
	}
	return {
		quality,
		bias: new Map(reviewerIds.map((id, i) => [id, bias[i]])),
		noiseVariance,
		biasVariance,
		shrinkage,
		components,
		degreesOfFreedom
	};
}

/** Σ (total − quality − bias)² with each proposal's quality at its mean minus its reviewers' mean bias. */
function sumResidualSquares(who: number[][], totals: number[][], meanOf: number[], bias: Float64Array): number {
	let sum = 0;
	for (let p = 0; p < who.length; p++) {
		let biasSum = 0;
		for (const r of who[p]) biasSum += bias[r];
		const quality = meanOf[p] - biasSum / who[p].length;
		for (let i = 0; i < who[p].length; i++) sum += (totals[p][i] - quality - bias[who[p][i]]) ** 2;
	}
	return sum;
}
