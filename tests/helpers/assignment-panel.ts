import { seededRandom } from '../../src/lib/domain/random';

const CATEGORIES = ['长者', '青少年', '儿童', '残障', '困境家庭', '社区矫正', '禁毒', '来穗人员', '社区环境', '邻里互助'];

/**
 * A city-like panel for the assignment: proposals of 180 organisations in one category each,
 * reviewers with two areas of expertise, a fifth of them working for one of the organisations
 * (a conflict with its proposals), and about 1 % declared conflicts on top. Seeded.
 */
export function generatedPanel(proposalCount: number, reviewerCount: number, seed = 1) {
	const random = seededRandom(seed);
	const pick = () => CATEGORIES[random.below(CATEGORIES.length)];
	const proposals = Array.from({ length: proposalCount }, (_, i) => ({
		id: i + 1,
		categories: [pick()],
		organisationId: 1 + random.below(180)
	}));
	const reviewers = Array.from({ length: reviewerCount }, (_, i) => ({
		id: 10_000 + i,
		expertise: [pick(), pick()],
		organisationId: random.uniform() < 0.2 ? 1 + random.below(180) : null
	}));
	const declared = new Set<string>();
	for (const p of proposals) for (const r of reviewers) if (random.uniform() < 0.01) declared.add(`${p.id}:${r.id}`);
	const orgOf = new Map(reviewers.map((r) => [r.id, r.organisationId]));
	const orgOfProposal = new Map(proposals.map((p) => [p.id, p.organisationId]));
	const conflicted = (reviewerId: number, proposalId: number) =>
		orgOf.get(reviewerId) === orgOfProposal.get(proposalId) || declared.has(`${proposalId}:${reviewerId}`);
	return { proposals, reviewers, conflicted };
}
