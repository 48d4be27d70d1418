import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { isReportKind } from '$lib/server/project-reports';
import { fundedProject } from '$lib/server/grant-views';
import { decideReportPhoto, reportFiles } from '$lib/server/report-files';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { photoDecisionSchema } from '$lib/schemas/report-files';
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
	return {
		round: { id: round.id, timeZone: round.time_zone },
		project: { id: proposalId, title: project.title, organisation: project.organisation },
		kind,
		files: await reportFiles(getDb(), proposalId, kind),
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	decide: async (event) => {
		const { user, round, kind, proposalId } = await reportOfRound(event);
		const parsed = photoDecisionSchema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await decideReportPhoto(getDb(), { proposalId, roundId: round.id, actorId: user.id, ...parsed.data });
		if (!result.ok) return fail(httpStatus(result), { errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/projects/${proposalId}/reports/${kind}/files?done=${parsed.data.decision}`);
	}
};
