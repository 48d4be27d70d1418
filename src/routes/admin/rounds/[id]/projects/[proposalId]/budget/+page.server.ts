import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundProject } from '$lib/server/auth/guard';
import { budgetChanges, decideBudgetChange } from '$lib/server/budget-changes';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { budgetDecisionSchema } from '$lib/schemas/budget-changes';
import { newSubmissionKey, once } from '$lib/server/submissions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round, proposalId, project } = await requireRoundProject(event);
	const { lines, changes } = await budgetChanges(getDb(), proposalId);
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone },
		project: { id: proposalId, title: project.title, organisation: project.organisation },
		lines,
		changes,
		done: event.url.searchParams.get('done'),
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	decide: once(async (event) => {
		const { user, round, proposalId } = await requireRoundProject(event);
		const values = formValues(await event.request.formData());
		const parsed = budgetDecisionSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await decideBudgetChange(getDb(), { proposalId, roundId: round.id, actorId: user.id, ...parsed.data });
		if (!result.ok) return fail(httpStatus(result), { values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/projects/${proposalId}/budget?done=${parsed.data.decision}`);
	})
};
