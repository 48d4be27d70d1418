import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { budgetChanges } from '$lib/server/budget-changes';
import { isReportKind, projectReport, reviewReport } from '$lib/server/project-reports';
import { fundedProject } from '$lib/server/grant-views';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { reviewSchema } from '$lib/schemas/reports';
import { moveAllowed } from '$lib/domain/project-reports';
import { newSubmissionKey, once } from '$lib/server/submissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The round's funded project and the report's kind, for the round's admins; 404 for anything else. */
async function reportOfRound(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const { user, round } = await requireRoundAccess(event, event.params.id);
	const kind = event.params.kind;
	const proposalId = /^\d{1,12}$/.test(event.params.proposalId) ? Number(event.params.proposalId) : 0;
	if (!isReportKind(kind)) error(404, 'not found');
	const project = await fundedProject(getDb(), proposalId);
	if (!project || project.round.id !== round.id) error(404, 'not found');
	return { user, round, kind, proposalId, project };
}

export const load: PageServerLoad = async (event) => {
	const { round, kind, proposalId, project } = await reportOfRound(event);
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
		const { user, round, kind, proposalId } = await reportOfRound(event);
		const values = formValues(await event.request.formData());
		const parsed = reviewSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await reviewReport(getDb(), { proposalId, roundId: round.id, kind, decision: parsed.data.decision, comment: parsed.data.comment, actorId: user.id });
		if (!result.ok) return fail(httpStatus(result) === 404 ? 404 : 400, { values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/projects/${proposalId}/reports/${kind}?done=${parsed.data.decision}`);
	})
};
