/** A reviewer's score on one criterion, with the criterion's weight (weights total 100). */
export interface CriterionScore {
	score: number;
	weight: number;
	scaleMax: number;
}

/** A review's weighted total on a 0–100 scale. */
export function weightedTotal(scores: readonly CriterionScore[]): number {
	let total = 0;
	for (const { score, weight, scaleMax } of scores) total += (score / scaleMax) * weight;
	return Math.round(total * 100) / 100;
}

export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Drops one highest and one lowest when there are at least five reviews; the plain mean below that. */
export function trimmedMean(values: readonly number[]): number | null {
	if (values.length < 5) return mean(values);
	const sorted = [...values].sort((a, b) => a - b);
	return mean(sorted.slice(1, -1));
}

/** The default rubric of DOMAIN.md. */
export const DEFAULT_RUBRIC = [
	{ name_zh: '需求回应', name_en: 'Answers the linked community needs', weight: 20 },
	{ name_zh: '项目设计与可行性', name_en: 'Design and feasibility', weight: 25 },
	{ name_zh: '居民参与与在地性', name_en: 'Resident participation and local roots', weight: 15 },
	{ name_zh: '预算合理性', name_en: 'Budget is reasonable', weight: 15 },
	{ name_zh: '团队能力', name_en: 'Team capacity', weight: 10 },
	{ name_zh: '资源链接与可持续', name_en: 'Leverage and sustainability', weight: 10 },
	{ name_zh: '创新性', name_en: 'Innovation', weight: 5 }
] as const;
