import type { DB } from '../db';
import type { Role } from '../schema';
import { ok, refuse, type Outcome } from '../outcome';
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

/** Who signed in, and a new device token for the browser's cookie (null when it is trusted already). */
export interface SignedIn {
	userId: number;
	role: Role;
	deviceToken: string | null;
	/** The account has a second factor: the session is of no use until it is checked. */
	twoFactor: boolean;
}

const FAILED = refuse('login.failed');
const THROTTLED = refuse('login.throttled', undefined, 429);

/**
 * Checks a password. Guessing is slowed per account and per address with growing delays, but
 * nobody can lock the owner out: in a browser where they signed in before (a device cookie for
 * this very account) the failures others caused do not count. An unknown email and a wrong
 * password look the same to the caller (login.failed) and take about as long; a wait still
 * running is login.throttled (429).
 */
export async function signIn(db: DB, attempt: SignInAttempt, now = new Date()): Promise<Outcome<SignedIn>> {
	const account = normaliseEmail(attempt.email);
	const address = addressKey(attempt.address);
	const user = await findUserByEmail(db, account);
	const device = await findDevice(db, attempt.deviceToken, now);
	const trusted = !!device && !!user && device.userId === user.id;
	if (trusted) {
		if (device.lockedUntil) return THROTTLED;
	} else if ((await waitUntil(db, 'login-account', account, now)) || (await waitUntil(db, 'login-address', address, now))) {
		return THROTTLED;
	}
	const valid = await verifyPassword(user?.password_hash ?? (await dummyHash()), attempt.password);
	if (!user || !valid || user.disabled_at) {
		if (trusted) {
			await deviceFailed(db, device.id, now);
		} else {
			await recordFailure(db, 'login-account', account, FREE_PER_ACCOUNT, now);
			await recordFailure(db, 'login-address', address, FREE_PER_ADDRESS, now);
		}
		return FAILED;
	}
	if (trusted) {
		// The guesser's delays stay: the owner's sign-in does not clear them.
		await deviceUsed(db, device.id, now);
		return ok({ userId: user.id, role: user.role, deviceToken: null, twoFactor: !!user.totp_enrolled_at });
	}
	await clearLimit(db, 'login-account', account);
	return ok({ userId: user.id, role: user.role, deviceToken: await createDevice(db, user.id, now), twoFactor: !!user.totp_enrolled_at });
}
