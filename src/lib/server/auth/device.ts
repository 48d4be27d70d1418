import type { Cookies } from '@sveltejs/kit';
import type { DB } from '../db';
import { randomString, sameDigest, sha256Hex } from '../random';

/**
 * Browsers where an account's owner signed in before (OWASP's "device cookies"): a token
 * `<id>.<secret>` in an HttpOnly cookie, only a hash of the secret stored. Such a browser is not
 * slowed down by failures that others caused on the account, so nobody can lock the owner out.
 */

export const DEVICE_COOKIE = 'device';
const DAY = 24 * 60 * 60 * 1000;
export const DEVICE_DAYS = 180;
/** Wrong passwords typed in one trusted browser before it waits like any other. */
const DEVICE_FAILURES = 10;
const DEVICE_LOCK_MS = 15 * 60 * 1000;

export interface TrustedDevice {
	id: string;
	userId: number;
	lockedUntil: string | null;
}

export async function createDevice(db: DB, userId: number, now = new Date()): Promise<string> {
	const id = randomString(16);
	const secret = randomString(24);
	const at = now.toISOString();
	await db.deleteFrom('trusted_devices').where('user_id', '=', userId).where('expires_at', '<=', at).execute();
	await db
		.insertInto('trusted_devices')
		.values({
			id,
			user_id: userId,
			secret_hash: sha256Hex(secret),
			created_at: at,
			last_used_at: at,
			expires_at: new Date(now.getTime() + DEVICE_DAYS * DAY).toISOString(),
			locked_until: null
		})
		.execute();
	return `${id}.${secret}`;
}

/** The trusted browser a cookie names, or null for a missing, forged or expired one. */
export async function findDevice(db: DB, token: string | null | undefined, now = new Date()): Promise<TrustedDevice | null> {
	const [id, secret, extra] = (token ?? '').split('.');
	if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
	const row = await db
		.selectFrom('trusted_devices')
		.select(['id', 'user_id', 'secret_hash', 'expires_at', 'locked_until'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row || !sameDigest(sha256Hex(secret), row.secret_hash) || row.expires_at <= now.toISOString()) return null;
	return { id: row.id, userId: row.user_id, lockedUntil: row.locked_until && row.locked_until > now.toISOString() ? row.locked_until : null };
}

/** A wrong password in this browser: the tenth locks it for a while (its owner's own typos). */
export async function deviceFailed(db: DB, id: string, now = new Date()): Promise<void> {
	const row = await db
		.updateTable('trusted_devices')
		.set((eb) => ({ failures: eb('failures', '+', 1) }))
		.where('id', '=', id)
		.returning('failures')
		.executeTakeFirst();
	if (row && row.failures >= DEVICE_FAILURES) {
		await db
			.updateTable('trusted_devices')
			.set({ failures: 0, locked_until: new Date(now.getTime() + DEVICE_LOCK_MS).toISOString() })
			.where('id', '=', id)
			.execute();
	}
}

/** A sign-in from this browser: its failures are forgiven and its trust runs on. */
export async function deviceUsed(db: DB, id: string, now = new Date()): Promise<void> {
	await db
		.updateTable('trusted_devices')
		.set({
			failures: 0,
			locked_until: null,
			last_used_at: now.toISOString(),
			expires_at: new Date(now.getTime() + DEVICE_DAYS * DAY).toISOString()
		})
		.where('id', '=', id)
		.execute();
}

export function setDeviceCookie(cookies: Cookies, url: URL, token: string, now = new Date()) {
	cookies.set(DEVICE_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: new Date(now.getTime() + DEVICE_DAYS * DAY)
	});
}
