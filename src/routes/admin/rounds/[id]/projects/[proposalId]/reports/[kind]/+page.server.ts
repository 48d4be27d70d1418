import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundReport } from '$lib/server/auth/guard';
import { budgetChanges } from '$lib/server/budget-changes';
import { projectReport, reviewReport } from '$lib/server/project-reports';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { reviewSchema } from '$lib/schemas/reports';
import { moveAllowed } from '$lib/domain/project-reports';
import { newSubmissionKey, once } from '$lib/server/submissions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round, kind, proposalId, project } = await requireRoundReport(event);
	// Null before the agreement is signed: nothing to report on yet.
	const current = await projectReport(getDb(), proposalId, kind);
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone },
		project: { id: proposalId, title: project.title, organisation: project.organisation },
		kind,
		report: current?.report ?? null,
		// The budget changes beside the report (its spending table already reads the budget they made).
		budgetChanges: current ? (await budgetChanges(getDb(), proposalId)).changes : [],
		reviewable: !!current && moveAllowed('accept', current.report.status),
		done: event.url.searchParams.get('done'),
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	review: once(async (event) => {
		const { user, round, kind, proposalId } = await requireRoundReport(event);
		const values = formValues(await event.request.formData());
		const parsed = reviewSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await reviewReport(getDb(), { proposalId, roundId: round.id, kind, decision: parsed.data.decision, comment: parsed.data.comment, actorId: user.id });
		if (!result.ok) return fail(httpStatus(result) === 404 ? 404 : 400, { values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/projects/${proposalId}/reports/${kind}?done=${parsed.data.decision}`);
	})
};
