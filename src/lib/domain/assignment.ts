/**
 * Automatic assignment of reviewers to proposals: k reviewers per proposal, loads balanced across
 * the panel, conflicts never assigned, reviewers whose expertise matches preferred. Pure: the
 * server module gathers the inputs and writes the result.
 */

export interface AssignmentProposal {
	id: number;
	categories: readonly string[];
}

export interface AssignmentReviewer {
	id: number;
	expertise: readonly string[];
}

export interface AssignmentInput {
	proposals: readonly AssignmentProposal[];
	reviewers: readonly AssignmentReviewer[];
	/** Reviewers per proposal. */
	perProposal: number;
	/** Assignments that stay as they are (reviews started, or simply made before); they count toward loads. */
	existing: readonly { proposalId: number; reviewerId: number }[];
	/** Whether the reviewer must not review the proposal (回避). */
	conflicted: (reviewerId: number, proposalId: number) => boolean;
}

export interface AssignmentPlan {
	/** New assignments to make. */
	added: { proposalId: number; reviewerId: number }[];
	/** Proposals left with fewer than `perProposal` reviewers because too few are free of conflicts. */
	short: { proposalId: number; missing: number }[];
}

const key = (proposalId: number, reviewerId: number) => `${proposalId}:${reviewerId}`;

export function autoAssign(input: AssignmentInput): AssignmentPlan {
	const { proposals, reviewers, perProposal, conflicted } = input;
	const reviewerIds = new Set(reviewers.map((r) => r.id));
	const load = new Map<number, number>(reviewers.map((r) => [r.id, 0]));
	const taken = new Set<string>();
	const onProposal = new Map<number, number>(proposals.map((p) => [p.id, 0]));
	for (const e of input.existing) {
		taken.add(key(e.proposalId, e.reviewerId));
		if (load.has(e.reviewerId)) load.set(e.reviewerId, load.get(e.reviewerId)! + 1);
		onProposal.set(e.proposalId, (onProposal.get(e.proposalId) ?? 0) + 1);
	}
	const expertise = new Map(reviewers.map((r) => [r.id, new Set(r.expertise)]));
	const matches = (reviewerId: number, p: AssignmentProposal) =>
		p.categories.some((c) => expertise.get(reviewerId)!.has(c));

	const free = new Map<number, number[]>();
	for (const p of proposals) {
		free.set(
			p.id,
			reviewers.filter((r) => !taken.has(key(p.id, r.id)) && !conflicted(r.id, p.id)).map((r) => r.id)
		);
	}
	// The most constrained proposals first, so that the few reviewers they may have are still free.
	const order = [...proposals].sort((a, b) => free.get(a.id)!.length - free.get(b.id)!.length || a.id - b.id);

	const added: AssignmentPlan['added'] = [];
	const short: AssignmentPlan['short'] = [];
	for (const p of order) {
		const need = Math.max(0, perProposal - onProposal.get(p.id)!);
		if (need === 0) continue;
		// Least loaded first; among equals an expert first; then by id for a stable result.
		const candidates = [...free.get(p.id)!].sort(
			(a, b) =>
				load.get(a)! - load.get(b)! || Number(matches(b, p)) - Number(matches(a, p)) || a - b
		);
		const chosen = candidates.slice(0, need);
		for (const r of chosen) {
			added.push({ proposalId: p.id, reviewerId: r });
			taken.add(key(p.id, r));
			load.set(r, load.get(r)! + 1);
		}
		if (chosen.length < need) short.push({ proposalId: p.id, missing: need - chosen.length });
	}

	rebalance(added, load, taken, conflicted, reviewerIds);
	return { added, short };
}

/**
 * Greedy choice can leave loads more than one apart when conflicts narrow the choice; move new
 * assignments from the most to the least loaded reviewer while a legal move exists.
 */
function rebalance(
	added: { proposalId: number; reviewerId: number }[],
	load: Map<number, number>,
	taken: Set<string>,
	conflicted: AssignmentInput['conflicted'],
	reviewerIds: Set<number>
) {
	for (let guard = 0; guard < added.length * 2 + 10; guard++) {
		const sorted = [...reviewerIds].sort((a, b) => load.get(a)! - load.get(b)! || a - b);
		const low = sorted[0];
		const high = sorted[sorted.length - 1];
		if (low === undefined || load.get(high)! - load.get(low)! <= 1) return;
		let moved = false;
		// Try every over-loaded reviewer against every under-loaded one, heaviest and lightest first.
		outer: for (const from of [...sorted].reverse()) {
			for (const to of sorted) {
				if (load.get(from)! - load.get(to)! <= 1) break;
				const i = added.findIndex(
					(a) => a.reviewerId === from && !taken.has(key(a.proposalId, to)) && !conflicted(to, a.proposalId)
				);
				if (i === -1) continue;
				const a = added[i];
				taken.delete(key(a.proposalId, from));
				taken.add(key(a.proposalId, to));
				added[i] = { proposalId: a.proposalId, reviewerId: to };
				load.set(from, load.get(from)! - 1);
				load.set(to, load.get(to)! + 1);
				moved = true;
				break outer;
			}
		}
		if (!moved) return;
	}
}

/** Each reviewer's number of assignments, for checks and the progress page. */
export function loads(
	assignments: readonly { reviewerId: number }[],
	reviewerIds: readonly number[]
): Map<number, number> {
	const out = new Map<number, number>(reviewerIds.map((id) => [id, 0]));
	for (const a of assignments) out.set(a.reviewerId, (out.get(a.reviewerId) ?? 0) + 1);
	return out;
}
