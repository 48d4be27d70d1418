import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStation } from '$lib/server/auth/guard';
import { getOwnProposal } from '$lib/server/proposals';
import { budgetChanges, requestBudgetChange } from '$lib/server/budget-changes';
import { stationGrant } from '$lib/server/grant-views';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { budgetChangeSchema } from '$lib/schemas/budget-changes';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { idParam } from '../../shared.server';
import type { Actions, PageServerLoad } from './$types';

/** The organisation's own funded project; anyone else's is 404, in load and actions. */
async function ownProject(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user, organisationId } = requireStation(event);
	const proposal = await getOwnProposal(getDb(), idParam(event.params.id ?? ''), organisationId);
	if (!proposal || proposal.status !== 'funded') error(404, 'not found');
	return { user, organisationId, proposalId: proposal.id, title: proposal.title };
}

export const load: PageServerLoad = async (event) => {
	const { proposalId, title } = await ownProject(event);
	const db = getDb();
	const grant = await stationGrant(db, proposalId);
	const { lines, changes } = await budgetChanges(db, proposalId);
	return {
		project: { id: proposalId, title },
		timeZone: grant?.timeZone ?? 'Asia/Shanghai',
		signed: !!grant?.agreement,
		open: !!grant?.agreement && !grant.closing,
		lines,
		changes,
		done: event.url.searchParams.get('done'),
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	request: once(async (event) => {
		const { user, organisationId, proposalId } = await ownProject(event);
		const values = formValues(await event.request.formData());
		const parsed = budgetChangeSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await requestBudgetChange(getDb(), { proposalId, organisationId, actorId: user.id, ...parsed.data, amountFen: parsed.data.amount });
		if (!result.ok) return fail(httpStatus(result), { values, errors: result.errors });
		redirect(303, `/station/proposals/${proposalId}/budget?done=${result.value}`);
	})
};
