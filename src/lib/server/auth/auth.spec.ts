import { describe, expect, it } from 'vitest';
import { freshDb, makeUser } from '../../../../tests/helpers/db';
import { createSession, invalidateUserSessions, validateSessionToken } from './session';
import { createInvitation, checkInvitation } from './invite';
import { listPendingInvitations } from '../organisations';
import { signIn } from './login';
import { verifyPassword } from './password';
import { changePassword, createUser } from '../users';

describe('creating a user', () => {
	it('stores an argon2id hash of the password, never the password, and the hash verifies', async () => {
		// The factories share one precomputed hash; this is the test that hashes for real.
		const db = await freshDb();
		const id = await createUser(db, { email: ' New.Admin@Example.org ', name: ' 新管理员 ', password: 'a long passphrase 2026', role: 'admin' });
		const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row.email).toBe('new.admin@example.org');
		expect(row.name).toBe('新管理员');
		expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(JSON.stringify(row)).not.toContain('a long passphrase 2026');
		expect(await verifyPassword(row.password_hash, 'a long passphrase 2026')).toBe(true);
		expect(await verifyPassword(row.password_hash, 'a long passphrase 2025')).toBe(false);
	});
});

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

describe('changing a password', () => {
	it('refuses a wrong current password and changes nothing', async () => {
		const db = await freshDb();
		const user = await makeUser(db, 'station');
		const other = await createSession(db, user.id);
		const before = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
		expect(await changePassword(db, { userId: user.id, current: 'not-the-password', password: 'a new password 2026' })).toEqual({
			ok: false,
			errors: { current: { key: 'password.wrongCurrent' } }
		});
		expect(await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()).toEqual(before);
		expect(await validateSessionToken(db, other.token)).not.toBeNull();
		expect(await db.selectFrom('audit_log').select('action').execute()).toEqual([]);
	});

	it('sets the new password, ends the other sessions and records it, keeping the session in use', async () => {
		const db = await freshDb();
		const user = await makeUser(db, 'reviewer');
		const here = await createSession(db, user.id);
		const elsewhere = await createSession(db, user.id);
		const changed = await changePassword(db, {
			userId: user.id,
			current: user.password,
			password: 'a new password 2026',
			keepSessionId: here.session.id
		});
		expect(changed).toEqual({ ok: true, value: undefined });
		const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
		expect(await verifyPassword(row.password_hash, 'a new password 2026')).toBe(true);
		expect(await verifyPassword(row.password_hash, user.password)).toBe(false);
		expect(await validateSessionToken(db, here.token)).not.toBeNull();
		expect(await validateSessionToken(db, elsewhere.token)).toBeNull();
		expect(await db.selectFrom('audit_log').select(['action', 'actor_id']).execute()).toEqual([
			{ action: 'user.password_change', actor_id: user.id }
		]);
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
		const unknown = await signIn(db, { email: 'nobody@example.org', password: 'whatever', address: '10.0.0.1' });
		const wrong = await signIn(db, { email: user.email, password: 'wrong password', address: '10.0.0.1' });
		expect(unknown).toEqual(wrong);
		const right = await signIn(db, { email: user.email.toUpperCase(), password: user.password, address: '10.0.0.1' });
		expect(right).toMatchObject({ ok: true, value: { userId: user.id, role: 'admin' } });
		for (let i = 0; i < 10; i++) await signIn(db, { email: user.email, password: 'wrong', address: '10.0.0.2' });
		expect(await signIn(db, { email: user.email, password: user.password, address: '10.0.0.3' })).toMatchObject({ ok: false, status: 429, errors: { _form: { key: 'login.throttled' } } });
	});

	it('lets the owner’s trusted browser in after 30 failures from elsewhere, and keeps slowing the guesser', async () => {
		const db = await freshDb();
		const owner = await makeUser(db, 'admin');
		const start = new Date('2026-12-01T01:00:00Z');
		const first = await signIn(db, { email: owner.email, password: owner.password, address: '10.1.0.1' }, start);
		if (!first.ok) throw new Error('the owner could not sign in');
		expect(first.value.deviceToken).toMatch(/^\w+\.\w+$/);
		// Only a hash of the device secret is kept.
		const [, secret] = first.value.deviceToken!.split('.');
		expect(JSON.stringify(await db.selectFrom('trusted_devices').selectAll().execute())).not.toContain(secret);

		let at = start.getTime();
		const refused = [];
		for (let i = 0; i < 30; i++) {
			at += 1000;
			refused.push(await signIn(db, { email: owner.email, password: `guess-${i}`, address: `198.51.100.${i}` }, new Date(at)));
		}
		expect(refused.every((r) => !r.ok)).toBe(true);
		expect(refused.filter((r) => !r.ok && r.status === 429).length).toBeGreaterThan(20);

		// The owner's browser, from the same address as the guesser, with the right password: in.
		const trusted = await signIn(
			db,
			{ email: owner.email, password: owner.password, address: '198.51.100.29', deviceToken: first.value.deviceToken },
			new Date(at + 1)
		);
		expect(trusted).toMatchObject({ ok: true, value: { userId: owner.id } });
		// A browser the owner never used waits, like the guesser.
		expect(await signIn(db, { email: owner.email, password: owner.password, address: '10.1.0.1' }, new Date(at + 2))).toMatchObject({
			ok: false,
			status: 429
		});
		// The guess that waits out the delay is still only a guess; the owner's later browser gets in.
		expect(
			await signIn(db, { email: owner.email, password: owner.password, address: '10.1.0.1' }, new Date(at + 16 * 60_000))
		).toMatchObject({ ok: true, value: { userId: owner.id } });
	});

	it('does not trust another account’s device token, and limits wrong passwords typed in a trusted browser', async () => {
		const db = await freshDb();
		const owner = await makeUser(db, 'station');
		const other = await makeUser(db, 'reviewer');
		const mine = await signIn(db, { email: owner.email, password: owner.password, address: '10.2.0.1' });
		if (!mine.ok) throw new Error('no sign-in');
		const now = new Date('2026-12-01T02:00:00Z');
		for (let i = 0; i < 12; i++) {
			await signIn(db, { email: other.email, password: 'x', address: '10.2.0.2', deviceToken: mine.value.deviceToken }, new Date(now.getTime() + i));
		}
		// The token of one account gave the guesser nothing against the other.
		const late = new Date(now.getTime() + 100);
		expect(await signIn(db, { email: other.email, password: other.password, address: '10.2.0.3' }, late)).toMatchObject({ status: 429 });
		// Ten wrong passwords in the trusted browser lock that browser for a while, not the account.
		for (let i = 0; i < 10; i++) {
			await signIn(db, { email: owner.email, password: 'typo', address: '10.2.0.1', deviceToken: mine.value.deviceToken }, late);
		}
		expect(
			await signIn(db, { email: owner.email, password: owner.password, address: '10.2.0.1', deviceToken: mine.value.deviceToken }, late)
		).toMatchObject({ ok: false, status: 429, errors: { _form: { key: 'login.throttled' } } });
		expect(
			await signIn(db, { email: owner.email, password: owner.password, address: '10.2.0.1', deviceToken: mine.value.deviceToken }, new Date(late.getTime() + 16 * 60_000))
		).toMatchObject({ ok: true });
	});

	it('counts every address of one IPv6 /64 as one', async () => {
		const db = await freshDb();
		const user = await makeUser(db, 'admin');
		const now = new Date('2026-12-01T03:00:00Z');
		for (let i = 0; i < 40; i++) {
			await signIn(db, { email: `nobody${i}@example.org`, password: 'x', address: `2001:db8:5:6::${i.toString(16)}` }, now);
		}
		expect(await signIn(db, { email: user.email, password: user.password, address: '2001:db8:5:6:ffff::1' }, now)).toMatchObject({
			status: 429
		});
		expect(await signIn(db, { email: user.email, password: user.password, address: '2001:db8:5:7::1' }, now)).toMatchObject({ ok: true });
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

	it('replaces a pending invitation for the same email instead of doubling it, even when both are sent at once', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const invite = () => createInvitation(db, { email: 'twice@example.org', name: '评审', role: 'reviewer', organisationId: null, createdBy: admin.id });
		const first = await invite();
		const second = await invite();
		expect(second.replaced).toBe(1);
		expect((await checkInvitation(db, first.token)).state).toBe('unknown');
		expect((await checkInvitation(db, second.token)).state).toBe('valid');
		const [a, b] = await Promise.all([invite(), invite()]);
		const pending = await listPendingInvitations(db);
		expect(pending.filter((i) => i.email === 'twice@example.org')).toHaveLength(1);
		const valid = [(await checkInvitation(db, a.token)).state, (await checkInvitation(db, b.token)).state];
		expect(valid.filter((s) => s === 'valid')).toHaveLength(1);
		const log = await db.selectFrom('audit_log').select('detail').where('action', '=', 'invitation.create').execute();
		expect(log.map((l) => JSON.parse(l.detail!).replaced)).toEqual([0, 1, 1, 1]);
	});
});
