/**
 * Automatic assignment of reviewers to proposals, solved exactly as a min-cost flow. In order of
 * priority, it
 * 1. gives every proposal k reviewers, never a conflicted one (回避) nor one twice, as far as
 *    conflicts allow (a maximum flow);
 * 2. balances the reviewers' loads, kept assignments included: the loads minimise the sum of
 *    squares, which on this kind of problem also minimises the highest load and maximises the
 *    lowest (max − min ≤ 1 whenever conflicts and kept assignments allow);
 * 3. gives each reviewer a share of reviews outside their own categories (`crossCategoryShare`),
 *    so that every category's reviewers also score other categories' proposals: otherwise a
 *    reviewer's leniency cannot be told apart from a category's real quality;
 * 4. and within all that, maximises the reviews by a reviewer whose expertise matches.
 *
 * Pure and deterministic: the same input (in any order) gives the same plan.
 *
 * How it is solved: successive shortest paths with potentials, on the residual network of
 * source → proposal → reviewer → sink. Proposal nodes are eliminated: a path goes from reviewer
 * to reviewer by handing one of the first reviewer's new proposals to the second, so Dijkstra
 * runs over the reviewers only (3 nodes each), and the proposals that can be handed over are
 * kept in buckets per pair of reviewers. Each reviewer→sink arc costs more per unit of load
 * (convex), with a step large enough that balance always outweighs expertise; all shortest
 * paths of one length are augmented in one phase, Dinic-style.
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
	/**
	 * The share of each reviewer's load to give outside their expertise (floor(share × target
	 * load) reviews), when other reviewers' experts are not needed for it. Default
	 * `CROSS_CATEGORY_SHARE`; 0 for none.
	 */
	crossCategoryShare?: number;
}

/** Chosen with the ranking evaluation (bench/ranking.md): enough to link categories, little lost expertise. */
export const CROSS_CATEGORY_SHARE = 0.2;

export interface ReviewerLoad {
	reviewerId: number;
	/** Assignments after the plan, kept ones included. */
	load: number;
	/** Of which kept from before. */
	kept: number;
	/** New assignments whose proposal matches the reviewer's expertise. */
	matched: number;
}

/** Why the loads could not be balanced within one. */
export interface Imbalance {
	/** The reviewers carrying the top loads: nothing they were given can go to anyone else. */
	heavyReviewerIds: number[];
	/** The reviewers two or more below the top load. */
	lightReviewerIds: number[];
	/** Of the heavy ones, those whose kept assignments alone reach the top load minus one. */
	keptReviewerIds: number[];
	/** New assignments of the heavy reviewers: each proposal's other reviewers are conflicted or already on it. */
	lockedProposalIds: number[];
}

export interface AssignmentReport {
	loads: ReviewerLoad[];
	minLoad: number;
	maxLoad: number;
	/** maxLoad − minLoad; at most 1 unless `imbalance` says why. */
	spread: number;
	imbalance: Imbalance | null;
	/** New assignments, and how many by a matching expert. */
	added: number;
	matched: number;
	/** New assignments outside the reviewer's expertise (the cross-category share at work). */
	crossCategory: number;
	crossCategoryShare: number;
}

export interface AssignmentPlan {
	/** New assignments to make, by proposal then reviewer. */
	added: { proposalId: number; reviewerId: number }[];
	/** Proposals left with fewer than `perProposal` reviewers because too few are free of conflicts. */
	short: { proposalId: number; missing: number }[];
	report: AssignmentReport;
}

/** Per-unit costs of a new review: by an expert within the reviewer's expert quota, outside their expertise, beyond the quota. */
const COST_EXPERT = 0;
const COST_CROSS = 2;
const COST_EXPERT_OVER_QUOTA = 3;

const E = 0;
const N = 1;

export function autoAssign(input: AssignmentInput): AssignmentPlan {
	const proposals = [...new Map(input.proposals.map((p) => [p.id, p])).values()].sort((a, b) => a.id - b.id);
	const reviewers = [...new Map(input.reviewers.map((r) => [r.id, r])).values()].sort((a, b) => a.id - b.id);
	const share = Math.min(1, Math.max(0, input.crossCategoryShare ?? CROSS_CATEGORY_SHARE));
	const P = proposals.length;
	const R = reviewers.length;
	const pIndex = new Map(proposals.map((p, i) => [p.id, i]));
	const rIndex = new Map(reviewers.map((r, i) => [r.id, i]));
	// Categories as small numbers, so that matching a pair is a lookup in a typed array.
	const category = new Map<string, number>();
	const categoriesOf = proposals.map((p) => [...new Set(p.categories)].map((c) => category.get(c) ?? (category.set(c, category.size), category.size - 1)));
	const knows = new Uint8Array(R * category.size);
	reviewers.forEach((r, i) => {
		for (const c of r.expertise) if (category.has(c)) knows[i * category.size + category.get(c)!] = 1;
	});
	const expert = new Uint8Array(P * R);
	for (let p = 0; p < P; p++) {
		for (let r = 0; r < R; r++) {
			for (const c of categoriesOf[p]) if (knows[r * category.size + c]) expert[p * R + r] = 1;
		}
	}

	const kept = new Int32Array(R);
	const keptExpert = new Int32Array(R);
	const need = new Int32Array(P).fill(Math.max(0, input.perProposal));
	const free = new Uint8Array(P * R).fill(1);
	const keptPair = new Set<string>();
	for (const e of input.existing) {
		const key = `${e.proposalId}:${e.reviewerId}`;
		if (keptPair.has(key)) continue;
		keptPair.add(key);
		const p = pIndex.get(e.proposalId);
		const r = rIndex.get(e.reviewerId);
		if (p !== undefined) need[p] = Math.max(0, need[p] - 1);
		if (r !== undefined) {
			kept[r]++;
			if (p !== undefined) {
				free[p * R + r] = 0;
				if (expert[p * R + r]) keptExpert[r]++;
			}
		}
	}
	for (let p = 0; p < P; p++) {
		for (let r = 0; r < R; r++) {
			if (free[p * R + r] && input.conflicted(reviewers[r].id, proposals[p].id)) free[p * R + r] = 0;
		}
	}

	let demand = 0;
	for (let p = 0; p < P; p++) demand += need[p];
	let keptTotal = 0;
	for (let r = 0; r < R; r++) keptTotal += kept[r];
	const targetLoad = R > 0 ? Math.ceil((keptTotal + demand) / R) : 0;
	const expertQuota = new Float64Array(R).fill(Infinity);
	if (share > 0) {
		for (let r = 0; r < R; r++) expertQuota[r] = Math.max(0, targetLoad - Math.floor(share * targetLoad) - keptExpert[r]);
	}

	const state = new FlowState(P, R, need, free, expert, kept, expertQuota, demand);
	state.solve();

	const added: AssignmentPlan['added'] = [];
	for (let p = 0; p < P; p++) {
		for (const s of state.slotsOf[p]) added.push({ proposalId: proposals[p].id, reviewerId: reviewers[state.slotR[s]].id });
	}
	added.sort((a, b) => a.proposalId - b.proposalId || a.reviewerId - b.reviewerId);
	const short: AssignmentPlan['short'] = [];
	for (let p = 0; p < P; p++) if (state.need[p] > 0) short.push({ proposalId: proposals[p].id, missing: state.need[p] });

	return { added, short, report: reportOf(state, proposals, reviewers, share) };
}

function reportOf(
	state: FlowState,
	proposals: readonly AssignmentProposal[],
	reviewers: readonly AssignmentReviewer[],
	share: number
): AssignmentReport {
	const R = reviewers.length;
	const loads: ReviewerLoad[] = reviewers.map((r, i) => ({
		reviewerId: r.id,
		load: state.load(i),
		kept: state.kept[i],
		matched: state.used[i * 2 + E]
	}));
	const values = loads.map((l) => l.load);
	const minLoad = R ? Math.min(...values) : 0;
	const maxLoad = R ? Math.max(...values) : 0;
	let matched = 0;
	let addedCount = 0;
	for (let r = 0; r < R; r++) {
		matched += state.used[r * 2 + E];
		addedCount += state.used[r * 2 + E] + state.used[r * 2 + N];
	}
	let imbalance: Imbalance | null = null;
	if (maxLoad - minLoad > 1) {
		// Everyone new work of a top-loaded reviewer could be handed to, directly or along a chain.
		const heavy = new Set<number>();
		const queue: number[] = [];
		for (let r = 0; r < R; r++) if (values[r] === maxLoad) (heavy.add(r), queue.push(r));
		while (queue.length) {
			const i = queue.pop()!;
			for (let j = 0; j < R; j++) if (!heavy.has(j) && state.canHandOver(i, j)) (heavy.add(j), queue.push(j));
		}
		const locked = new Set<number>();
		for (const i of heavy) for (const s of state.slotsAt(i)) locked.add(proposals[state.slotP[s]].id);
		const ids = (set: Iterable<number>) => [...set].map((i) => reviewers[i].id).sort((a, b) => a - b);
		imbalance = {
			heavyReviewerIds: ids(heavy),
			lightReviewerIds: ids(values.flatMap((v, i) => (v <= maxLoad - 2 ? [i] : []))),
			keptReviewerIds: ids([...heavy].filter((i) => state.kept[i] >= maxLoad - 1)),
			lockedProposalIds: [...locked].sort((a, b) => a - b)
		};
	}
	return {
		loads,
		minLoad,
		maxLoad,
		spread: maxLoad - minLoad,
		imbalance,
		added: addedCount,
		matched,
		crossCategory: addedCount - matched,
		crossCategoryShare: share
	};
}

/**
 * The residual network with proposals eliminated. Nodes: the source (0), the sink (1), and per
 * reviewer r three: in(r, E) receives proposals r is an expert for, in(r, N) the others, and
 * agg(r) collects both and leads to the sink. A new assignment is a slot (proposal, reviewer).
 */
class FlowState {
	readonly V: number;
	/** Slots (new assignments): proposal, reviewer, whether alive. */
	slotP: number[] = [];
	slotR: number[] = [];
	private freeSlots: number[] = [];
	/** Per proposal: its live slots. */
	slotsOf: number[][];
	/** slot + 1 of the new assignment (p, r), or 0. */
	private at: Int32Array;
	/** New assignments per reviewer and kind (r * 2 + E|N). */
	used: Int32Array;
	/**
	 * hand[((i * R + j) * 2 + A) * 2 + C]: slots at reviewer i of kind A whose proposal reviewer j
	 * may take, as kind C. handPos[s * R + j]: the slot's place in its bucket toward j, or −1.
	 */
	private hand: number[][];
	private handPos: Int32Array;
	/** start[j * 2 + C]: proposals still needing reviewers that j may take, as kind C; startPos[p * R + j]. */
	private start: number[][];
	private startPos: Int32Array;
	private potential: Float64Array;
	private readonly big: number;

	constructor(
		readonly P: number,
		readonly R: number,
		readonly need: Int32Array,
		private readonly free: Uint8Array,
		private readonly expert: Uint8Array,
		readonly kept: Int32Array,
		private readonly expertQuota: Float64Array,
		demand: number
	) {
		this.V = 2 + 3 * R;
		this.slotsOf = Array.from({ length: P }, () => []);
		this.at = new Int32Array(P * R);
		this.used = new Int32Array(R * 2);
		this.hand = Array.from({ length: R * R * 4 }, () => []);
		this.handPos = new Int32Array(Math.max(1, demand) * R).fill(-1);
		this.start = Array.from({ length: R * 2 }, () => []);
		this.startPos = new Int32Array(P * R).fill(-1);
		this.potential = new Float64Array(this.V);
		// One unit of load more anywhere must cost more than every expertise cost together.
		this.big = COST_EXPERT_OVER_QUOTA * demand + 1;
		for (let p = 0; p < P; p++) {
			if (need[p] === 0) continue;
			for (let j = 0; j < R; j++) if (free[p * R + j]) this.startAdd(p, j);
		}
	}

	load(r: number): number {
		return this.kept[r] + this.used[r * 2 + E] + this.used[r * 2 + N];
	}

	canHandOver(i: number, j: number): boolean {
		const base = (i * this.R + j) * 4;
		return this.hand[base].length + this.hand[base + 1].length + this.hand[base + 2].length + this.hand[base + 3].length > 0;
	}

	*slotsAt(r: number): Iterable<number> {
		for (let p = 0; p < this.P; p++) if (this.at[p * this.R + r]) yield this.at[p * this.R + r] - 1;
	}

	// --- buckets --------------------------------------------------------------------------------
	// A bucket is an array of items; pos[] holds each item's place in it (−1 when out), so that
	// adding and removing are O(1): a removed item's place is taken by the last one.

	private push(bucket: number[], pos: Int32Array, posIndex: number, item: number) {
		pos[posIndex] = bucket.length;
		bucket.push(item);
	}

	private pull(bucket: number[], pos: Int32Array, posIndex: number, item: number, posIndexOf: (item: number) => number) {
		const at = pos[posIndex];
		const last = bucket.pop()!;
		if (last !== item) {
			bucket[at] = last;
			pos[posIndexOf(last)] = at;
		}
		pos[posIndex] = -1;
	}

	private startAdd(p: number, j: number) {
		this.push(this.start[j * 2 + this.kindOf(p, j)], this.startPos, p * this.R + j, p);
	}

	private startRemove(p: number, j: number) {
		if (this.startPos[p * this.R + j] < 0) return;
		this.pull(this.start[j * 2 + this.kindOf(p, j)], this.startPos, p * this.R + j, p, (q) => q * this.R + j);
	}

	private kindOf(p: number, r: number): number {
		return this.expert[p * this.R + r] ? E : N;
	}

	private handBucket(s: number, j: number): number[] {
		const p = this.slotP[s];
		const i = this.slotR[s];
		return this.hand[((i * this.R + j) * 2 + this.kindOf(p, i)) * 2 + this.kindOf(p, j)];
	}

	private handAdd(s: number, j: number) {
		this.push(this.handBucket(s, j), this.handPos, s * this.R + j, s);
	}

	private handRemove(s: number, j: number) {
		if (this.handPos[s * this.R + j] < 0) return;
		this.pull(this.handBucket(s, j), this.handPos, s * this.R + j, s, (t) => t * this.R + j);
	}

	/** Whether proposal p could be given to reviewer j now. */
	private open(p: number, j: number): boolean {
		return this.free[p * this.R + j] === 1 && this.at[p * this.R + j] === 0;
	}

	private addSlot(p: number, j: number) {
		const s = this.freeSlots.length ? this.freeSlots.pop()! : this.slotP.length;
		this.slotP[s] = p;
		this.slotR[s] = j;
		this.at[p * this.R + j] = s + 1;
		this.used[j * 2 + this.kindOf(p, j)]++;
		this.startRemove(p, j);
		for (const other of this.slotsOf[p]) this.handRemove(other, j);
		for (let m = 0; m < this.R; m++) if (m !== j && this.open(p, m)) this.handAdd(s, m);
		this.slotsOf[p].push(s);
	}

	private removeSlot(s: number) {
		const p = this.slotP[s];
		const i = this.slotR[s];
		for (let m = 0; m < this.R; m++) this.handRemove(s, m);
		this.at[p * this.R + i] = 0;
		this.used[i * 2 + this.kindOf(p, i)]--;
		const list = this.slotsOf[p];
		list.splice(list.indexOf(s), 1);
		for (const other of list) this.handAdd(other, i);
		if (this.need[p] > 0) this.startAdd(p, i);
		this.freeSlots.push(s);
	}

	private served(p: number) {
		this.need[p]--;
		if (this.need[p] === 0) for (let j = 0; j < this.R; j++) this.startRemove(p, j);
	}

	// --- the network ---------------------------------------------------------------------------
	// Node ids: 0 source, 1 sink, 2 + 3r in(r, E), 3 + 3r in(r, N), 4 + 3r agg(r).
	// Arcs of a node are numbered; `arc` gives the head and cost of arc k of u, or −1 when absent.

	private head = 0;
	private cost = 0;

	private degree(u: number): number {
		if (u === 0) return 2 * this.R;
		if (u === 1) return 0;
		return (u - 2) % 3 === 2 ? 3 : 1 + 2 * this.R;
	}

	private arc(u: number, k: number): boolean {
		const R = this.R;
		if (u === 0) {
			// source → in(j, C): a proposal still needing reviewers that j may take.
			if (this.start[k].length === 0) return false;
			this.head = 2 + 3 * (k >> 1) + (k & 1);
			this.cost = 0;
			return true;
		}
		const r = Math.floor((u - 2) / 3);
		const role = (u - 2) % 3;
		if (role === 2) {
			if (k === 0) {
				this.head = 1;
				this.cost = this.big * (this.load(r) + 1);
				return true;
			}
			if (k === 1) {
				// Undo one of r's expert reviews: one beyond the quota first.
				const e = this.used[r * 2 + E];
				if (e === 0) return false;
				this.head = u - 2;
				this.cost = e > this.expertQuota[r] ? -COST_EXPERT_OVER_QUOTA : -COST_EXPERT;
				return true;
			}
			if (this.used[r * 2 + N] === 0) return false;
			this.head = u - 1;
			this.cost = -COST_CROSS;
			return true;
		}
		if (k === 0) {
			this.head = u + (role === E ? 2 : 1);
			this.cost = role === N ? COST_CROSS : this.used[r * 2 + E] < this.expertQuota[r] ? COST_EXPERT : COST_EXPERT_OVER_QUOTA;
			return true;
		}
		// Hand one of r's new proposals of this kind to reviewer j, as kind C.
		const j = (k - 1) >> 1;
		if (j === r) return false;
		const C = (k - 1) & 1;
		if (this.hand[((r * R + j) * 2 + role) * 2 + C].length === 0) return false;
		this.head = 2 + 3 * j + C;
		this.cost = 0;
		return true;
	}

	private reduced(u: number): number {
		return this.cost + this.potential[u] - this.potential[this.head];
	}

	/** Dijkstra on reduced costs (dense: the graph has 3 nodes per reviewer); updates the potentials. */
	private shortestPaths(): boolean {
		const V = this.V;
		const dist = new Float64Array(V).fill(Infinity);
		const done = new Uint8Array(V);
		dist[0] = 0;
		for (;;) {
			let u = -1;
			for (let v = 0; v < V; v++) if (!done[v] && dist[v] < Infinity && (u < 0 || dist[v] < dist[u])) u = v;
			if (u < 0) break;
			done[u] = 1;
			const deg = this.degree(u);
			for (let k = 0; k < deg; k++) {
				if (!this.arc(u, k)) continue;
				const d = dist[u] + this.reduced(u);
				if (d < dist[this.head]) dist[this.head] = d;
			}
		}
		const toSink = dist[1];
		if (toSink === Infinity) return false;
		for (let v = 0; v < V; v++) this.potential[v] += Math.min(dist[v], toSink);
		return true;
	}

	private level = new Int32Array(0);
	private nextArc = new Int32Array(0);
	private path: { u: number; k: number }[] = [];

	/** Breadth-first levels over the admissible arcs (reduced cost 0). */
	private levels(): boolean {
		const level = new Int32Array(this.V).fill(-1);
		level[0] = 0;
		const queue = [0];
		for (let q = 0; q < queue.length; q++) {
			const u = queue[q];
			const deg = this.degree(u);
			for (let k = 0; k < deg; k++) {
				if (!this.arc(u, k) || this.reduced(u) !== 0 || level[this.head] >= 0) continue;
				level[this.head] = level[u] + 1;
				queue.push(this.head);
			}
		}
		this.level = level;
		return level[1] >= 0;
	}

	private findPath(u: number): boolean {
		if (u === 1) return true;
		const deg = this.degree(u);
		for (; this.nextArc[u] < deg; this.nextArc[u]++) {
			const k = this.nextArc[u];
			if (!this.arc(u, k) || this.reduced(u) !== 0) continue;
			const v = this.head;
			if (this.level[v] !== this.level[u] + 1) continue;
			this.path.push({ u, k });
			if (this.findPath(v)) return true;
			this.path.pop();
		}
		return false;
	}

	/** Applies one augmenting path: the first proposal is given to the first reviewer, each hop hands one on. */
	private augment() {
		const R = this.R;
		const moves: { slot: number; to: number }[] = [];
		let first: { p: number; j: number } | null = null;
		for (const { u, k } of this.path) {
			if (u === 0) {
				const bucket = this.start[k];
				first = { p: bucket[bucket.length - 1], j: k >> 1 };
				continue;
			}
			const role = (u - 2) % 3;
			if (role === 2 || k === 0) continue;
			const r = Math.floor((u - 2) / 3);
			const j = (k - 1) >> 1;
			const bucket = this.hand[((r * R + j) * 2 + role) * 2 + ((k - 1) & 1)];
			moves.push({ slot: bucket[bucket.length - 1], to: j });
		}
		const moved = moves.map((m) => ({ p: this.slotP[m.slot], to: m.to }));
		for (const m of moves) this.removeSlot(m.slot);
		for (const m of moved) this.addSlot(m.p, m.to);
		this.addSlot(first!.p, first!.j);
		this.served(first!.p);
	}

	solve() {
		while (this.shortestPaths()) {
			while (this.levels()) {
				this.nextArc = new Int32Array(this.V);
				for (;;) {
					this.path = [];
					if (!this.findPath(0)) break;
					this.augment();
				}
			}
		}
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
