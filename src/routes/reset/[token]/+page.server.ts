import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { checkPasswordReset, resetPassword } from '$lib/server/auth/reset';
import { HOME } from '$lib/server/auth/guard';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { LIMITS, consume } from '$lib/server/rate-limit';
import { addressKey } from '$lib/domain/throttle';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { passwordResetSchema as schema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { state, account } = await checkPasswordReset(getDb(), params.token);
	return { state, name: account?.name ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		// Setting a password hashes it (deliberately slow), so a client may try only so often.
		if (!(await consume(db, 'invite-accept', addressKey(event.getClientAddress()), LIMITS.inviteAccept))) {
			error(429, 'too many requests');
		}
		const parsed = schema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await resetPassword(db, event.params.token, parsed.data.password);
		if (!result.ok) return fail(httpStatus(result), { errors: result.errors });
		// Every session of the account ended with the reset; this browser gets a new one.
		const { token, session } = await createSession(db, result.value.userId);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		redirect(303, HOME[result.value.role]);
	}
};
