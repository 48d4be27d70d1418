import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import type { Role } from '../schema';
import { getRoundById, type Round } from '../rounds';
import type { SessionUser } from './session';
import { runsRound } from '../fund-admins';

/** Where each role's work starts: sign-in and invitations land here. */
export const HOME: Record<Role, string> = { admin: '/admin', fund_admin: '/admin/rounds', station: '/station', reviewer: '/review' };

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

/** A federation admin or a fund admin: who may open the list of rounds they run. */
export function requireRoundAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	return requireRole(event, 'admin', 'fund_admin');
}

/**
 * The round named by the URL (`[id]`) and the signed-in user who may manage it; 404 when there is
 * no such round, or when it is another fund's (a fund admin learns nothing of other funds' rounds).
 * The one gate of every load, action and endpoint of a round's admin pages: a federation admin
 * runs every round, a fund admin the rounds of its own fund (runsRound in fund-admins.ts).
 */
export async function requireRoundAccess(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	roundId: string | number | undefined
): Promise<{ user: SessionUser; round: Round }> {
	const user = requireRoundAdmin(event);
	const raw = String(roundId ?? '');
	const round = /^\d{1,12}$/.test(raw) ? await getRoundById(getDb(), Number(raw)) : undefined;
	if (!round || !runsRound(user, round)) error(404, 'not found');
	return { user, round };
}

/** A station user's organisation; station accounts always have one. */
export function requireStation(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireRole(event, 'station');
	if (user.organisationId == null) error(403, 'forbidden');
	return { user, organisationId: user.organisationId };
}
