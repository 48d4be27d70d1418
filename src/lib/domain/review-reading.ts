/**
 * How reviews are read after they are written: the reviewer's pseudonym within a round, the
 * spread of a criterion's scores, and the per-criterion averages the applicant is told.
 */

/** A reviewer of the round and the first assignment they received in it. */
export interface RoundReviewer {
	reviewerId: number;
	/** The id of the reviewer's first assignment in the round (ids grow with time). */
	firstAssignmentId: number;
}

/** A, B, … Z, AA, AB, … : the letter of the n-th (0-based) reviewer. */
export function pseudonymLetter(n: number): string {
	let letters = '';
	for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
	return letters;
}

/**
 * Each reviewer's pseudonym letter in the round, the same on every proposal of the round: the
 * reviewers in the order they were first assigned (then by id), lettered A, B, C… The order
 * depends on nothing but the round's own assignments, so any page (the admin's reading of
 * reviews, the panel's discussion, the decision record) gets the same letter for the same person.
 */
export function reviewerPseudonyms(reviewers: readonly RoundReviewer[]): Map<number, string> {
	const first = new Map<number, number>();
	for (const r of reviewers) {
		const seen = first.get(r.reviewerId);
		if (seen === undefined || r.firstAssignmentId < seen) first.set(r.reviewerId, r.firstAssignmentId);
	}
	const ordered = [...first].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
	return new Map(ordered.map(([reviewerId], i) => [reviewerId, pseudonymLetter(i)]));
}

/**
 * Reviewers disagree on a criterion when their highest and lowest scores lie this share of the
 * scale apart or more: 4 points on a 0–10 criterion, about two bands of the rubric.
 */
export const CRITERION_DISAGREEMENT_SHARE = 0.4;

export interface CriterionSpread {
	count: number;
	min: number | null;
	max: number | null;
	mean: number | null;
	/** max − min; 0 with fewer than two scores. */
	spread: number;
	disagreement: boolean;
}

/** The spread of the scores one criterion received on one proposal. */
export function criterionSpread(scores: readonly number[], scaleMax: number, share = CRITERION_DISAGREEMENT_SHARE): CriterionSpread {
	if (scores.length === 0) return { count: 0, min: null, max: null, mean: null, spread: 0, disagreement: false };
	const min = Math.min(...scores);
	const max = Math.max(...scores);
	const spread = max - min;
	return {
		count: scores.length,
		min,
		max,
		mean: scores.reduce((a, b) => a + b, 0) / scores.length,
		spread,
		disagreement: scores.length >= 2 && scaleMax > 0 && spread >= share * scaleMax
	};
}
