import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeRound, makeUser } from '../../../tests/helpers/db';
import { fieldErrors } from '../schemas/form';
import { needSchema, type NeedInput } from '../schemas/needs';
import type { DB } from './db';
import type { ProposalStatus } from './schema';
import {
	NeedsCallClosedError,
	declineNeed,
	getPublicNeed,
	listNeedsForModeration,
	listPublishedNeeds,
	normaliseReceiptCode,
	publishNeeds,
	reportNeed,
	trackNeed
} from './needs';

const PHONE = '13800138000';
const NAME = '陈阿姨';

function form(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		title: '独居长者缺少助餐服务',
		description: '小区里有二十多位独居长者，附近没有长者饭堂，下雨天买菜做饭很困难。',
		category: 'elderly',
		district: '海珠区',
		street: '南华西街道',
		affected_group: '行动不便的独居长者',
		affected_count: '25',
		urgency: 'high',
		contact_name: NAME,
		contact_phone: PHONE,
		consent: 'on',
		...overrides
	};
}

function input(overrides: Record<string, string> = {}): NeedInput {
	return needSchema.parse(form(overrides));
}

function errorsOf(values: Record<string, string>) {
	const parsed = needSchema.safeParse(values);
	return parsed.success ? {} : fieldErrors(parsed.error);
}

/** Every key of an object graph, so a private field cannot hide in a nested object. */
function keysDeep(value: unknown, out = new Set<string>()): Set<string> {
	if (Array.isArray(value)) value.forEach((v) => keysDeep(v, out));
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			out.add(k);
			keysDeep(v, out);
		}
	}
	return out;
}

function expectNoContact(value: unknown) {
	const keys = [...keysDeep(value)].map((k) => k.toLowerCase());
	expect(keys.filter((k) => k.includes('contact') || k.includes('phone'))).toEqual([]);
	const json = JSON.stringify(value);
	expect(json).not.toContain(PHONE);
	expect(json).not.toContain(NAME);
}

async function needId(db: DB, receiptCode: string): Promise<number> {
	const row = await db
		.selectFrom('needs')
		.select('id')
		.where('receipt_code', '=', normaliseReceiptCode(receiptCode)!)
		.executeTakeFirstOrThrow();
	return row.id;
}

async function addProposal(db: DB, roundId: number, needIds: number[], status: ProposalStatus) {
	const org = await makeOrganisation(db);
	const user = await makeUser(db, 'station', org);
	const now = new Date().toISOString();
	const { id } = await db
		.insertInto('proposals')
		.values({
			round_id: roundId,
			organisation_id: org,
			title: `项目 ${status}`,
			summary: '摘要',
			requested_fen: 3_000_000,
			status,
			created_by: user.id,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('proposal_needs')
		.values(needIds.map((need_id) => ({ proposal_id: id, need_id })))
		.execute();
	return id;
}

describe('reporting a need', () => {
	it('is open only while the round is in its needs call, and says which phase it is in', async () => {
		const db = await freshDb();
		for (const phase of ['draft', 'applications', 'closed'] as const) {
			const round = await makeRound(db, phase);
			const attempt = reportNeed(db, round, input(), null);
			await expect(attempt).rejects.toBeInstanceOf(NeedsCallClosedError);
			await expect(attempt).rejects.toMatchObject({ phase });
		}
		expect(await db.selectFrom('needs').select('id').execute()).toHaveLength(0);

		const open = await makeRound(db, 'needs_call');
		const { receiptCode, duplicate } = await reportNeed(db, open, input(), null);
		expect(duplicate).toBe(false);
		expect(receiptCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		const row = await db.selectFrom('needs').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'new', round_id: open.id, affected_count: 25, urgency: 'high' });
	});

	it('gives a resent form (same submission key) the same receipt and stores one need', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const first = await reportNeed(db, round, input(), 'k'.repeat(24));
		const again = await reportNeed(db, round, input({ title: '改过的标题' }), 'k'.repeat(24));
		// Two clicks at once: both requests race to insert.
		const racing = await Promise.all([
			reportNeed(db, round, input(), 'r'.repeat(24)),
			reportNeed(db, round, input(), 'r'.repeat(24))
		]);
		expect(again).toEqual({ receiptCode: first.receiptCode, duplicate: true });
		expect(racing[0].receiptCode).toBe(racing[1].receiptCode);
		const rows = await db.selectFrom('needs').select(['title', 'submission_key']).execute();
		expect(rows).toHaveLength(2);
		expect(rows.find((r) => r.submission_key === 'k'.repeat(24))?.title).toBe('独居长者缺少助餐服务');
	});

	it('gives distinct receipt codes that do not follow from one another', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const codes: string[] = [];
		for (let i = 0; i < 30; i++) codes.push((await reportNeed(db, round, input(), null)).receiptCode);
		expect(new Set(codes).size).toBe(30);
		// In creation order the codes are not sorted (30! orders; a counter would sort).
		expect([...codes].sort()).not.toEqual(codes);
		// Neighbours share no long prefix, as counters or timestamps would.
		for (let i = 1; i < codes.length; i++) {
			expect(codes[i].slice(0, 6)).not.toBe(codes[i - 1].slice(0, 6));
		}
	});

	it('reads receipt codes typed in any case, with or without dashes', () => {
		expect(normaliseReceiptCode('ABCD-EFGH-JKMN')).toBe('abcdefghjkmn');
		expect(normaliseReceiptCode(' abcd efgh jkmn ')).toBe('abcdefghjkmn');
		expect(normaliseReceiptCode('abcdefghjkmn')).toBe('abcdefghjkmn');
		expect(normaliseReceiptCode('ABCD-EFGH-JKM1')).toBe('abcdefghjkmi');
		expect(normaliseReceiptCode('ABCD-EFGH-JKM')).toBeNull();
		expect(normaliseReceiptCode('ABCD-EFGH-JKM0')).toBeNull();
		expect(normaliseReceiptCode("' or 1=1 --")).toBeNull();
	});
});

describe('the report form', () => {
	it('accepts a complete report, and one without a contact', () => {
		expect(errorsOf(form())).toEqual({});
		expect(errorsOf(form({ contact_name: '', contact_phone: '', consent: '' }))).toEqual({});
		expect(needSchema.parse(form({ affected_count: '' })).affected_count).toBeNull();
	});

	it('names every missing required field', () => {
		const errors = errorsOf({});
		for (const field of ['title', 'description', 'category', 'district', 'street', 'affected_group', 'urgency']) {
			expect(errors[field]?.key, field).toBe('err.required');
		}
		expect(errorsOf(form({ title: '   ', category: '' })).title?.key).toBe('err.required');
		expect(errorsOf(form({ category: '' })).category?.key).toBe('err.required');
		expect(Object.keys(errorsOf({}))).not.toContain('contact_phone');
	});

	it('refuses text over the limits, including a 100 KB description', () => {
		const errors = errorsOf(
			form({
				title: '标'.repeat(81),
				description: 'x'.repeat(100_000),
				street: '街'.repeat(41),
				affected_group: '人'.repeat(101),
				contact_name: '名'.repeat(41)
			})
		);
		expect(errors.title).toEqual({ key: 'err.tooLong', params: { max: 80 } });
		expect(errors.description).toEqual({ key: 'err.tooLong', params: { max: 2000 } });
		expect(errors.street?.key).toBe('err.tooLong');
		expect(errors.affected_group?.key).toBe('err.tooLong');
		expect(errors.contact_name?.key).toBe('err.tooLong');
		expect(errorsOf(form({ title: '标'.repeat(80) })).title).toBeUndefined();
	});

	it('keeps markup and emoji as plain text rather than refusing or altering them', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const title = '<script>alert(1)</script> 楼道灯坏了 💡🙏';
		const { receiptCode } = await reportNeed(db, round, input({ title }), null);
		expect((await trackNeed(db, receiptCode))?.title).toBe(title);
	});

	it('refuses values off the lists', () => {
		const errors = errorsOf(form({ district: '东城区', category: 'pets', urgency: 'extreme' }));
		expect(errors.district?.key).toBe('err.choice');
		expect(errors.category?.key).toBe('err.choice');
		expect(errors.urgency?.key).toBe('err.choice');
	});

	it('checks the number affected is a whole number from 1 to 1,000,000', () => {
		expect(errorsOf(form({ affected_count: '0' })).affected_count?.key).toBe('needs.err.count');
		expect(errorsOf(form({ affected_count: '1000001' })).affected_count?.key).toBe('needs.err.count');
		expect(errorsOf(form({ affected_count: '2.5' })).affected_count?.key).toBe('err.integer');
		expect(errorsOf(form({ affected_count: '十' })).affected_count?.key).toBe('err.integer');
		expect(needSchema.parse(form({ affected_count: '1000000' })).affected_count).toBe(1_000_000);
	});

	it('accepts mainland mobiles and landlines and refuses other phone text', () => {
		for (const phone of ['13800138000', '138 0013 8000', '+8613800138000', '020-83331234', '83331234', '0757-2233445']) {
			expect(errorsOf(form({ contact_phone: phone })).contact_phone, phone).toBeUndefined();
		}
		for (const phone of ['12345', '23800138000', 'call me', '138001380001']) {
			expect(errorsOf(form({ contact_phone: phone })).contact_phone?.key, phone).toBe('err.phone');
		}
	});

	it('asks for consent only when a contact is given, alongside other errors', () => {
		expect(errorsOf(form({ consent: '' })).consent?.key).toBe('needs.err.consent');
		expect(errorsOf(form({ contact_phone: '', consent: '' })).consent?.key).toBe('needs.err.consent');
		expect(errorsOf(form({ contact_name: '', contact_phone: '', consent: '' })).consent).toBeUndefined();
		const several = errorsOf(form({ title: '', consent: '' }));
		expect(Object.keys(several).sort()).toEqual(['consent', 'title']);
		expect(errorsOf({ contact_name: '王先生' }).consent?.key).toBe('needs.err.consent');
	});
});

describe('moderation', () => {
	it('publishes needs and writes an audit row for each, without the contact', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const a = await needId(db, (await reportNeed(db, round, input(), null)).receiptCode);
		const b = await needId(db, (await reportNeed(db, round, input(), null)).receiptCode);

		expect(await getPublicNeed(db, a)).toBeUndefined();
		expect((await listPublishedNeeds(db, round.id, {})).total).toBe(0);

		expect(await publishNeeds(db, [a, b], admin.id, round.id)).toEqual([a, b]);
		// Publishing again changes nothing and logs nothing.
		expect(await publishNeeds(db, [a], admin.id, round.id)).toEqual([]);
		expect((await listPublishedNeeds(db, round.id, {})).total).toBe(2);

		const rows = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity', '=', 'need')
			.orderBy('id')
			.execute();
		expect(rows.map((r) => [r.action, r.entity_id, r.actor_id])).toEqual([
			['need.publish', String(a), admin.id],
			['need.publish', String(b), admin.id]
		]);
		expect(JSON.stringify(rows)).not.toContain(PHONE);
	});

	it('leaves needs of another round alone when the round is given', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const mine = await makeRound(db, 'needs_call');
		const other = await makeRound(db, 'needs_call');
		const id = await needId(db, (await reportNeed(db, other, input(), null)).receiptCode);
		expect(await publishNeeds(db, [id], admin.id, mine.id)).toEqual([]);
		expect(await declineNeed(db, id, '重复', admin.id, mine.id)).toBe(false);
		expect((await listNeedsForModeration(db, other.id, 'new')).map((n) => n.id)).toEqual([id]);
	});

	it('declines with a reason the resident reads on tracking, and audits it', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const { receiptCode } = await reportNeed(db, round, input(), null);
		const id = await needId(db, receiptCode);

		await expect(declineNeed(db, id, '   ', admin.id)).rejects.toThrow(/reason/);
		expect((await trackNeed(db, receiptCode))?.status).toBe('new');

		expect(await declineNeed(db, id, '属于市政维修范围，已转交街道办处理。', admin.id)).toBe(true);
		const tracked = await trackNeed(db, receiptCode.toLowerCase().replaceAll('-', ''));
		expect(tracked).toMatchObject({
			status: 'declined',
			declineReason: '属于市政维修范围，已转交街道办处理。',
			publicId: null
		});
		const row = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'need.decline')
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			entity: 'need',
			entity_id: String(id),
			actor_id: admin.id,
			reason: '属于市政维修范围，已转交街道办处理。'
		});
		expect(await getPublicNeed(db, id)).toBeUndefined();
	});

	it('shows admins the contact, filtered by status', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const a = await needId(db, (await reportNeed(db, round, input(), null)).receiptCode);
		await reportNeed(db, round, input({ contact_name: '', contact_phone: '', consent: '' }), null);
		await publishNeeds(db, [a], admin.id);
		const fresh = await listNeedsForModeration(db, round.id, 'new');
		const published = await listNeedsForModeration(db, round.id, 'published');
		expect(fresh).toHaveLength(1);
		expect(fresh[0].contact_phone).toBeNull();
		expect(published).toMatchObject([{ id: a, contact_name: NAME, contact_phone: PHONE }]);
		expect(await listNeedsForModeration(db, round.id, 'all')).toHaveLength(2);
	});
});

describe('what the public sees', () => {
	it('never returns a resident’s contact from tracking, the board or a need’s page', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const { receiptCode } = await reportNeed(db, round, input(), null);
		const id = await needId(db, receiptCode);
		expectNoContact(await trackNeed(db, receiptCode));
		await publishNeeds(db, [id], admin.id);
		const tracked = await trackNeed(db, receiptCode);
		const board = await listPublishedNeeds(db, round.id, { page: 1 });
		const page = await getPublicNeed(db, id);
		expect(tracked?.publicId).toBe(id);
		expect(board.items.map((n) => n.id)).toEqual([id]);
		expect(page?.title).toBe('独居长者缺少助餐服务');
		for (const value of [tracked, board, page]) expectNoContact(value);
	});

	it('answers a wrong receipt code with nothing', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		await reportNeed(db, round, input(), null);
		expect(await trackNeed(db, 'ABCD-EFGH-JKMN')).toBeUndefined();
		expect(await trackNeed(db, 'not a code')).toBeUndefined();
	});

	it('lists published needs newest first, 20 a page, filtered by district and category', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const ids: number[] = [];
		for (let i = 0; i < 25; i++) {
			const district = i % 5 === 0 ? '越秀区' : '海珠区';
			const category = i % 2 === 0 ? 'youth' : 'elderly';
			const { receiptCode } = await reportNeed(db, round, input({ title: `需求 ${i}`, district, category }), null);
			const id = await needId(db, receiptCode);
			ids.push(id);
			await publishNeeds(db, [id], admin.id);
		}
		// One still awaiting moderation never shows.
		await reportNeed(db, round, input({ district: '越秀区' }), null);

		const first = await listPublishedNeeds(db, round.id, { page: 1 });
		const second = await listPublishedNeeds(db, round.id, { page: 2 });
		expect(first.total).toBe(25);
		expect(first.items).toHaveLength(20);
		expect(second.items).toHaveLength(5);
		expect([...first.items, ...second.items].map((n) => n.id)).toEqual([...ids].reverse());

		const yuexiu = await listPublishedNeeds(db, round.id, { district: '越秀区', page: 1 });
		expect(yuexiu.total).toBe(5);
		expect(yuexiu.items.every((n) => n.district === '越秀区')).toBe(true);
		const both = await listPublishedNeeds(db, round.id, { district: '越秀区', category: 'youth', page: 1 });
		expect(both.items.map((n) => n.title).sort()).toEqual(['需求 0', '需求 10', '需求 20']);
	});

	it('counts answering proposals and shows funded projects only once results are published', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const { receiptCode } = await reportNeed(db, round, input(), null);
		const id = await needId(db, receiptCode);
		await publishNeeds(db, [id], admin.id);

		await addProposal(db, round.id, [id], 'draft');
		await addProposal(db, round.id, [id], 'withdrawn');
		await addProposal(db, round.id, [id], 'submitted');
		const funded = await addProposal(db, round.id, [id], 'funded');

		expect(await trackNeed(db, receiptCode)).toMatchObject({ answeredBy: 2, funded: [] });
		expect(await getPublicNeed(db, id)).toMatchObject({ proposalCount: 2, funded: [] });

		await db
			.updateTable('rounds')
			.set({ results_published_at: new Date().toISOString() })
			.where('id', '=', round.id)
			.execute();
		const project = { id: funded, title: '项目 funded' };
		expect((await trackNeed(db, receiptCode))?.funded).toEqual([project]);
		expect((await getPublicNeed(db, id))?.funded).toEqual([project]);
	});

	it('hides the needs of a round still in draft', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const round = await makeRound(db, 'needs_call');
		const id = await needId(db, (await reportNeed(db, round, input(), null)).receiptCode);
		await publishNeeds(db, [id], admin.id);
		await db.updateTable('rounds').set({ phase_override: 'draft' }).where('id', '=', round.id).execute();
		expect(await getPublicNeed(db, id)).toBeUndefined();
	});
});
