import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../schema';
import type { SessionUser } from './session';

/** Where each role's work starts: sign-in and invitations land here. */
export const HOME: Record<Role, string> = { admin: '/admin', station: '/station', reviewer: '/review' };

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return user;
}

/** The signed-in user when they hold one of `roles`; 403 for anyone else who is signed in. */
export function requireRole(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	...roles: Role[]
): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(403, 'forbidden');
	return user;
}

/** A station user's organisation; station accounts always have one. */
export function requireStation(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireRole(event, 'station');
	if (user.organisationId == null) error(403, 'forbidden');
	return { user, organisationId: user.organisationId };
}
