import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import { insertPublishedNeed } from '../../../tests/helpers/needs';
import { eraseContactOnRequest, eraseExpiredContacts, personalData, putSetting, recordContactView, retentionMonths, RETENTION_KEY } from './privacy';
import { formatReceiptCode, getPublicNeed, listPublishedNeeds } from './needs';
import { addMonths } from '../domain/retention';
import type { DB } from './db';

const DAY = 24 * 60 * 60 * 1000;

/** A published need with a resident's contact, and an objection with an objector's, in `roundId`. */
async function withContacts(db: DB, roundId: number, code: string) {
	const now = new Date().toISOString();
	const needId = await insertPublishedNeed(db, roundId, {
		receipt_code: code,
		title: '楼道灯坏了',
		contact_name: '王阿姨',
		contact_phone: '13800000000',
		contact_consent_at: now
	});
	const proposalId = await makeProposal(db, roundId, await makeOrganisation(db));
	const { id: objectionId } = await db
		.insertInto('objections')
		.values({
			round_id: roundId,
			proposal_id: proposalId,
			objector_name: '梁先生',
			objector_contact: '13900000002',
			reason: '项目与去年重复。',
			submission_key: null,
			contact_consent_at: now,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { needId, objectionId };
}

describe('the retention job', () => {
	it('erases the contacts of a round closed longer ago than the retention period, and the need stays public', async () => {
		const db = await freshDb();
		expect(await retentionMonths(db)).toBe(12);
		const round = await makeRound(db, 'closed');
		const { needId, objectionId } = await withContacts(db, round.id, 'abcd2efgh3jk');
		const closedAt = new Date(round.closed_at);

		// A day before the retention date: nothing goes.
		expect(await eraseExpiredContacts(db, new Date(addMonths(closedAt, 12).getTime() - DAY))).toEqual({ needs: 0, objections: 0 });
		expect((await db.selectFrom('needs').select('contact_phone').where('id', '=', needId).executeTakeFirstOrThrow()).contact_phone).toBe('13800000000');

		const after = new Date(addMonths(closedAt, 12).getTime() + DAY);
		expect(await eraseExpiredContacts(db, after)).toEqual({ needs: 1, objections: 1 });
		const need = await db.selectFrom('needs').selectAll().where('id', '=', needId).executeTakeFirstOrThrow();
		expect(need).toMatchObject({ contact_name: null, contact_phone: null, contact_erased_at: after.toISOString(), title: '楼道灯坏了', status: 'published' });
		const objection = await db.selectFrom('objections').selectAll().where('id', '=', objectionId).executeTakeFirstOrThrow();
		expect(objection).toMatchObject({ objector_name: '', objector_contact: '', reason: '项目与去年重复。' });
		const everything = JSON.stringify([await db.selectFrom('needs').selectAll().execute(), await db.selectFrom('objections').selectAll().execute()]);
		for (const gone of ['王阿姨', '13800000000', '梁先生', '13900000002']) expect(everything).not.toContain(gone);
		// The public board still lists the need.
		const board = await listPublishedNeeds(db, round.id);
		expect(board.items.map((n) => n.id)).toEqual([needId]);
		expect((await getPublicNeed(db, needId))?.title).toBe('楼道灯坏了');

		// Once: a second run erases (and logs) nothing more.
		expect(await eraseExpiredContacts(db, after)).toEqual({ needs: 0, objections: 0 });
		const entries = await db.selectFrom('audit_log').select(['action', 'entity_id', 'detail', 'actor_id']).where('action', '=', 'privacy.retention_erase').execute();
		expect(entries).toEqual([{ action: 'privacy.retention_erase', entity_id: String(round.id), detail: JSON.stringify({ needs: 1, objections: 1 }), actor_id: null }]);
	});

	it('follows the admins’ setting, and leaves rounds still open alone', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const closed = await makeRound(db, 'closed');
		const open = await makeRound(db, 'needs_call');
		await withContacts(db, closed.id, 'abcd2efgh3jk');
		await withContacts(db, open.id, 'bbcd2efgh3jk');
		await putSetting(db, { key: RETENTION_KEY, value: '1', actorId: admin.id });
		expect(await retentionMonths(db)).toBe(1);
		const later = new Date(addMonths(new Date(closed.closed_at), 1).getTime() + DAY);
		expect(await eraseExpiredContacts(db, later)).toEqual({ needs: 1, objections: 1 });
		const left = await db.selectFrom('needs').select(['round_id', 'contact_phone']).where('contact_phone', 'is not', null).execute();
		expect(left).toEqual([{ round_id: open.id, contact_phone: '13800000000' }]);
	});
});

describe('a resident’s request', () => {
	it('shows an admin what is kept (audited as a view), exports it (audited), and erases the contact at once', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const round = await makeRound(db, 'review');
		const { needId } = await withContacts(db, round.id, 'abcd2efgh3jk');
		const code = formatReceiptCode('abcd2efgh3jk');

		expect(await personalData(db, { code: 'nope', actorId: admin.id, purpose: 'view' })).toMatchObject({ ok: false, errors: { code: { key: 'people.privacy.noSuchCode' } } });
		const seen = await personalData(db, { code: code.toLowerCase(), actorId: admin.id, purpose: 'view' });
		expect(seen).toMatchObject({ ok: true, value: { receiptCode: code, contactName: '王阿姨', contactPhone: '13800000000', erasedAt: null } });
		expect((await personalData(db, { code, actorId: admin.id, purpose: 'export' })).ok).toBe(true);

		expect((await eraseContactOnRequest(db, { code, actorId: admin.id, reason: '本人持回执单到站办理' })).ok).toBe(true);
		const need = await db.selectFrom('needs').select(['contact_name', 'contact_phone', 'title', 'status']).where('id', '=', needId).executeTakeFirstOrThrow();
		expect(need).toEqual({ contact_name: null, contact_phone: null, title: '楼道灯坏了', status: 'published' });
		const log = await db.selectFrom('audit_log').select(['action', 'actor_id', 'reason']).where('entity', '=', 'need').orderBy('id').execute();
		expect(log).toEqual([
			{ action: 'need.contact_view', actor_id: admin.id, reason: null },
			{ action: 'privacy.export', actor_id: admin.id, reason: null },
			{ action: 'privacy.erase_request', actor_id: admin.id, reason: '本人持回执单到站办理' }
		]);
		// Nothing personal in the log itself.
		expect(JSON.stringify(await db.selectFrom('audit_log').selectAll().execute())).not.toContain('13800000000');
	});

	it('records who was shown which contacts, and nothing when none were shown', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		await recordContactView(db, { actorId: admin.id, entity: 'need', ids: [], where: 'moderation' });
		await recordContactView(db, { actorId: admin.id, entity: 'need', ids: [3, 5], where: 'moderation' });
		const rows = await db.selectFrom('audit_log').select(['action', 'actor_id', 'detail']).execute();
		expect(rows).toEqual([{ action: 'need.contact_view', actor_id: admin.id, detail: JSON.stringify({ ids: [3, 5], where: 'moderation' }) }]);
	});
});
