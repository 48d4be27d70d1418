import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { enrolTotp, newTotpKey, recoveryCodesLeft, isAdminRole, removeTotp, twoFactorRequired } from '$lib/server/auth/two-factor';
import { qrSvg } from '$lib/server/qr';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { secondFactorSchema, totpEnrolSchema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const required = isAdminRole(user.role) && (await twoFactorRequired(db));
	if (user.twoFactor) {
		return { enrolled: true as const, required, left: await recoveryCodesLeft(db, user.id), askedToEnrol: false };
	}
	// A new key each time the page opens: it is stored only once the app's code for it is checked.
	const { key, uri } = newTotpKey(user.email);
	return { enrolled: false as const, required, key, qr: await qrSvg(uri), askedToEnrol: event.url.searchParams.get('required') === '1' };
};

export const actions: Actions = {
	enrol: async (event) => {
		const user = requireUser(event);
		const values = formValues(await event.request.formData());
		const parsed = totpEnrolSchema.safeParse(values);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await enrolTotp(getDb(), { userId: user.id, sessionId: event.locals.session!.id, key: parsed.data.key, code: parsed.data.code });
		if (!result.ok) return fail(httpStatus(result), { errors: result.errors });
		// Shown this once: only their hashes are kept.
		return { recoveryCodes: result.value.recoveryCodes };
	},
	remove: async (event) => {
		const user = requireUser(event);
		const parsed = secondFactorSchema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await removeTotp(getDb(), { userId: user.id, code: parsed.data.code });
		if (!result.ok) return fail(httpStatus(result), { errors: result.errors });
		redirect(303, '/account/two-factor');
	}
};
