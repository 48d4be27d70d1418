import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeUser } from '../../../tests/helpers/db';
import { createOrganisation, getOrganisationProfile, listOrganisations, listPendingInvitations, updateOrganisationProfile } from './organisations';
import { acceptInvitation, checkInvitation, createInvitation } from './auth/invite';
import { signIn } from './auth/login';

describe('organisations', () => {
	it('creates an organisation, audits it, and refuses a name already taken', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const input = { name: '海珠区南华西街社工站', kind: 'station', district: '海珠区' };
		const created = await createOrganisation(db, input, admin.id);
		expect(created.ok).toBe(true);
		expect(await createOrganisation(db, { ...input, name: ' 海珠区南华西街社工站 ' }, admin.id)).toEqual({
			ok: false,
			errors: { name: { key: 'org.err.nameTaken' } }
		});
		const log = await db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'organisation').execute();
		expect(log).toEqual([{ action: 'organisation.create', actor_id: admin.id }]);
	});

	it('counts each organisation’s staff accounts', async () => {
		const db = await freshDb();
		const a = await makeOrganisation(db, 'A 社工站');
		const b = await makeOrganisation(db, 'B 社工站');
		await makeUser(db, 'station', a);
		await makeUser(db, 'station', a);
		await makeUser(db, 'reviewer');
		const list = await listOrganisations(db);
		expect(list.map((o) => [o.id, Number(o.staff_count)])).toEqual([
			[a, 2],
			[b, 0]
		]);
	});
});

describe('organisation profile', () => {
	it('keeps the full profile, trims communities to one a line, and keeps names unique on update', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const input = {
			name: '南华西街社工站',
			kind: 'station',
			district: '海珠区',
			street: '南华西街',
			registrationNo: '52440105MJL123456X',
			communities: ' 龙骧社区 \n\n洪德社区',
			contactName: '陈主任',
			contactPhone: '020-8888 0000',
			introduction: '承接南华西街社工服务。'
		};
		const created = await createOrganisation(db, input, admin.id);
		if (!created.ok) throw new Error('create');
		expect(await getOrganisationProfile(db, created.value)).toMatchObject({ registrationNo: '52440105MJL123456X', communities: '龙骧社区\n洪德社区', street: '南华西街' });
		const other = await makeOrganisation(db, '另一个机构');
		expect(await updateOrganisationProfile(db, other, { ...input, name: '南华西街社工站 ' }, admin.id)).toEqual({ ok: false, errors: { name: { key: 'org.err.nameTaken' } } });
		expect(await updateOrganisationProfile(db, created.value, { ...input, introduction: '新简介' }, admin.id)).toEqual({ ok: true });
		expect((await getOrganisationProfile(db, created.value))?.introduction).toBe('新简介');
		const log = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'organisation.update').execute();
		expect(log).toHaveLength(1);
		expect(log[0].detail).not.toContain('8888');
	});
});

describe('invitations', () => {
	it('makes a user with the invitation’s role and organisation, once', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const org = await makeOrganisation(db);
		const { token } = await createInvitation(db, {
			email: 'New.Staff@Example.org',
			name: '李社工',
			role: 'station',
			organisationId: org,
			createdBy: admin.id
		});
		expect((await listPendingInvitations(db)).map((i) => i.email)).toEqual(['new.staff@example.org']);
		const accepted = await acceptInvitation(db, token, { name: '李小红', password: 'a long password' });
		expect(accepted.ok).toBe(true);
		const user = await db
			.selectFrom('users')
			.select(['email', 'name', 'role', 'organisation_id'])
			.where('email', '=', 'new.staff@example.org')
			.executeTakeFirstOrThrow();
		expect(user).toEqual({ email: 'new.staff@example.org', name: '李小红', role: 'station', organisation_id: org });
		expect((await signIn(db, { email: 'new.staff@example.org', password: 'a long password', address: '127.0.0.1' })).ok).toBe(true);
		expect((await checkInvitation(db, token)).state).toBe('used');
		expect(await acceptInvitation(db, token, { name: 'x', password: 'another password' })).toEqual({
			ok: false,
			status: 410,
			errors: { _form: { key: 'invite.used' } }
		});
		expect(await listPendingInvitations(db)).toEqual([]);
		const count = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(2);
	});

	it('does not list or accept expired or forged invitations', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const past = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
		const { token } = await createInvitation(db, { email: 'late@example.org', name: '迟到', role: 'reviewer', organisationId: null, createdBy: admin.id }, past);
		expect(await listPendingInvitations(db)).toEqual([]);
		expect((await checkInvitation(db, token)).state).toBe('expired');
		expect((await checkInvitation(db, `${token.split('.')[0]}.forged`)).state).toBe('unknown');
		expect(await acceptInvitation(db, token, { name: 'x', password: 'a long password' })).toEqual({ ok: false, status: 410, errors: { _form: { key: 'invite.expired' } } });
	});
});
