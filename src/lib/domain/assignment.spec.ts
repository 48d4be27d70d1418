import { describe, expect, it } from 'vitest';
import { autoAssign, loads, type AssignmentProposal, type AssignmentReviewer } from './assignment';

/** A small seeded generator, so generated panels are the same on every run. */
function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CATEGORIES = ['长者', '青少年', '儿童', '残障', '困境家庭', '社区矫正', '禁毒', '来穗人员', '社区环境', '邻里互助'];

function generated(proposalCount: number, reviewerCount: number, seed = 1) {
	const random = rng(seed);
	const pick = () => CATEGORIES[Math.floor(random() * CATEGORIES.length)];
	// Proposals belong to 180 organisations; a fifth of reviewers work for one of them.
	const proposals = Array.from({ length: proposalCount }, (_, i) => ({
		id: i + 1,
		categories: [pick()],
		organisationId: 1 + Math.floor(random() * 180)
	}));
	const reviewers = Array.from({ length: reviewerCount }, (_, i) => ({
		id: 10_000 + i,
		expertise: [pick(), pick()],
		organisationId: random() < 0.2 ? 1 + Math.floor(random() * 180) : null
	}));
	// Declared conflicts on top: about 1 % of pairs.
	const declared = new Set<string>();
	for (const p of proposals) for (const r of reviewers) if (random() < 0.01) declared.add(`${p.id}:${r.id}`);
	const orgOf = new Map(reviewers.map((r) => [r.id, r.organisationId]));
	const orgOfProposal = new Map(proposals.map((p) => [p.id, p.organisationId]));
	const conflicted = (reviewerId: number, proposalId: number) =>
		orgOf.get(reviewerId) === orgOfProposal.get(proposalId) || declared.has(`${proposalId}:${reviewerId}`);
	return { proposals, reviewers, conflicted };
}

function check(
	plan: { added: { proposalId: number; reviewerId: number }[] },
	proposals: readonly AssignmentProposal[],
	reviewers: readonly AssignmentReviewer[],
	k: number,
	conflicted: (r: number, p: number) => boolean,
	existing: { proposalId: number; reviewerId: number }[] = []
) {
	const all = [...existing, ...plan.added];
	const pairs = new Set(all.map((a) => `${a.proposalId}:${a.reviewerId}`));
	expect(pairs.size, 'no reviewer twice on one proposal').toBe(all.length);
	expect(plan.added.filter((a) => conflicted(a.reviewerId, a.proposalId))).toEqual([]);
	const perProposal = new Map<number, number>();
	for (const a of all) perProposal.set(a.proposalId, (perProposal.get(a.proposalId) ?? 0) + 1);
	expect(proposals.filter((p) => perProposal.get(p.id) !== k).map((p) => p.id)).toEqual([]);
	const l = [...loads(all, reviewers.map((r) => r.id)).values()];
	return { min: Math.min(...l), max: Math.max(...l) };
}

describe('auto-assignment', () => {
	it('gives every proposal k reviewers, balances loads within one and never assigns a conflict', () => {
		const proposals = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, categories: ['长者'] }));
		const reviewers = Array.from({ length: 4 }, (_, i) => ({ id: 100 + i, expertise: [] }));
		const conflicted = (r: number, p: number) => r === 100 && p <= 3;
		const plan = autoAssign({ proposals, reviewers, perProposal: 2, existing: [], conflicted });
		const { min, max } = check(plan, proposals, reviewers, 2, conflicted);
		expect(max - min).toBeLessThanOrEqual(1);
		expect(plan.short).toEqual([]);
	});

	it('prefers reviewers whose expertise matches the proposal among equally loaded ones', () => {
		const proposals = [{ id: 1, categories: ['禁毒'] }];
		const reviewers = [
			{ id: 1, expertise: ['长者'] },
			{ id: 2, expertise: ['禁毒'] },
			{ id: 3, expertise: [] }
		];
		const plan = autoAssign({ proposals, reviewers, perProposal: 1, existing: [], conflicted: () => false });
		expect(plan.added).toEqual([{ proposalId: 1, reviewerId: 2 }]);
	});

	it('keeps existing assignments, tops up to k and counts them toward loads', () => {
		const proposals = [{ id: 1, categories: [] }, { id: 2, categories: [] }];
		const reviewers = [1, 2, 3].map((id) => ({ id, expertise: [] }));
		const existing = [
			{ proposalId: 1, reviewerId: 1 },
			{ proposalId: 2, reviewerId: 1 }
		];
		const plan = autoAssign({ proposals, reviewers, perProposal: 2, existing, conflicted: () => false });
		expect(plan.added).toEqual([
			{ proposalId: 1, reviewerId: 2 },
			{ proposalId: 2, reviewerId: 3 }
		]);
		const again = autoAssign({
			proposals,
			reviewers,
			perProposal: 2,
			existing: [...existing, ...plan.added],
			conflicted: () => false
		});
		expect(again).toEqual({ added: [], short: [] });
	});

	it('reports proposals that cannot get k conflict-free reviewers instead of breaking the rule', () => {
		const proposals = [{ id: 1, categories: [] }];
		const reviewers = [1, 2, 3].map((id) => ({ id, expertise: [] }));
		const plan = autoAssign({ proposals, reviewers, perProposal: 3, existing: [], conflicted: (r) => r === 2 });
		expect(plan.added.map((a) => a.reviewerId).sort()).toEqual([1, 3]);
		expect(plan.short).toEqual([{ proposalId: 1, missing: 1 }]);
	});

	it('handles an empty panel and no proposals', () => {
		expect(autoAssign({ proposals: [], reviewers: [], perProposal: 5, existing: [], conflicted: () => false })).toEqual({
			added: [],
			short: []
		});
		const plan = autoAssign({ proposals: [{ id: 1, categories: [] }], reviewers: [], perProposal: 5, existing: [], conflicted: () => false });
		expect(plan).toEqual({ added: [], short: [{ proposalId: 1, missing: 5 }] });
	});

	it('assigns 2,000 proposals to 60 reviewers, 5 each, balanced and conflict-free', () => {
		const { proposals, reviewers, conflicted } = generated(2000, 60, 7);
		const started = performance.now();
		const plan = autoAssign({ proposals, reviewers, perProposal: 5, existing: [], conflicted });
		const ms = performance.now() - started;
		const { min, max } = check(plan, proposals, reviewers, 5, conflicted);
		expect(plan.short).toEqual([]);
		expect(max - min).toBeLessThanOrEqual(1);
		const experts = plan.added.filter((a) => {
			const p = proposals[a.proposalId - 1];
			return reviewers.find((r) => r.id === a.reviewerId)!.expertise.some((e) => p.categories.includes(e));
		}).length;
		console.info(
			`auto-assign 2000×60 k=5: ${ms.toFixed(0)} ms, loads ${min}–${max}, ${plan.added.length} assignments, ` +
				`${((experts / plan.added.length) * 100).toFixed(1)} % by a matching expert`
		);
	});

	it('re-run after reviews started on a generated round adds nothing and moves nothing', () => {
		const { proposals, reviewers, conflicted } = generated(300, 20, 3);
		const first = autoAssign({ proposals, reviewers, perProposal: 5, existing: [], conflicted });
		const again = autoAssign({ proposals, reviewers, perProposal: 5, existing: first.added, conflicted });
		expect(again.added).toEqual([]);
	});
});
