import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { fourEyesThreshold, setFourEyesThreshold } from '$lib/server/four-eyes';
import { approveRequest, moneyRequests, refuseRequest, withdrawRequest } from '$lib/server/money-requests';
import { httpStatus } from '$lib/server/outcome';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { fourEyesThresholdSchema, moneyDecisionSchema, moneyRefusalSchema } from '$lib/schemas/money-requests';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin');
	const db = getDb();
	return {
		me: user.id,
		thresholdFen: await fourEyesThreshold(db),
		pending: await moneyRequests(db, { status: 'pending' }),
		decided: await moneyRequests(db, { status: 'decided', limit: 20 }),
		done: event.url.searchParams.get('done'),
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	approve: once(async (event: RequestEvent) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = moneyDecisionSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'approve', values, errors: fieldErrors(parsed.error) });
		const approved = await approveRequest(getDb(), { requestId: parsed.data.requestId, actorId: user.id });
		if (!approved.ok) return fail(httpStatus(approved) === 404 ? 404 : 400, { action: 'approve', values, errors: approved.errors });
		redirect(303, '/admin/approvals?done=approved');
	}),
	refuse: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = moneyRefusalSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'refuse', values, errors: fieldErrors(parsed.error) });
		const refused = await refuseRequest(getDb(), { requestId: parsed.data.requestId, actorId: user.id, reason: parsed.data.reason });
		if (!refused.ok) return fail(httpStatus(refused) === 404 ? 404 : 400, { action: 'refuse', values, errors: refused.errors });
		redirect(303, '/admin/approvals?done=refused');
	},
	withdraw: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = moneyDecisionSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'withdraw', values, errors: fieldErrors(parsed.error) });
		const withdrawn = await withdrawRequest(getDb(), { requestId: parsed.data.requestId, actorId: user.id });
		if (!withdrawn.ok) return fail(httpStatus(withdrawn) === 404 ? 404 : 400, { action: 'withdraw', values, errors: withdrawn.errors });
		redirect(303, '/admin/approvals?done=withdrawn');
	},
	threshold: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = fourEyesThresholdSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'threshold', values, errors: fieldErrors(parsed.error) });
		await setFourEyesThreshold(getDb(), { thresholdFen: parsed.data.amount, actorId: user.id });
		redirect(303, '/admin/approvals?done=settings');
	}
};
