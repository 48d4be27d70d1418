import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStation } from '$lib/server/auth/guard';
import { getOwnProposal } from '$lib/server/proposals';
import { budgetChanges } from '$lib/server/budget-changes';
import { isReportKind, projectReport, saveReport } from '$lib/server/project-reports';
import { httpStatus } from '$lib/server/outcome';
import { formValues } from '$lib/schemas/form';
import { reportContentOf, reportErrors, reportFormInput, reportSchema } from '$lib/schemas/reports';
import { moveAllowed } from '$lib/domain/project-reports';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { idParam } from '../../../shared.server';
import type { Actions, PageServerLoad } from './$types';

/** The organisation's own funded project and the report's kind; anyone else's is 404, in load and actions. */
async function ownReport(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user, organisationId } = requireStation(event);
	const kind = event.params.kind ?? '';
	if (!isReportKind(kind)) error(404, 'not found');
	const db = getDb();
	const proposal = await getOwnProposal(db, idParam(event.params.id ?? ''), organisationId);
	if (!proposal || proposal.status !== 'funded') error(404, 'not found');
	return { user, organisationId, proposalId: proposal.id, title: proposal.title, kind };
}

export const load: PageServerLoad = async (event) => {
	const { proposalId, title, kind } = await ownReport(event);
	// Before the agreement is signed there is nothing to report on yet: the page says so.
	const current = await projectReport(getDb(), proposalId, kind);
	return {
		project: { id: proposalId, title },
		timeZone: current?.project.round.time_zone ?? 'Asia/Shanghai',
		kind,
		report: current?.report ?? null,
		// The budget changes beside the report (its spending table already reads the budget they made).
		budgetChanges: current ? (await budgetChanges(getDb(), proposalId)).changes : [],
		editable: !!current && !current.closing && moveAllowed('submit', current.report.status),
		done: event.url.searchParams.get('done'),
		submissionKey: newSubmissionKey()
	};
};

async function save(event: RequestEvent, submit: boolean) {
	const { user, organisationId, proposalId, kind } = await ownReport(event);
	const values = formValues(await event.request.formData());
	const parsed = reportSchema.safeParse(reportFormInput(values));
	if (!parsed.success) return fail(400, { values, errors: reportErrors(parsed.error) });
	const result = await saveReport(getDb(), {
		proposalId,
		organisationId,
		kind,
		version: parsed.data.version,
		content: reportContentOf(parsed.data),
		submit,
		actorId: user.id
	});
	if (!result.ok) return fail(httpStatus(result), { values, errors: result.errors });
	redirect(303, `/station/proposals/${proposalId}/reports/${kind}?done=${submit ? 'submitted' : 'saved'}`);
}

export const actions: Actions = {
	save: once((event) => save(event, false)),
	submit: once((event) => save(event, true))
};
