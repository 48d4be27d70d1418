/**
 * Evaluation of a funded project (中期评估 / 结项评估): evaluators score an accepted report on the
 * evaluation rubric, each score to a weighted total, the evaluators' totals to one grade
 * (优秀 / 良好 / 合格 / 不合格). Pure rules over what the server read.
 *
 * How several evaluators combine: the grade is that of the MEAN of their weighted totals (not
 * the most common grade, which a two-evaluator split could not decide), and it is decided only
 * once every evaluator assigned to the report has submitted: a grade never moves after the
 * public has seen it because a late evaluator came in. Totals are kept in hundredths of a
 * point, whole numbers, so a mean on a boundary (80.00) grades the same on every engine.
 */
/** The report evaluated ('midterm' or 'final': project-reports' ReportKind, not imported, which would close an import circle through project-lifecycle). */
type ReportKind = 'midterm' | 'final';

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';
/** Best first, as the stats and the pages list them. */
export const GRADES: readonly Grade[] = ['excellent', 'good', 'pass', 'fail'];

export interface EvaluationCriterion {
	key: 'goals' | 'feedback' | 'budget' | 'documentation' | 'sustainability';
	weight: number;
}

/**
 * The default evaluation rubric (weights add up to 100; each criterion scored 0–10): goals
 * achieved, beneficiaries' feedback, budget execution, documentation, sustainability. Defined
 * once here; a round-specific rubric would replace this list, not the rules below.
 */
export const EVALUATION_RUBRIC: readonly EvaluationCriterion[] = [
	{ key: 'goals', weight: 30 },
	{ key: 'feedback', weight: 20 },
	{ key: 'budget', weight: 20 },
	{ key: 'documentation', weight: 15 },
	{ key: 'sustainability', weight: 15 }
];
export const EVALUATION_SCALE_MAX = 10;

/** The lowest total (0–100) of each grade: 90 优秀, 80 良好, 60 合格, below 60 不合格. */
export const GRADE_FLOORS: Readonly<Record<Exclude<Grade, 'fail'>, number>> = { excellent: 90, good: 80, pass: 60 };

export type EvaluationScores = Partial<Record<EvaluationCriterion['key'], number>>;

/** Why a set of scores cannot be submitted: a criterion missing or not a whole number 0–10; null when it can. */
export function scoresRefusal(scores: EvaluationScores, rubric: readonly EvaluationCriterion[] = EVALUATION_RUBRIC): { key: string; why: 'missing' | 'range' } | null {
	for (const c of rubric) {
		const s = scores[c.key];
		if (s === undefined || s === null) return { key: c.key, why: 'missing' };
		if (!Number.isInteger(s) || s < 0 || s > EVALUATION_SCALE_MAX) return { key: c.key, why: 'range' };
	}
	return null;
}

/** One evaluator's weighted total in hundredths of a point (0–10,000): Σ score/10 × weight. */
export function totalHundredths(scores: EvaluationScores, rubric: readonly EvaluationCriterion[] = EVALUATION_RUBRIC): number {
	return rubric.reduce((sum, c) => sum + (scores[c.key] ?? 0) * c.weight * (100 / EVALUATION_SCALE_MAX), 0);
}

/** The grade of a total in hundredths of a point. */
export function gradeOf(totalHundredths: number): Grade {
	if (totalHundredths >= GRADE_FLOORS.excellent * 100) return 'excellent';
	if (totalHundredths >= GRADE_FLOORS.good * 100) return 'good';
	if (totalHundredths >= GRADE_FLOORS.pass * 100) return 'pass';
	return 'fail';
}

export interface EvaluationOutcome {
	assigned: number;
	submitted: number;
	/** The mean of the submitted totals in hundredths, rounded half up; null before all are in. */
	meanHundredths: number | null;
	grade: Grade | null;
}

/**
 * The report's evaluation from its evaluators' totals (null for one not submitted yet): graded
 * once at least one is assigned and all of them have submitted.
 */
export function combineEvaluations(totals: readonly (number | null)[]): EvaluationOutcome {
	const submitted = totals.filter((t): t is number => t !== null);
	const done = totals.length > 0 && submitted.length === totals.length;
	const meanHundredths = done ? Math.round(submitted.reduce((a, b) => a + b, 0) / submitted.length) : null;
	return { assigned: totals.length, submitted: submitted.length, meanHundredths, grade: meanHundredths === null ? null : gradeOf(meanHundredths) };
}

/**
 * Whether the last tranche (the one behind the final report) is withheld: the final evaluation
 * graded 不合格 and no admin has overridden it with a reason. A mid-term 不合格 warns, it does not
 * withhold (the mid-term tranche is released by the report's acceptance, before any evaluation).
 */
export function lastTrancheWithheld(finalGrade: Grade | null, overridden: boolean): boolean {
	return finalGrade === 'fail' && !overridden;
}

/** The grade the public sees for a project: the final evaluation's once graded, else the mid-term's. */
export function publicGrade(grades: Partial<Record<ReportKind, Grade | null>>): { kind: ReportKind; grade: Grade } | null {
	if (grades.final) return { kind: 'final', grade: grades.final };
	if (grades.midterm) return { kind: 'midterm', grade: grades.midterm };
	return null;
}
