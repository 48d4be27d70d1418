/**
 * Two-factor sign-in with a time-based one-time password (TOTP, RFC 6238: 30-second steps, six
 * digits, HMAC-SHA-1, as every authenticator app reads it), computed and checked by
 * `@oslojs/otp`, the library Lucia's guides use. A signed-in session of an enrolled account is of
 * no use until its code (or one of ten single-use recovery codes, of which only SHA-256 hashes are
 * kept) is checked. The federation may require it of its admins (an admin setting, or
 * TWO_FACTOR_REQUIRED=admins): an admin without it is then sent to enrol before any admin page.
 *
 * A code is good once (RFC 6238 §5.2): the time step it belongs to is recorded with the account
 * and a code of that step or an earlier one is refused, so a code seen over a shoulder or replayed
 * from a log cannot be used again within its own 30 seconds.
 *
 * Limit: the TOTP key is stored as it is (base32), like the session secret's hash it lives in the
 * database; a stolen database copy gives the second factor (not the password) away.
 */
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { DB } from '../db';
import { writeTransaction } from '../db';
import { audit } from '../audit';
import { getSetting, putSetting } from '../privacy';
import { ok, refuseField, type Outcome } from '../outcome';
import { randomString, sha256Hex } from '../random';

const PERIOD = 30;
const DIGITS = 6;
/** One step either side: a phone's clock a little off, or a code typed as it changed. */
const GRACE = 30;
export const RECOVERY_CODES = 10;
export const TWO_FACTOR_KEY = 'two_factor_required';

/** A new key for enrolment: base32 to type into an app, and the otpauth:// URI its QR code holds. */
export function newTotpKey(accountName: string): { key: string; uri: string } {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return { key: encodeBase32UpperCaseNoPadding(bytes), uri: createTOTPKeyURI('社区公益微创投', accountName, bytes, PERIOD, DIGITS) };
}

function keyBytes(key: string): Uint8Array | null {
	try {
		const bytes = decodeBase32IgnorePadding(key.replace(/\s/g, '').toUpperCase());
		return bytes.length >= 16 ? bytes : null;
	} catch {
		return null;
	}
}

/**
 * The time step `code` is the key's code for, among the current one and one either side (a phone's
 * clock a little off, a code typed as it changed), or null when it is none of them.
 */
export function totpStep(key: string, code: string, now = new Date()): number | null {
	const bytes = keyBytes(key);
	const digits = code.replace(/\s/g, '');
	if (!bytes || !/^\d{6}$/.test(digits)) return null;
	const current = Math.floor(now.getTime() / 1000 / PERIOD);
	const grace = GRACE / PERIOD;
	for (let step = current - grace; step <= current + grace; step++) {
		if (verifyHOTP(bytes, BigInt(step), DIGITS, digits)) return step;
	}
	return null;
}

/** Whether `code` is the key's current code (one step of grace either side). */
export function totpMatches(key: string, code: string, now = new Date()): boolean {
	return totpStep(key, code, now) !== null;
}

/**
 * Spends the account's code of `step`: true once, false when that step or a later one was already
 * used (a conditional update, so two requests with the same code cannot both pass).
 */
async function spendStep(db: DB, userId: number, step: number): Promise<boolean> {
	const spent = await db
		.updateTable('users')
		.set({ totp_last_step: step })
		.where('id', '=', userId)
		.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
		.executeTakeFirst();
	return Number(spent.numUpdatedRows) === 1;
}

/** Whether admins must sign in with a second factor: the environment forces it, else the setting. */
export async function twoFactorRequired(db: DB): Promise<boolean> {
	if (process.env.TWO_FACTOR_REQUIRED === 'admins') return true;
	return (await getSetting(db, TWO_FACTOR_KEY)) === 'admins';
}

export async function setTwoFactorRequired(db: DB, input: { required: boolean; actorId: number }): Promise<void> {
	await putSetting(db, { key: TWO_FACTOR_KEY, value: input.required ? 'admins' : 'off', actorId: input.actorId });
}

function newRecoveryCodes(): string[] {
	return Array.from({ length: RECOVERY_CODES }, () => randomString(10));
}

/**
 * Enrols an account with the key its app now shows `code` for: stores the key, replaces the
 * recovery codes (given back to show once), and marks the session in use as checked.
 */
export async function enrolTotp(
	db: DB,
	input: { userId: number; sessionId: string; key: string; code: string },
	now = new Date()
): Promise<Outcome<{ recoveryCodes: string[] }>> {
	if (!keyBytes(input.key)) return refuseField('code', 'people.twoFactor.err.key');
	const step = totpStep(input.key, input.code, now);
	if (step === null) return refuseField('code', 'people.twoFactor.err.code');
	const codes = newRecoveryCodes();
	const at = now.toISOString();
	await writeTransaction(db, async (trx) => {
		await trx
			.updateTable('users')
			.set({ totp_key: input.key, totp_enrolled_at: at, totp_last_step: step })
			.where('id', '=', input.userId)
			.execute();
		await trx.deleteFrom('recovery_codes').where('user_id', '=', input.userId).execute();
		await trx
			.insertInto('recovery_codes')
			.values(codes.map((c) => ({ id: randomString(16), user_id: input.userId, code_hash: sha256Hex(c), created_at: at, used_at: null })))
			.execute();
		await trx.updateTable('sessions').set({ two_factor_at: at }).where('id', '=', input.sessionId).execute();
		await audit(trx, { actorId: input.userId, action: 'user.two_factor_enrol', entity: 'user', entityId: input.userId });
	});
	return ok({ recoveryCodes: codes });
}

/**
 * Checks the second factor of a session: the app's current code, or an unused recovery code
 * (spent by a conditional update, so it works once). The session is then of full use.
 */
export async function verifySecondFactor(
	db: DB,
	input: { userId: number; sessionId: string; code: string },
	now = new Date()
): Promise<Outcome<{ recovery: boolean }>> {
	const user = await db.selectFrom('users').select(['totp_key']).where('id', '=', input.userId).executeTakeFirst();
	if (!user?.totp_key) return refuseField('code', 'people.twoFactor.err.code');
	const at = now.toISOString();
	let recovery = false;
	const step = totpStep(user.totp_key, input.code, now);
	if (step !== null) {
		if (!(await spendStep(db, input.userId, step))) return refuseField('code', 'people.twoFactor.err.used');
	} else {
		const spent = await db
			.updateTable('recovery_codes')
			.set({ used_at: at })
			.where('user_id', '=', input.userId)
			.where('code_hash', '=', sha256Hex(input.code.trim()))
			.where('used_at', 'is', null)
			.executeTakeFirst();
		if (Number(spent.numUpdatedRows) !== 1) return refuseField('code', 'people.twoFactor.err.code');
		recovery = true;
		await audit(db, { actorId: input.userId, action: 'user.two_factor_recovery', entity: 'user', entityId: input.userId });
	}
	await db.updateTable('sessions').set({ two_factor_at: at }).where('id', '=', input.sessionId).where('user_id', '=', input.userId).execute();
	return ok({ recovery });
}

/** The roles the federation's two-factor requirement covers: its admins and the funds' admins. */
export function isAdminRole(role: string): boolean {
	return role === 'admin' || role === 'fund_admin';
}

/** Removes the second factor (after a current code), unless admins must have one and this is an admin. */
export async function removeTotp(db: DB, input: { userId: number; code: string }, now = new Date()): Promise<Outcome> {
	const user = await db.selectFrom('users').select(['totp_key', 'role']).where('id', '=', input.userId).executeTakeFirst();
	if (!user?.totp_key) return refuseField('code', 'people.twoFactor.err.code');
	if (isAdminRole(user.role) && (await twoFactorRequired(db))) return refuseField('code', 'people.twoFactor.err.required');
	const step = totpStep(user.totp_key, input.code, now);
	if (step === null) return refuseField('code', 'people.twoFactor.err.code');
	if (!(await spendStep(db, input.userId, step))) return refuseField('code', 'people.twoFactor.err.used');
	await writeTransaction(db, async (trx) => {
		await trx
			.updateTable('users')
			.set({ totp_key: null, totp_enrolled_at: null, totp_last_step: null })
			.where('id', '=', input.userId)
			.execute();
		await trx.deleteFrom('recovery_codes').where('user_id', '=', input.userId).execute();
		await audit(trx, { actorId: input.userId, action: 'user.two_factor_remove', entity: 'user', entityId: input.userId });
	});
	return ok();
}

/** How many unused recovery codes an account has left. */
export async function recoveryCodesLeft(db: DB, userId: number): Promise<number> {
	const row = await db
		.selectFrom('recovery_codes')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
