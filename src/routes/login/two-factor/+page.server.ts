import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { HOME } from '$lib/server/auth/guard';
import { verifySecondFactor } from '$lib/server/auth/two-factor';
import { LIMITS, consume } from '$lib/server/rate-limit';
import { safeRedirect } from '$lib/server/redirect';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { secondFactorSchema as schema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

/** Only a session whose password was checked and whose second factor was not has a use for this page. */
export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('next'), HOME[locals.user.role], url.origin));
	if (!locals.pendingTwoFactor) redirect(303, '/login');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const pending = event.locals.pendingTwoFactor;
		if (!pending) redirect(303, '/login');
		const db = getDb();
		// Six digits are a million guesses: an account may try only a few times.
		if (!(await consume(db, 'two-factor', String(pending.userId), LIMITS.twoFactor))) error(429, 'too many requests');
		const parsed = schema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await verifySecondFactor(db, { userId: pending.userId, sessionId: pending.sessionId, code: parsed.data.code });
		if (!result.ok) return fail(httpStatus(result), { errors: result.errors });
		redirect(303, safeRedirect(event.url.searchParams.get('next'), HOME[pending.role], event.url.origin));
	}
};
