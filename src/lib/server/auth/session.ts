import type { Cookies } from '@sveltejs/kit';
import type { DB } from '../db';
import { randomString, sameDigest, sha256Hex } from '../random';
import type { Role } from '../schema';

/** Sessions after lucia-auth.com's guide: a token `<id>.<secret>`, only a hash of the secret kept. */

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_DAYS = 30;
const RENEW_WHEN_LEFT = 15 * DAY;
export const SESSION_COOKIE = 'session';

export interface SessionUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	organisationId: number | null;
	/** A fund admin's fund (null for every other role). */
	fundId: number | null;
	/** Whether the account signs in with a second factor (TOTP). */
	twoFactor: boolean;
}

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
	/** Whether the second factor was checked in this session (always false for an account without one). */
	twoFactorVerified: boolean;
}

export async function createSession(
	db: DB,
	userId: number
): Promise<{ token: string; session: Session }> {
	const id = randomString();
	const secret = randomString();
	const now = new Date();
	const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY);
	await db
		.insertInto('sessions')
		.values({
			id,
			user_id: userId,
			secret_hash: sha256Hex(secret),
			created_at: now.toISOString(),
			expires_at: expiresAt.toISOString()
		})
		.execute();
	return { token: `${id}.${secret}`, session: { id, userId, expiresAt, twoFactorVerified: false } };
}

/** The session and its user for a token, extending the session when less than half is left. */
export async function validateSessionToken(
	db: DB,
	token: string,
	now = new Date()
): Promise<{ session: Session; user: SessionUser } | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select([
			'sessions.id',
			'sessions.secret_hash',
			'sessions.expires_at',
			'sessions.two_factor_at',
			'users.id as user_id',
			'users.email',
			'users.name',
			'users.role',
			'users.organisation_id',
			'users.fund_id',
			'users.disabled_at',
			'users.totp_enrolled_at'
		])
		.where('sessions.id', '=', id)
		.executeTakeFirst();
	if (!row || !sameDigest(sha256Hex(secret), row.secret_hash)) return null;
	if (row.disabled_at) return null;
	let expiresAt = new Date(row.expires_at);
	if (expiresAt.getTime() <= now.getTime()) {
		await invalidateSession(db, id);
		return null;
	}
	if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT) {
		expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY);
		await db
			.updateTable('sessions')
			.set({ expires_at: expiresAt.toISOString() })
			.where('id', '=', id)
			.execute();
	}
	return {
		session: { id, userId: row.user_id, expiresAt, twoFactorVerified: !!row.two_factor_at },
		user: {
			id: row.user_id,
			email: row.email,
			name: row.name,
			role: row.role,
			organisationId: row.organisation_id,
			fundId: row.fund_id,
			twoFactor: !!row.totp_enrolled_at
		}
	};
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user but, optionally, the one in use. */
export async function invalidateUserSessions(
	db: DB,
	userId: number,
	keepSessionId?: string
): Promise<void> {
	let query = db.deleteFrom('sessions').where('user_id', '=', userId);
	if (keepSessionId) query = query.where('id', '!=', keepSessionId);
	await query.execute();
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}
