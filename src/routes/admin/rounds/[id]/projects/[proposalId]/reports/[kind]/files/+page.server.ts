import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundReport } from '$lib/server/auth/guard';
import { decideReportPhoto, reportFiles } from '$lib/server/report-files';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { photoDecisionSchema } from '$lib/schemas/report-files';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round, kind, proposalId, project } = await requireRoundReport(event);
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
		const { user, round, kind, proposalId } = await requireRoundReport(event);
		const parsed = photoDecisionSchema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await decideReportPhoto(getDb(), { proposalId, roundId: round.id, actorId: user.id, ...parsed.data });
		if (!result.ok) return fail(httpStatus(result), { errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/projects/${proposalId}/reports/${kind}/files?done=${parsed.data.decision}`);
	}
};
