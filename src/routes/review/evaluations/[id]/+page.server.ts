import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { declareEvaluationConflict, evaluationForEvaluator, submitEvaluation } from '$lib/server/evaluations';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { evaluationSchema, scoresOf } from '$lib/schemas/evaluation';
import { conflictSchema } from '$lib/schemas/review';
import { newSubmissionKey, once } from '$lib/server/submissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function assignmentId(event: Pick<RequestEvent, 'params'>): number {
	return /^\d{1,12}$/.test(event.params.id) ? Number(event.params.id) : 0;
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'reviewer');
	// Someone else's evaluation, or one the evaluator has a conflict with: the same 404 as no such id.
	const view = await evaluationForEvaluator(getDb(), assignmentId(event), user.id);
	if (!view) error(404, 'not found');
	return { ...view, done: event.url.searchParams.has('done'), submissionKey: newSubmissionKey() };
};

export const actions: Actions = {
	submit: once(async (event) => {
		const user = requireRole(event, 'reviewer');
		const id = assignmentId(event);
		// Checked before the form is read, so a conflicted evaluator learns nothing from its errors.
		if (!(await evaluationForEvaluator(getDb(), id, user.id))) error(404, 'not found');
		const values = formValues(await event.request.formData());
		const parsed = evaluationSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'submit', values, errors: fieldErrors(parsed.error) });
		const result = await submitEvaluation(getDb(), { assignmentId: id, evaluatorId: user.id, scores: scoresOf(parsed.data), comment: parsed.data.comment });
		if (!result.ok) {
			if (httpStatus(result) === 404) error(404, 'not found');
			return fail(400, { action: 'submit', values, errors: result.errors });
		}
		redirect(303, `/review/evaluations/${id}?done`);
	}),
	conflict: once(async (event) => {
		const user = requireRole(event, 'reviewer');
		const id = assignmentId(event);
		if (!(await evaluationForEvaluator(getDb(), id, user.id))) error(404, 'not found');
		const values = formValues(await event.request.formData());
		const parsed = conflictSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'conflict', values, errors: fieldErrors(parsed.error) });
		const result = await declareEvaluationConflict(getDb(), { assignmentId: id, evaluatorId: user.id, reason: parsed.data.reason });
		if (!result.ok) {
			if (httpStatus(result) === 404) error(404, 'not found');
			return fail(400, { action: 'conflict', values, errors: result.errors });
		}
		redirect(303, '/review/evaluations?declared');
	})
};
