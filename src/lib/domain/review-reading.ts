/**
 * How reviews are read after they are written: the spread of a criterion's scores, and the
 * per-criterion averages the applicant is told (the reviewer's pseudonym is pseudonyms.ts).
 */

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
