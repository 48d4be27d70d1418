import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { signIn } from '$lib/server/auth/login';
import { HOME } from '$lib/server/auth/guard';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { DEVICE_COOKIE, setDeviceCookie } from '$lib/server/auth/device';
import { safeRedirect } from '$lib/server/redirect';
import { fieldErrors, formError, formValues } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';


const schema = z.object({
	email: z.string().trim().min(1, 'err.required').max(254).email('err.email'),
	password: z.string().min(1, 'err.required').max(200)
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('next'), HOME[locals.user.role], url.origin));
};

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		const parsed = schema.safeParse(values);
		const typed = { email: values.email ?? '' };
		if (!parsed.success) return fail(400, { values: typed, errors: fieldErrors(parsed.error) });
		const db = getDb();
		const result = await signIn(db, {
			email: parsed.data.email,
			password: parsed.data.password,
			address: event.getClientAddress(),
			deviceToken: event.cookies.get(DEVICE_COOKIE)
		});
		if (!result.ok) {
			const key = result.reason === 'throttled' ? 'login.throttled' : 'login.failed';
			return fail(result.reason === 'throttled' ? 429 : 400, {
				values: typed,
				errors: formError(key)
			});
		}
		const { token, session } = await createSession(db, result.userId);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		if (result.deviceToken) setDeviceCookie(event.cookies, event.url, result.deviceToken);
		const role = (await db.selectFrom('users').select('role').where('id', '=', result.userId).executeTakeFirstOrThrow()).role;
		redirect(303, safeRedirect(event.url.searchParams.get('next'), HOME[role], event.url.origin));
	}
};
