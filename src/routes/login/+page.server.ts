import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { signIn } from '$lib/server/auth/login';
import { HOME } from '$lib/server/auth/guard';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { DEVICE_COOKIE, setDeviceCookie } from '$lib/server/auth/device';
import { httpStatus } from '$lib/server/outcome';
import { safeRedirect } from '$lib/server/redirect';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { signInSchema as schema } from '$lib/schemas/users';
import type { Role } from '$lib/server/schema';
import type { Actions, PageServerLoad } from './$types';

/** Where the sign-in goes on: the second factor first when the account has one. */
function onward(url: URL, role: Role, twoFactor: boolean): string {
	const next = safeRedirect(url.searchParams.get('next'), HOME[role], url.origin);
	return twoFactor ? `/login/two-factor?next=${encodeURIComponent(next)}` : next;
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.pendingTwoFactor) redirect(303, onward(url, locals.pendingTwoFactor.role, true));
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
		if (!result.ok) return fail(httpStatus(result), { values: typed, errors: result.errors });
		const { userId, role, deviceToken, twoFactor } = result.value;
		const { token, session } = await createSession(db, userId);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		if (deviceToken) setDeviceCookie(event.cookies, event.url, deviceToken);
		redirect(303, onward(event.url, role, twoFactor));
	}
};
