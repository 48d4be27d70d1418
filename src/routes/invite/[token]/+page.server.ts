import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb, type DB } from '$lib/server/db';
import { acceptInvitation, acceptedBy, checkInvitation } from '$lib/server/auth/invite';
import { HOME } from '$lib/server/auth/guard';
import { createSession, invalidateSession, setSessionCookie } from '$lib/server/auth/session';
import { createDevice, setDeviceCookie } from '$lib/server/auth/device';
import { LIMITS, consume } from '$lib/server/rate-limit';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { addressKey } from '$lib/domain/throttle';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { acceptInvitationSchema as schema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { state, invitation } = await checkInvitation(getDb(), params.token);
	if (state !== 'valid' || !invitation) {
		return {
			state: state === 'valid' ? ('unknown' as const) : state,
			invitation: null,
			signedInAs: null
		};
	}
	return {
		state: 'valid' as const,
		invitation: {
			name: invitation.name,
			role: invitation.role,
			organisationName: invitation.organisation_name
		},
		signedInAs: locals.user?.name ?? null,
		submissionKey: newSubmissionKey()
	};
};

/** Signs this browser in as the new account, and trusts it for that account from now on. */
async function signInAs(event: Pick<RequestEvent, 'cookies' | 'url' | 'locals'>, db: DB, userId: number) {
	if (event.locals.session) await invalidateSession(db, event.locals.session.id);
	const { token, session } = await createSession(db, userId);
	setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	setDeviceCookie(event.cookies, event.url, await createDevice(db, userId));
}

export const actions: Actions = {
	default: once(
		async (event) => {
			const db = getDb();
			// Accepting hashes a password (deliberately slow), so a client may try only so often.
			if (!(await consume(db, 'invite-accept', addressKey(event.getClientAddress()), LIMITS.inviteAccept))) {
				error(429, 'too many requests');
			}
			const values = formValues(await event.request.formData());
			const typed = { name: values.name ?? '' };
			const parsed = schema.safeParse(values);
			if (!parsed.success) return fail(400, { values: typed, errors: fieldErrors(parsed.error) });
			const result = await acceptInvitation(db, event.params.token, {
				name: parsed.data.name,
				password: parsed.data.password
			});
			if (!result.ok) return fail(httpStatus(result), { values: typed, errors: result.errors });
			await signInAs(event, db, result.value.userId);
			redirect(303, HOME[result.value.role]);
		},
		// The same form sent again (a double click): that browser is signed in to the one account made.
		async (event) => {
			const db = getDb();
			const userId = await acceptedBy(db, event.params.token);
			if (userId) await signInAs(event, db, userId);
		}
	)
};
