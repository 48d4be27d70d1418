import { afterEach, describe, expect, it } from 'vitest';
import { generateTOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { freshDb, makeUser } from '../../../../tests/helpers/db';
import { createSession, validateSessionToken } from './session';
import { signIn } from './login';
import { enrolTotp, newTotpKey, removeTotp, setTwoFactorRequired, totpMatches, twoFactorRequired, verifySecondFactor } from './two-factor';

const codeFor = (key: string, at = Date.now()) => {
	const real = Date.now;
	Date.now = () => at;
	try {
		return generateTOTP(decodeBase32IgnorePadding(key), 30, 6);
	} finally {
		Date.now = real;
	}
};

afterEach(() => {
	delete process.env.TWO_FACTOR_REQUIRED;
});

describe('TOTP (RFC 6238)', () => {
	it('matches the RFC’s SHA-1 test vector through the library, and the current code with one step of grace', () => {
		// RFC 6238 appendix B: the ASCII key "12345678901234567890" at T = 59 s gives 94287082 (8 digits); its last 6 are 287082.
		const key = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
		expect(codeFor(key, 59_000)).toBe('287082');
		const { key: mine, uri } = newTotpKey('admin@example.org');
		expect(uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
		const now = codeFor(mine);
		expect(totpMatches(mine, now)).toBe(true);
		expect(totpMatches(mine, codeFor(mine, Date.now() - 30_000))).toBe(true);
		expect(totpMatches(mine, codeFor(mine, Date.now() - 5 * 60_000))).toBe(now === codeFor(mine, Date.now() - 5 * 60_000));
		expect(totpMatches(mine, 'abcdef')).toBe(false);
	});
});

describe('two-factor sign-in', () => {
	it('leaves a new session of an enrolled account unverified until its code or a recovery code (once) is checked', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const first = await createSession(db, admin.id);
		const { key } = newTotpKey(admin.email);
		expect(await enrolTotp(db, { userId: admin.id, sessionId: first.session.id, key, code: '000000' === codeFor(key) ? '111111' : '000000' })).toMatchObject({ ok: false });
		const enrolled = await enrolTotp(db, { userId: admin.id, sessionId: first.session.id, key, code: codeFor(key) });
		if (!enrolled.ok) throw new Error('not enrolled');
		expect(enrolled.value.recoveryCodes).toHaveLength(10);
		const stored = JSON.stringify(await db.selectFrom('recovery_codes').selectAll().execute());
		for (const code of enrolled.value.recoveryCodes) expect(stored).not.toContain(code);
		expect((await validateSessionToken(db, first.token))?.session.twoFactorVerified).toBe(true);

		const signedIn = await signIn(db, { email: admin.email, password: admin.password, address: '203.0.113.5' });
		expect(signedIn).toMatchObject({ ok: true, value: { twoFactor: true } });
		const second = await createSession(db, admin.id);
		expect(await validateSessionToken(db, second.token)).toMatchObject({ user: { twoFactor: true }, session: { twoFactorVerified: false } });
		expect(await verifySecondFactor(db, { userId: admin.id, sessionId: second.session.id, code: '12345' })).toMatchObject({ ok: false });
		expect((await validateSessionToken(db, second.token))?.session.twoFactorVerified).toBe(false);
		// The enrolment spent this step's code: the sign-in uses the next one.
		const next = new Date(Date.now() + 30_000);
		expect(await verifySecondFactor(db, { userId: admin.id, sessionId: second.session.id, code: codeFor(key, next.getTime()) }, next)).toEqual({ ok: true, value: { recovery: false } });
		expect((await validateSessionToken(db, second.token))?.session.twoFactorVerified).toBe(true);

		const third = await createSession(db, admin.id);
		const recovery = enrolled.value.recoveryCodes[3];
		expect(await verifySecondFactor(db, { userId: admin.id, sessionId: third.session.id, code: recovery })).toEqual({ ok: true, value: { recovery: true } });
		const fourth = await createSession(db, admin.id);
		expect(await verifySecondFactor(db, { userId: admin.id, sessionId: fourth.session.id, code: recovery })).toMatchObject({ ok: false });
		const log = await db.selectFrom('audit_log').select('action').where('entity_id', '=', String(admin.id)).orderBy('id').execute();
		expect(log.map((l) => l.action)).toEqual(['user.two_factor_enrol', 'user.two_factor_recovery']);
	});

	it('is required of admins by the setting or the environment, and an admin cannot then remove it', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		expect(await twoFactorRequired(db)).toBe(false);
		process.env.TWO_FACTOR_REQUIRED = 'admins';
		expect(await twoFactorRequired(db)).toBe(true);
		delete process.env.TWO_FACTOR_REQUIRED;
		await setTwoFactorRequired(db, { required: true, actorId: admin.id });
		expect(await twoFactorRequired(db)).toBe(true);
		const session = await createSession(db, admin.id);
		const { key } = newTotpKey(admin.email);
		expect((await enrolTotp(db, { userId: admin.id, sessionId: session.session.id, key, code: codeFor(key) })).ok).toBe(true);
		expect(await removeTotp(db, { userId: admin.id, code: codeFor(key) })).toMatchObject({ ok: false, errors: { code: { key: 'people.twoFactor.err.required' } } });
		await setTwoFactorRequired(db, { required: false, actorId: admin.id });
		const next = Date.now() + 30_000;
		expect((await removeTotp(db, { userId: admin.id, code: codeFor(key, next) }, new Date(next))).ok).toBe(true);
		expect((await validateSessionToken(db, (await createSession(db, admin.id)).token))?.user.twoFactor).toBe(false);
	});

	it('takes each code once (RFC 6238 §5.2): the same code again, or an older one, is refused, and of two at once one passes', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const { key } = newTotpKey(admin.email);
		const t0 = Date.now();
		const at = (steps: number) => new Date(t0 + steps * 30_000);
		const code = (steps: number) => codeFor(key, at(steps).getTime());
		const enrolling = await createSession(db, admin.id);
		expect((await enrolTotp(db, { userId: admin.id, sessionId: enrolling.session.id, key, code: code(0) }, at(0))).ok).toBe(true);
		const session = async () => (await createSession(db, admin.id)).session.id;

		// The enrolment's own code, seen over a shoulder, does not sign in a second session.
		expect(await verifySecondFactor(db, { userId: admin.id, sessionId: await session(), code: code(0) }, at(0))).toMatchObject({
			ok: false,
			errors: { code: { key: 'people.twoFactor.err.used' } }
		});
		expect((await verifySecondFactor(db, { userId: admin.id, sessionId: await session(), code: code(2) }, at(2))).ok).toBe(true);
		// A code of an earlier step, still within the grace, is older than the one used: refused.
		expect((await verifySecondFactor(db, { userId: admin.id, sessionId: await session(), code: code(1) }, at(2))).ok).toBe(false);

		const [a, b] = await Promise.all([
			verifySecondFactor(db, { userId: admin.id, sessionId: await session(), code: code(4) }, at(4)),
			verifySecondFactor(db, { userId: admin.id, sessionId: await session(), code: code(4) }, at(4))
		]);
		expect([a.ok, b.ok].sort()).toEqual([false, true]);
		expect((await db.selectFrom('users').select('totp_last_step').where('id', '=', admin.id).executeTakeFirstOrThrow()).totp_last_step).toBe(
			Math.floor(at(4).getTime() / 30_000)
		);
	});
});
