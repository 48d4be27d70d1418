import type { DB } from '../db';
import { clearLimit, recordFailure, waitUntil } from '../rate-limit';
import { addressKey } from '../../domain/throttle';
import { findUserByEmail, normaliseEmail } from '../users';
import { dummyHash, verifyPassword } from './password';
import { createDevice, deviceFailed, deviceUsed, findDevice } from './device';

/** Failures before each further one makes the next attempt wait longer: per account, per address. */
const FREE_PER_ACCOUNT = 5;
// A community centre's shared network: many people, some of them mistyping.
const FREE_PER_ADDRESS = 20;

export interface SignInAttempt {
	email: string;
	password: string;
	/** The client's address; IPv6 counts by its /64. */
	address: string;
	/** The browser's device cookie, if it has one. */
	deviceToken?: string | null;
}

export type SignInResult =
	| { ok: true; userId: number; deviceToken: string | null }
	| { ok: false; reason: 'failed' | 'throttled' };

/**
 * Checks a password. Guessing is slowed per account and per address with growing delays, but
 * nobody can lock the owner out: in a browser where they signed in before (a device cookie for
 * this very account) the failures others caused do not count. An unknown email and a wrong
 * password look the same to the caller and take about as long.
 *
 * On success, `deviceToken` is a new token to keep in the browser's cookie (null when the
 * browser is trusted already).
 */
export async function signIn(db: DB, attempt: SignInAttempt, now = new Date()): Promise<SignInResult> {
	const account = normaliseEmail(attempt.email);
	const address = addressKey(attempt.address);
	const user = await findUserByEmail(db, account);
	const device = await findDevice(db, attempt.deviceToken, now);
	const trusted = !!device && !!user && device.userId === user.id;
	if (trusted) {
		if (device.lockedUntil) return { ok: false, reason: 'throttled' };
	} else if ((await waitUntil(db, 'login-account', account, now)) || (await waitUntil(db, 'login-address', address, now))) {
		return { ok: false, reason: 'throttled' };
	}
	const valid = await verifyPassword(user?.password_hash ?? (await dummyHash()), attempt.password);
	if (!user || !valid || user.disabled_at) {
		if (trusted) {
			await deviceFailed(db, device.id, now);
		} else {
			await recordFailure(db, 'login-account', account, FREE_PER_ACCOUNT, now);
			await recordFailure(db, 'login-address', address, FREE_PER_ADDRESS, now);
		}
		return { ok: false, reason: 'failed' };
	}
	if (trusted) {
		// The guesser's delays stay: the owner's sign-in does not clear them.
		await deviceUsed(db, device.id, now);
		return { ok: true, userId: user.id, deviceToken: null };
	}
	await clearLimit(db, 'login-account', account);
	return { ok: true, userId: user.id, deviceToken: await createDevice(db, user.id, now) };
}
