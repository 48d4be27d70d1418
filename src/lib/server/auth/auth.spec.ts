import { describe, expect, it } from 'vitest';
import { freshDb, makeUser } from '../../../../tests/helpers/db';
import { createSession, invalidateUserSessions, validateSessionToken } from './session';
import { createInvitation, checkInvitation } from './invite';
import { signIn } from './login';
import { verifyPassword } from './password';

describe('sessions', () => {
	it('stores only a hash of the session secret and validates the token', async () => {
		const db = await freshDb();
		const user = await makeUser(db, 'admin');
		const { token } = await createSession(db, user.id);
		const [id, secret] = token.split('.');
		const row = await db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
		expect(row.id).toBe(id);
		expect(JSON.stringify(row)).not.toContain(secret);
		expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
		const result = await validateSessionToken(db, token);
		expect(result?.user.id).toBe(user.id);
	});

	it('refuses a token with a wrong secret, an unknown id or a malformed shape', async () => {
		const db = await freshDb();
		const user = await makeUser(db, 'station');
		const { token } = await createSession(db, user.id);
		const [id] = token.split('.');
		expect(await validateSessionToken(db, `${id}.${'a'.repeat(24)}`)).toBeNull();
		expect(await validateSessionToken(db, `nope.${'a'.repeat(24)}`)).toBeNull();
		expect(await validateSessionToken(db, id)).toBeNull();
		expect(await validateSessionToken(db, `${token}.extra`)).toBeNull();
	});

	it('expires after 30 days and slides forward when used in the second half', async () => {
		const db = await freshDb();
		const user = await makeUser(db, 'reviewer');
		const { token, session } = await createSession(db, user.id);
		const day = 24 * 60 * 60 * 1000;
		const later = new Date(Date.now() + 20 * day);
		const renewed = await validateSessionToken(db, token, later);
		expect(renewed!.session.expiresAt.getTime()).toBeGreaterThan(session.expiresAt.getTime());
		expect(await validateSessionToken(db, token, new Date(later.getTime() + 31 * day))).toBeNull();
		expect(await db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
	});

	it('ends other sessions but keeps the current one', async () => {
		const db = await freshDb();
		const user = await makeUser(db, 'admin');
		const a = await createSession(db, user.id);
		const b = await createSession(db, user.id);
		await invalidateUserSessions(db, user.id, a.session.id);
		expect(await validateSessionToken(db, a.token)).not.toBeNull();
		expect(await validateSessionToken(db, b.token)).toBeNull();
	});
});

describe('passwords and sign-in', () => {
	it('hashes passwords with argon2id', async () => {
		const db = await freshDb();
		const user = await makeUser(db, 'admin');
		const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
		expect(row.password_hash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(row.password_hash, user.password)).toBe(true);
		expect(await verifyPassword(row.password_hash, 'wrong')).toBe(false);
	});

	it('says the same for an unknown email as for a wrong password, and throttles', async () => {
		const db = await freshDb();
		const user = await makeUser(db, 'admin');
		const unknown = await signIn(db, 'nobody@example.org', 'whatever', '10.0.0.1');
		const wrong = await signIn(db, user.email, 'wrong password', '10.0.0.1');
		expect(unknown).toEqual(wrong);
		expect(await signIn(db, user.email.toUpperCase(), user.password, '10.0.0.1')).toEqual({ ok: true, userId: user.id });
		for (let i = 0; i < 10; i++) await signIn(db, user.email, 'wrong', '10.0.0.2');
		expect(await signIn(db, user.email, user.password, '10.0.0.3')).toEqual({ ok: false, reason: 'throttled' });
	});
});

describe('invitations', () => {
	it('stores only a hash of the invitation secret and expires', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const { token } = await createInvitation(db, {
			email: 'New@Example.org',
			name: '新评审',
			role: 'reviewer',
			organisationId: null,
			createdBy: admin.id
		});
		const secret = token.split('.')[1];
		const row = await db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
		expect(JSON.stringify(row)).not.toContain(secret);
		expect(row.email).toBe('new@example.org');
		expect((await checkInvitation(db, token)).state).toBe('valid');
		expect((await checkInvitation(db, token.replace(secret, 'x'.repeat(24)))).state).toBe('unknown');
		const afterAWeek = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
		expect((await checkInvitation(db, token, afterAWeek)).state).toBe('expired');
	});
});
