import { fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { getDb } from '$lib/server/db';
import { requireRoundReport } from '$lib/server/auth/guard';
import { projectReport } from '$lib/server/project-reports';
import { assignEvaluator, evaluationForAdmin, evaluatorCandidates, overrideWithheld, unassignEvaluator } from '$lib/server/evaluations';
import { httpStatus, type Outcome } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { evaluationAdminSchemas } from '$lib/schemas/evaluation';
import { EVALUATION_RUBRIC } from '$lib/domain/evaluation';
import { newSubmissionKey, once } from '$lib/server/submissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round, kind, proposalId, project } = await requireRoundReport(event);
	const db = getDb();
	const report = (await projectReport(db, proposalId, kind))?.report ?? null;
	const evaluation = await evaluationForAdmin(db, proposalId, kind);
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone },
		project: { id: proposalId, title: project.title, organisation: project.organisation },
		kind,
		reportAccepted: report?.status === 'accepted',
		evaluation,
		rubric: EVALUATION_RUBRIC,
		candidates: evaluation.outcome.grade ? [] : (await evaluatorCandidates(db, proposalId)).filter((c) => !evaluation.evaluators.some((e) => e.evaluatorId === c.id)),
		done: event.url.searchParams.get('done'),
		submissionKey: newSubmissionKey()
	};
};

type Action = keyof typeof evaluationAdminSchemas;
type Input<K extends Action> = z.output<(typeof evaluationAdminSchemas)[K]>;
type Base = { proposalId: number; roundId: number; kind: 'midterm' | 'final'; actorId: number };

/** One action: the round's admin → the form's schema → the evaluation's rule → back to the page. */
function evaluationAction<K extends Action>(action: K, run: (data: Input<K>, base: Base) => Promise<Outcome<unknown>>) {
	return once(async (event: RequestEvent) => {
		const { user, round, kind, proposalId } = await requireRoundReport(event);
		const values = formValues(await event.request.formData());
		const parsed = evaluationAdminSchemas[action].safeParse(values);
		if (!parsed.success) return fail(400, { action, values, errors: fieldErrors(parsed.error) });
		const result = await run(parsed.data as Input<K>, { proposalId, roundId: round.id, kind, actorId: user.id });
		if (!result.ok) return fail(httpStatus(result) === 404 ? 404 : 400, { action, values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/projects/${proposalId}/evaluation/${kind}?done=${action}`);
	});
}

export const actions: Actions = {
	assign: evaluationAction('assign', (d, base) => assignEvaluator(getDb(), { ...base, evaluatorId: d.evaluatorId })),
	unassign: evaluationAction('unassign', (d, base) => unassignEvaluator(getDb(), { ...base, assignmentId: d.assignmentId })),
	override: evaluationAction('override', (d, base) => overrideWithheld(getDb(), { ...base, reason: d.reason }))
};
