import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { eraseContactOnRequest, personalData, putSetting, retentionMonths, RETENTION_KEY } from '$lib/server/privacy';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { privacyEraseSchema, privacyLookupSchema, retentionSchema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return {
		retentionMonths: await retentionMonths(getDb()),
		done: event.url.searchParams.get('done'),
		erased: event.url.searchParams.get('erased')
	};
};

export const actions: Actions = {
	/** What is kept under a receipt code: shown to the admin, the look recorded in the audit log. */
	lookup: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = privacyLookupSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const found = await personalData(getDb(), { code: parsed.data.code, actorId: user.id, purpose: 'view' });
		if (!found.ok) return fail(httpStatus(found), { values, errors: found.errors });
		return { values, found: found.value };
	},
	erase: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = privacyEraseSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await eraseContactOnRequest(getDb(), { code: parsed.data.code, actorId: user.id, reason: parsed.data.reason });
		if (!result.ok) return fail(httpStatus(result), { values, errors: result.errors });
		redirect(303, `/admin/privacy?erased=${encodeURIComponent(result.value.receiptCode)}`);
	},
	settings: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = retentionSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		await putSetting(getDb(), { key: RETENTION_KEY, value: String(parsed.data.months), actorId: user.id });
		redirect(303, '/admin/privacy?done=settings');
	}
};
