import { z } from 'zod';
import { text, textOrEmpty } from './text';
import { wholeNumber } from './form';
import { REASON_MAX } from './grants';
import { EVALUATION_RUBRIC, EVALUATION_SCALE_MAX } from '../domain/evaluation';

const recordId = z.string().trim().regex(/^\d{1,12}$/, 'err.choice').transform(Number);

/** The evaluator's form: a whole 0–10 score per criterion of the rubric (`score_goals`, …) and a comment. */
const score = wholeNumber(0, EVALUATION_SCALE_MAX);
export const evaluationSchema = z.object({
	score_goals: score,
	score_feedback: score,
	score_budget: score,
	score_documentation: score,
	score_sustainability: score,
	comment: textOrEmpty(2000, { multiline: true })
});

/** The form's scores by criterion key, for submitEvaluation. */
export function scoresOf(data: z.output<typeof evaluationSchema>) {
	return Object.fromEntries(EVALUATION_RUBRIC.map((c) => [c.key, data[`score_${c.key}`]]));
}

/** The admin's actions on a report's evaluation. */
export const evaluationAdminSchemas = {
	assign: z.object({ evaluatorId: recordId }),
	unassign: z.object({ assignmentId: recordId }),
	override: z.object({ reason: text(REASON_MAX, { multiline: true }) })
};
