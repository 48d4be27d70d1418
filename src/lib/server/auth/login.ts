import type { DB } from '../db';
import { RateLimiter } from '../rate-limit';
import { findUserByEmail, normaliseEmail } from '../users';
import { dummyHash, verifyPassword } from './password';

const WINDOW = 15 * 60 * 1000;
// Failed attempts allowed per window: few per account (guessing one password), more per IP
// (a community centre's shared network).
const perAccount = new RateLimiter(10, WINDOW);
const perIp = new RateLimiter(50, WINDOW);

export type SignInResult = { ok: true; userId: number } | { ok: false; reason: 'failed' | 'throttled' };

/**
 * Checks a password. An unknown email and a wrong password look the same to the caller and take
 * about as long, so the form reveals nothing about which accounts exist.
 */
export async function signIn(db: DB, email: string, password: string, ip: string): Promise<SignInResult> {
	const account = normaliseEmail(email);
	if (perAccount.blocked(account) || perIp.blocked(ip)) return { ok: false, reason: 'throttled' };
	const user = await findUserByEmail(db, account);
	const valid = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
	if (!user || !valid || user.disabled_at) {
		perAccount.consume(account);
		perIp.consume(ip);
		return { ok: false, reason: 'failed' };
	}
	perAccount.reset(account);
	return { ok: true, userId: user.id };
}
