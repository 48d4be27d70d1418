/**
 * The ranking evaluation: synthetic review panels with a known true quality per proposal, scored
 * through the app's own rubric and exact arithmetic, assigned by the app's own `autoAssign`, and
 * ranked by every basis the app offers. It measures how well each basis recovers the truth
 * (Kendall τ, and the overlap of the funded set) so that the default basis rests on evidence.
 * `npm run eval:ranking` runs the full grid and writes bench/ranking.md; a unit test runs a
 * small grid and guards the default.
 *
 * Pure and seeded: a setting and a seed always give the same panel.
 */
import { autoAssign } from './assignment';
import { seededRandom, type Random } from './random';
import { EVALUATED_BASES, rankingScoresFor, type BasisReview, type RankingBasis } from './ranking';
import { weightedTotalHundredths } from './rounding';
import { DEFAULT_RUBRIC } from './scoring';

export interface PanelSetting {
	name: string;
	/** What the setting tests, in a few words. */
	about: string;
	proposals: number;
	reviewers: number;
	/** Reviews per proposal (reviews per reviewer follow: proposals × k / reviewers). */
	perProposal: number;
	/** Standard deviation of one review's noise, in points of the 0–100 total. */
	noise: number;
	/** Standard deviation of reviewers' leniency (a constant added to all they score). */
	leniency: number;
	/** Reviewers' scale: each stretches differences from the middle by a factor in [1 − s, 1 + s]. */
	scale: number;
	/** Standard deviation of real quality differences between categories. */
	categoryQuality: number;
	/** Standard deviation of leniency shared by a category's experts (a "generous field"). */
	categoryLeniency: number;
	/** Share of reviews replaced by a wild total drawn uniformly from 0–100. */
	outliers: number;
	categories: number;
	/** Passed to `autoAssign` (its default when absent). */
	crossCategoryShare?: number;
}

const BASE = {
	proposals: 60,
	reviewers: 15,
	perProposal: 5,
	noise: 8,
	leniency: 0,
	scale: 0,
	categoryQuality: 0,
	categoryLeniency: 0,
	outliers: 0,
	categories: 6
} satisfies Omit<PanelSetting, 'name' | 'about'>;

const setting = (name: string, about: string, over: Partial<PanelSetting>): PanelSetting => ({ ...BASE, name, about, ...over });

/** The grid: each setting varies the base panel (60 proposals, 15 reviewers, k = 5, noise 8) in one or two ways. */
export const RANKING_GRID: readonly PanelSetting[] = [
	setting('no-bias', 'unbiased reviewers, noise only', {}),
	setting('leniency', 'reviewers differ in leniency (sd 6)', { leniency: 6 }),
	setting('leniency-strong', 'strong leniency differences (sd 12)', { leniency: 12 }),
	setting('scale', 'reviewers differ in scale (×0.6–1.4)', { scale: 0.4 }),
	setting('scale-strong', 'reviewers differ strongly in scale (×0.4–1.6)', { scale: 0.6 }),
	setting('leniency+scale', 'leniency sd 8 and scale ×0.6–1.4', { leniency: 8, scale: 0.4 }),
	setting('category-quality', 'categories differ in real quality (sd 8), experts see their own', { categoryQuality: 8 }),
	setting('category-quality+leniency', 'category quality sd 8 and leniency sd 8', { categoryQuality: 8, leniency: 8 }),
	setting('category-leniency', 'a category’s experts share a leniency (sd 8)', { categoryLeniency: 8 }),
	setting('clustered', '3 categories, enough experts for every review; category quality and shared leniency sd 8', {
		categories: 3,
		categoryQuality: 8,
		categoryLeniency: 8
	}),
	setting('outliers', '5 % wild reviews, leniency sd 6', { outliers: 0.05, leniency: 6 }),
	setting('noisy', 'noise sd 15, leniency sd 6', { noise: 15, leniency: 6 }),
	setting('small-round', '20 proposals, 6 reviewers, k = 3 (10 each), leniency sd 8', { proposals: 20, reviewers: 6, perProposal: 3, leniency: 8 }),
	setting('few-per-reviewer', '40 proposals, 40 reviewers, k = 3 (3 each), leniency sd 8', { proposals: 40, reviewers: 40, perProposal: 3, leniency: 8 }),
	setting('large-round', '200 proposals, 25 reviewers, k = 5 (40 each), leniency sd 8', { proposals: 200, reviewers: 25, leniency: 8 }),
	setting('k3', 'k = 3 (12 each), leniency sd 8', { perProposal: 3, leniency: 8 }),
	setting('k7', 'k = 7 (28 each), leniency sd 8', { perProposal: 7, leniency: 8 }),
	setting('demo-like', '20 proposals, 8 reviewers, k = 5, leniency sd 6, category quality sd 5', {
		proposals: 20,
		reviewers: 8,
		leniency: 6,
		categoryQuality: 5
	})
];

export interface Panel {
	truth: Map<number, number>;
	reviews: BasisReview[];
	/** Share of reviews by a matching expert, from the assignment's report. */
	expertShare: number;
}

function clamp(x: number, lo: number, hi: number) {
	return Math.min(hi, Math.max(lo, x));
}

/** One synthetic round: true qualities, a panel with biases, the app's assignment, rubric scores. */
export function syntheticPanel(s: PanelSetting, seed: number): Panel {
	const random = seededRandom(seed);
	const categoryNames = Array.from({ length: s.categories }, (_, i) => `c${i}`);
	const categoryQuality = categoryNames.map(() => s.categoryQuality * random.normal());
	const categoryLeniency = categoryNames.map(() => s.categoryLeniency * random.normal());
	const proposals = Array.from({ length: s.proposals }, (_, i) => {
		const c = random.below(s.categories);
		return { id: i + 1, category: c, categories: [categoryNames[c]], quality: 60 + categoryQuality[c] + 10 * random.normal() };
	});
	const reviewers = Array.from({ length: s.reviewers }, (_, i) => {
		const home = i % s.categories;
		const second = random.uniform() < 0.5 ? random.below(s.categories) : home;
		return {
			id: 1000 + i,
			expertise: [...new Set([categoryNames[home], categoryNames[second]])],
			leniency: s.leniency * random.normal() + categoryLeniency[home],
			stretch: 1 + s.scale * (2 * random.uniform() - 1)
		};
	});
	// About 2 % of pairs conflicted, as declared conflicts are in real rounds.
	const conflicts = new Set<number>();
	for (const p of proposals) for (const r of reviewers) if (random.uniform() < 0.02) conflicts.add(p.id * 100_000 + r.id);
	const plan = autoAssign({
		proposals,
		reviewers,
		perProposal: s.perProposal,
		existing: [],
		conflicted: (r, p) => conflicts.has(p * 100_000 + r),
		crossCategoryShare: s.crossCategoryShare
	});
	const byId = new Map(reviewers.map((r) => [r.id, r]));
	const reviews = plan.added.map(({ proposalId, reviewerId }) => {
		const p = proposals[proposalId - 1];
		const r = byId.get(reviewerId)!;
		const latent =
			random.uniform() < s.outliers ? 100 * random.uniform() : 60 + (p.quality - 60) * r.stretch + r.leniency + s.noise * random.normal();
		return { proposalId, reviewerId, total: rubricTotal(latent, random) };
	});
	return {
		truth: new Map(proposals.map((p) => [p.id, p.quality])),
		reviews,
		expertShare: plan.report.added ? plan.report.matched / plan.report.added : 0
	};
}

/** A latent 0–100 judgement scored criterion by criterion (integers 0–10) on the default rubric. */
function rubricTotal(latent: number, random: Random): number {
	return weightedTotalHundredths(
		DEFAULT_RUBRIC.map((c) => ({ score: clamp(Math.round(latent / 10 + 0.3 * random.normal()), 0, 10), weight: c.weight, scaleMax: 10 }))
	);
}

/** Kendall's τ-b (ties in either ranking handled). */
export function kendallTau(a: readonly number[], b: readonly number[]): number {
	let concordant = 0;
	let discordant = 0;
	let tiesA = 0;
	let tiesB = 0;
	for (let i = 0; i < a.length; i++) {
		for (let j = i + 1; j < a.length; j++) {
			const da = Math.sign(a[i] - a[j]);
			const db = Math.sign(b[i] - b[j]);
			if (da === 0 && db === 0) continue;
			if (da === 0) tiesA++;
			else if (db === 0) tiesB++;
			else if (da === db) concordant++;
			else discordant++;
		}
	}
	const n1 = concordant + discordant + tiesA;
	const n2 = concordant + discordant + tiesB;
	return n1 && n2 ? (concordant - discordant) / Math.sqrt(n1 * n2) : 0;
}

/** Share of the truly best `count` that the estimate also puts in its best `count` (ties by id, as the line does). */
export function fundedOverlap(ids: readonly number[], estimate: ReadonlyMap<number, number>, truth: ReadonlyMap<number, number>, count: number): number {
	const top = (m: ReadonlyMap<number, number>) => new Set([...ids].sort((x, y) => m.get(y)! - m.get(x)! || x - y).slice(0, count));
	const a = top(estimate);
	let both = 0;
	for (const id of top(truth)) if (a.has(id)) both++;
	return count ? both / count : 1;
}

/** The funded set in the evaluation: the best 30 % of proposals. */
export const FUNDED_SHARE = 0.3;

export interface SeedResult {
	tau: Record<RankingBasis, number>;
	overlap: Record<RankingBasis, number>;
	expertShare: number;
}

export function evaluateSeed(s: PanelSetting, seed: number, bases: readonly RankingBasis[] = EVALUATED_BASES): SeedResult {
	const panel = syntheticPanel(s, seed);
	const ids = [...panel.truth.keys()].filter((id) => panel.reviews.some((r) => r.proposalId === id));
	const truth = ids.map((id) => panel.truth.get(id)!);
	const tau = {} as Record<RankingBasis, number>;
	const overlap = {} as Record<RankingBasis, number>;
	for (const basis of bases) {
		const { scores } = rankingScoresFor(basis, panel.reviews, { resamples: 0 });
		const estimate = new Map(ids.map((id) => [id, scores.get(id)!.score]));
		tau[basis] = kendallTau(
			ids.map((id) => estimate.get(id)!),
			truth
		);
		overlap[basis] = fundedOverlap(ids, estimate, panel.truth, Math.round(FUNDED_SHARE * ids.length));
	}
	return { tau, overlap, expertShare: panel.expertShare };
}

export interface Summary {
	mean: number;
	/** Standard error of the mean over seeds. */
	se: number;
}

function summary(values: readonly number[]): Summary {
	const n = values.length;
	const mean = values.reduce((a, b) => a + b, 0) / n;
	const variance = n > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : 0;
	return { mean, se: Math.sqrt(variance / n) };
}

export interface SettingResult {
	setting: PanelSetting;
	seeds: number;
	tau: Record<RankingBasis, Summary>;
	overlap: Record<RankingBasis, Summary>;
	/** Per basis: its τ minus the plain mean's τ on the same panel, over seeds. */
	tauVsMean: Record<RankingBasis, Summary>;
	/** Per basis, τ on each seed (for paired comparisons between any two bases). */
	taus: Record<RankingBasis, number[]>;
	expertShare: number;
}

/** The mean over seeds of one basis's τ minus another's on the same panels. */
export function pairedDifference(r: SettingResult, a: RankingBasis, b: RankingBasis): Summary {
	return summary(r.taus[a].map((t, i) => t - r.taus[b][i]));
}

/** Seeds 1…n of one setting. */
export function evaluateSetting(s: PanelSetting, seeds: number, bases: readonly RankingBasis[] = EVALUATED_BASES): SettingResult {
	const runs = Array.from({ length: seeds }, (_, i) => evaluateSeed(s, i + 1, bases));
	const per = <T>(f: (b: RankingBasis) => T) => Object.fromEntries(bases.map((b) => [b, f(b)])) as Record<RankingBasis, T>;
	return {
		setting: s,
		seeds,
		tau: per((b) => summary(runs.map((r) => r.tau[b]))),
		overlap: per((b) => summary(runs.map((r) => r.overlap[b]))),
		tauVsMean: per((b) => summary(runs.map((r) => r.tau[b] - r.tau.mean))),
		taus: per((b) => runs.map((r) => r.tau[b])),
		expertShare: runs.reduce((a, r) => a + r.expertShare, 0) / runs.length
	};
}

/** A basis may be the default only if it is never measurably worse than the plain mean. */
export const DEFAULT_GUARD = -0.005;

export interface DefaultChoice {
	basis: RankingBasis;
	/** Bases whose mean paired τ difference to the plain mean is ≥ the guard in every setting. */
	safe: RankingBasis[];
	/** Mean τ over the settings, per basis. */
	averageTau: Record<RankingBasis, number>;
	/** Per basis, the setting where it does worst against the plain mean. */
	worst: Record<RankingBasis, { setting: string; difference: number }>;
	/** Per basis, the settings where it beats every other basis beyond doubt (paired difference > 1.96 se). */
	winsIn: Record<RankingBasis, string[]>;
}

/** The default: among the safe bases, the highest average τ over the grid. */
export function chooseDefault(results: readonly SettingResult[], bases: readonly RankingBasis[] = EVALUATED_BASES): DefaultChoice {
	const averageTau = {} as Record<RankingBasis, number>;
	const worst = {} as DefaultChoice['worst'];
	for (const b of bases) {
		averageTau[b] = results.reduce((a, r) => a + r.tau[b].mean, 0) / results.length;
		const w = results.reduce((lo, r) => (r.tauVsMean[b].mean < lo.tauVsMean[b].mean ? r : lo));
		worst[b] = { setting: w.setting.name, difference: w.tauVsMean[b].mean };
	}
	const winsIn = Object.fromEntries(bases.map((b) => [b, [] as string[]])) as Record<RankingBasis, string[]>;
	for (const r of results) {
		for (const b of bases) {
			const beatsAll = bases.every((o) => {
				if (o === b) return true;
				const d = pairedDifference(r, b, o);
				return d.mean - 1.96 * d.se > 0;
			});
			if (beatsAll) winsIn[b].push(r.setting.name);
		}
	}
	const safe = bases.filter((b) => worst[b].difference >= DEFAULT_GUARD);
	const basis = [...safe].sort((a, b) => averageTau[b] - averageTau[a])[0] ?? 'mean';
	return { basis, safe, averageTau, worst, winsIn };
}
