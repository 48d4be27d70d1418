import { afterEach, describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../tests/helpers/db';
import { createSession, validateSessionToken } from './auth/session';
import { checkInvitation, createInvitation } from './auth/invite';
import { signIn } from './auth/login';
import { checkPasswordReset, issuePasswordReset, resetPassword, RESET_MINUTES } from './auth/reset';
import { disableUser, enableUser, leaveOrganisation, revokeInvitation } from './accounts';
import type { DB } from './db';

const savedSmtp = process.env.SMTP_URL;
afterEach(() => {
	if (savedSmtp === undefined) delete process.env.SMTP_URL;
	else process.env.SMTP_URL = savedSmtp;
});

async function actions(db: DB, entityId: number | string) {
	const rows = await db.selectFrom('audit_log').select(['action', 'actor_id', 'reason']).where('entity_id', '=', String(entityId)).orderBy('id').execute();
	return rows.map((r) => r.action);
}

const origin = 'https://grants.example.org';

describe('disabling an account', () => {
	it('refuses its open session on the next request and its password at sign-in; enabling lets it back', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const staff = await makeUser(db, 'station', await makeOrganisation(db));
		const open = await createSession(db, staff.id);
		expect(await validateSessionToken(db, open.token)).not.toBeNull();

		expect(await disableUser(db, { actorId: admin.id, userId: staff.id, reason: '已离职' })).toEqual({ ok: true, value: undefined });
		expect(await validateSessionToken(db, open.token)).toBeNull();
		expect(await db.selectFrom('sessions').select('id').where('user_id', '=', staff.id).execute()).toHaveLength(0);
		const attempt = { email: staff.email, password: TEST_PASSWORD, address: '203.0.113.9' };
		expect((await signIn(db, attempt)).ok).toBe(false);

		expect((await enableUser(db, { actorId: admin.id, userId: staff.id, reason: '返岗' })).ok).toBe(true);
		expect((await signIn(db, attempt)).ok).toBe(true);
		expect(await actions(db, staff.id)).toEqual(['user.disable', 'user.enable']);
		const reasons = await db.selectFrom('audit_log').select('reason').where('entity_id', '=', String(staff.id)).orderBy('id').execute();
		expect(reasons.map((r) => r.reason)).toEqual(['已离职', '返岗']);
	});

	it('refuses disabling oneself, the last active admin, or an account twice', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const other = await makeUser(db, 'admin');
		expect(await disableUser(db, { actorId: admin.id, userId: admin.id, reason: 'x' })).toMatchObject({ ok: false, status: 409 });
		expect((await disableUser(db, { actorId: admin.id, userId: other.id, reason: '调岗' })).ok).toBe(true);
		expect(await disableUser(db, { actorId: admin.id, userId: other.id, reason: '调岗' })).toMatchObject({
			ok: false,
			errors: { _form: { key: 'people.err.alreadyDisabled' } }
		});
		// `other` is disabled: the actor is now the last active admin, whom a third admin cannot disable.
		const third = await makeUser(db, 'admin');
		expect((await disableUser(db, { actorId: third.id, userId: admin.id, reason: '调岗' })).ok).toBe(true);
		expect(await disableUser(db, { actorId: admin.id, userId: third.id, reason: '调岗' })).toMatchObject({
			errors: { _form: { key: 'people.err.lastAdmin' } }
		});
		expect(await enableUser(db, { actorId: third.id, userId: third.id, reason: 'x' })).toMatchObject({ ok: false, status: 409 });
	});
});

describe('staff leaving an organisation', () => {
	it('lose the organisation at once: their sessions end and a new one carries no organisation', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const organisation = await makeOrganisation(db);
		const staff = await makeUser(db, 'station', organisation);
		const open = await createSession(db, staff.id);
		expect((await validateSessionToken(db, open.token))?.user.organisationId).toBe(organisation);

		expect((await leaveOrganisation(db, { actorId: admin.id, userId: staff.id, reason: '调往其他机构' })).ok).toBe(true);
		expect(await validateSessionToken(db, open.token)).toBeNull();
		const again = await createSession(db, staff.id);
		expect((await validateSessionToken(db, again.token))?.user.organisationId).toBeNull();
		expect(await leaveOrganisation(db, { actorId: admin.id, userId: staff.id, reason: '再次' })).toMatchObject({ ok: false, status: 409 });
		const entry = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'user.leave_organisation').executeTakeFirstOrThrow();
		expect(JSON.parse(entry.detail!)).toEqual({ organisationId: organisation });
	});
});

describe('revoking an invitation', () => {
	it('stops its link at once, once', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const invitation = await createInvitation(db, { email: 'new@example.org', name: '新人', role: 'reviewer', organisationId: null, createdBy: admin.id });
		expect((await checkInvitation(db, invitation.token)).state).toBe('valid');
		const id = invitation.token.split('.')[0];
		expect((await revokeInvitation(db, { actorId: admin.id, invitationId: id })).ok).toBe(true);
		expect((await checkInvitation(db, invitation.token)).state).toBe('unknown');
		expect(await revokeInvitation(db, { actorId: admin.id, invitationId: id })).toMatchObject({ ok: false, status: 409 });
		expect(await actions(db, id)).toEqual(['invitation.create', 'invitation.revoke']);
	});
});

describe('a password reset link', () => {
	it('works once, ends every other session, and the old password stops working', async () => {
		delete process.env.SMTP_URL;
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const user = await makeUser(db, 'reviewer');
		const elsewhere = await createSession(db, user.id);
		const issued = await issuePasswordReset(db, { actorId: admin.id, userId: user.id, origin });
		if (!issued.ok) throw new Error('not issued');
		const token = issued.value.link.slice(`${origin}/reset/`.length);
		const secret = token.split('.')[1];
		const row = await db.selectFrom('password_resets').selectAll().executeTakeFirstOrThrow();
		expect(JSON.stringify(row)).not.toContain(secret);
		expect(await db.selectFrom('outbox').selectAll().execute()).toHaveLength(0);

		expect(await checkPasswordReset(db, token)).toEqual({ state: 'valid', account: { name: expect.any(String) } });
		expect(await resetPassword(db, token, 'a brand new password')).toEqual({ ok: true, value: { userId: user.id, role: 'reviewer' } });
		expect(await validateSessionToken(db, elsewhere.token)).toBeNull();
		expect((await signIn(db, { email: user.email, password: 'a brand new password', address: '203.0.113.7' })).ok).toBe(true);
		expect((await signIn(db, { email: user.email, password: TEST_PASSWORD, address: '203.0.113.8' })).ok).toBe(false);

		expect(await resetPassword(db, token, 'yet another password')).toMatchObject({ ok: false, status: 410, errors: { _form: { key: 'people.reset.used' } } });
		expect((await signIn(db, { email: user.email, password: 'yet another password', address: '203.0.113.6' })).ok).toBe(false);
		expect(await actions(db, user.id)).toEqual(['user.password_reset_issue', 'user.password_reset']);
	});

	it('expires, is replaced by a newer one, dies with a disabled account, and is mailed when SMTP is set', async () => {
		process.env.SMTP_URL = 'smtp://127.0.0.1:9';
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const user = await makeUser(db, 'station', await makeOrganisation(db));
		const tokenOf = (link: string) => link.slice(`${origin}/reset/`.length);
		const first = await issuePasswordReset(db, { actorId: admin.id, userId: user.id, origin });
		const second = await issuePasswordReset(db, { actorId: admin.id, userId: user.id, origin });
		if (!first.ok || !second.ok) throw new Error('not issued');
		expect((await checkPasswordReset(db, tokenOf(first.value.link))).state).toBe('unknown');
		const late = new Date(Date.now() + (RESET_MINUTES + 1) * 60_000);
		expect((await checkPasswordReset(db, tokenOf(second.value.link), late)).state).toBe('expired');
		expect(await resetPassword(db, tokenOf(second.value.link), 'a brand new password', late)).toMatchObject({ ok: false, status: 410 });
		const mails = await db.selectFrom('outbox').select(['recipient', 'body']).execute();
		expect(mails).toHaveLength(2);
		expect(mails[1]).toEqual({ recipient: user.email, body: expect.stringContaining(second.value.link) });

		expect((await disableUser(db, { actorId: admin.id, userId: user.id, reason: '离职' })).ok).toBe(true);
		expect((await checkPasswordReset(db, tokenOf(second.value.link))).state).toBe('unknown');
		expect(await issuePasswordReset(db, { actorId: admin.id, userId: user.id, origin })).toMatchObject({ ok: false, status: 409 });
	});
});
