import { describe, expect, it } from 'vitest';
import { freshDb as emptyDb, makeOrganisation, makeRound, makeUser, setPhase } from '../../../tests/helpers/db';
import { placeIds } from '../../../tests/helpers/needs';
import { fieldErrors } from '../schemas/form';
import { needSchema, type NeedInput } from '../schemas/needs';
import type { DB } from './db';
import type { Outcome } from './outcome';
import type { ProposalStatus, Round } from './schema';
import { saveCategory, setCategoryRetired } from './categories';
import {
	boardPlaces,
	hasSupported,
	publicTargetOf,
	supportNeed,
	getPublicNeed,
	listPublishedNeeds,
	normaliseReceiptCode,
	reportNeed,
	trackNeed
} from './needs';
import {
	declineNeed,
	declineNeeds,
	editAndPublishNeed,
	listNeedsForModeration,
	mergeNeed,
	publishNeeds,
	rollOverNeeds
} from './needs-moderation';

const PHONE = '13800138000';
const NAME = '陈阿姨';

/** Place ids of the seeded demo places, filled in by `seeded()` before any form is built. */
let PLACES: Record<string, string> = { district_id: '1', street_id: '2', community_id: '' };

async function seeded(db: DB) {
	PLACES = await placeIds(db);
	return db;
}

function form(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		title: '独居长者缺少助餐服务',
		description: '小区里有二十多位独居长者，附近没有长者饭堂，下雨天买菜做饭很困难。',
		category: 'elderly',
		...PLACES,
		affected_group: '行动不便的独居长者',
		affected_count: '25',
		urgency: 'high',
		contact_name: NAME,
		contact_phone: PHONE,
		consent: 'on',
		...overrides
	};
}

/** A fresh database with the demo places and categories. */
async function freshDb() {
	return seeded(await emptyDb());
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

/** A need reported in an open call: its receipt (the test fails if the report is refused). */
async function report(...args: Parameters<typeof reportNeed>) {
	const reported = await reportNeed(...args);
	if (!reported.ok) throw new Error(`refused: ${JSON.stringify(reported.errors)}`);
	return reported.value;
}

/** What a "me too" came to: added, already counted, or the key of its refusal. */
function said(outcome: Outcome<{ added: boolean }>): string | undefined {
	return outcome.ok ? (outcome.value.added ? 'added' : 'already') : outcome.errors._form?.key;
}

const NOT_PENDING = { ok: false, status: 409, errors: { _form: { key: 'needs.err.notPending' } } };

describe('reporting a need', () => {
	it('is open only while the round is in its needs call, and says which phase it is in', async () => {
		const db = await freshDb();
		for (const phase of ['draft', 'applications', 'closed'] as const) {
			const round = await makeRound(db, phase);
			expect(await reportNeed(db, round, input(), null)).toEqual({
				ok: false,
				status: 409,
				errors: { _form: { key: 'err.phaseClosed', params: { phase } } }
			});
		}
		expect(await db.selectFrom('needs').select('id').execute()).toHaveLength(0);

		const open = await makeRound(db, 'needs_call');
		const { receiptCode, duplicate } = await report(db, open, input(), null);
		expect(duplicate).toBe(false);
		expect(receiptCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		const row = await db.selectFrom('needs').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'new', round_id: open.id, affected_count: 25, urgency: 'high' });
	});

	it('gives a resent form (same submission key) the same receipt and stores one need', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const first = await report(db, round, input(), 'k'.repeat(24));
		const again = await report(db, round, input({ title: '改过的标题' }), 'k'.repeat(24));
		// Two clicks at once: both requests race to insert.
		const racing = await Promise.all([
			report(db, round, input(), 'r'.repeat(24)),
			report(db, round, input(), 'r'.repeat(24))
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
		for (let i = 0; i < 30; i++) codes.push((await report(db, round, input(), null)).receiptCode);
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
		for (const field of ['title', 'description', 'category', 'district_id', 'street_id', 'affected_group', 'urgency']) {
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
				affected_group: '人'.repeat(101),
				contact_name: '名'.repeat(41)
			})
		);
		expect(errors.title).toEqual({ key: 'err.tooLong', params: { max: 80 } });
		expect(errors.description).toEqual({ key: 'err.tooLong', params: { max: 2000 } });
		expect(errors.affected_group?.key).toBe('err.tooLong');
		expect(errors.contact_name?.key).toBe('err.tooLong');
		expect(errorsOf(form({ title: '标'.repeat(80) })).title).toBeUndefined();
	});

	it('keeps markup and emoji as plain text rather than refusing or altering them', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const title = '<script>alert(1)</script> 楼道灯坏了 💡🙏';
		const { receiptCode } = await report(db, round, input({ title }), null);
		expect((await trackNeed(db, receiptCode))?.title).toBe(title);
	});

	it('refuses values off the lists', () => {
		const errors = errorsOf(form({ district_id: '东城区', category: 'x'.repeat(41), urgency: 'extreme' }));
		expect(errors.district_id?.key).toBe('err.choice');
		expect(errors.category?.key).toBe('err.tooLong');
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
		const a = await needId(db, (await report(db, round, input(), null)).receiptCode);
		const b = await needId(db, (await report(db, round, input(), null)).receiptCode);

		expect(await getPublicNeed(db, a)).toBeUndefined();
		expect((await listPublishedNeeds(db, round.id, {})).total).toBe(0);

		expect(await publishNeeds(db, [a, b], admin.id, round.id)).toEqual({ ok: true, value: [a, b] });
		// Publishing again changes nothing and logs nothing.
		expect(await publishNeeds(db, [a], admin.id, round.id)).toEqual(NOT_PENDING);
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
		const id = await needId(db, (await report(db, other, input(), null)).receiptCode);
		expect(await publishNeeds(db, [id], admin.id, mine.id)).toEqual(NOT_PENDING);
		expect(await declineNeed(db, id, '重复', admin.id, mine.id)).toEqual(NOT_PENDING);
		expect((await listNeedsForModeration(db, other.id, 'new')).map((n) => n.id)).toEqual([id]);
	});

	it('declines with a reason the resident reads on tracking, and audits it', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const { receiptCode } = await report(db, round, input(), null);
		const id = await needId(db, receiptCode);

		expect(await declineNeed(db, id, '   ', admin.id)).toEqual({ ok: false, errors: { reason: { key: 'err.required' } } });
		expect((await trackNeed(db, receiptCode))?.status).toBe('new');

		expect(await declineNeed(db, id, '属于市政维修范围，已转交街道办处理。', admin.id)).toEqual({ ok: true, value: undefined });
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
		const a = await needId(db, (await report(db, round, input(), null)).receiptCode);
		await report(db, round, input({ contact_name: '', contact_phone: '', consent: '' }), null);
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
		const { receiptCode } = await report(db, round, input(), null);
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
		await report(db, round, input(), null);
		expect(await trackNeed(db, 'ABCD-EFGH-JKMN')).toBeUndefined();
		expect(await trackNeed(db, 'not a code')).toBeUndefined();
	});

	it('lists published needs newest first, 20 a page, filtered by district and category', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const ids: number[] = [];
		const yuexiuPlace = await placeIds(db, '越秀区', '北京街');
		for (let i = 0; i < 25; i++) {
			const place = i % 5 === 0 ? yuexiuPlace : {};
			const category = i % 2 === 0 ? 'youth' : 'elderly';
			const { receiptCode } = await report(db, round, input({ title: `需求 ${i}`, ...place, category }), null);
			const id = await needId(db, receiptCode);
			ids.push(id);
			await publishNeeds(db, [id], admin.id);
		}
		// One still awaiting moderation never shows.
		await report(db, round, input(yuexiuPlace), null);

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
		const { receiptCode } = await report(db, round, input(), null);
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
			.set({ results_published_at: new Date().toISOString(), phase_override: 'implementation' })
			.where('id', '=', round.id)
			.execute();
		// The phase alone says nothing of the project: funded, its agreement pending…
		expect(await trackNeed(db, receiptCode)).toMatchObject({ funded: [{ id: funded, stage: 'funded' }], stage: 'funded' });
		// …until the agreement is signed.
		await db
			.insertInto('agreements')
			.values({ proposal_id: funded, round_id: round.id, number: 'A-1', signed_on: '2026-03-01', award_fen: 100, payee_account_name: '站点', plan_reason: null, recorded_by: admin.id, recorded_at: new Date().toISOString() })
			.execute();
		const project = { id: funded, title: '项目 funded', stage: 'signed', completed: false };
		expect(await trackNeed(db, receiptCode)).toMatchObject({ funded: [project], stage: 'implementing' });
		expect(await getPublicNeed(db, id)).toMatchObject({ funded: [project], stage: 'implementing' });
	});

	it('hides the needs of a round still in draft', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const round = await makeRound(db, 'needs_call');
		const id = await needId(db, (await report(db, round, input(), null)).receiptCode);
		await publishNeeds(db, [id], admin.id);
		await db.updateTable('rounds').set({ phase_override: 'draft' }).where('id', '=', round.id).execute();
		expect(await getPublicNeed(db, id)).toBeUndefined();
	});
});

describe('places and categories on a report', () => {
	it('stores the names of the chosen places and refuses places that do not nest', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const place = await placeIds(db, '海珠区', '南华西街', '龙导尾社区');
		const { receiptCode } = await report(db, round, input(place), null);
		const row = await db
			.selectFrom('needs')
			.select(['district', 'street', 'community', 'district_id', 'street_id', 'community_id'])
			.where('receipt_code', '=', normaliseReceiptCode(receiptCode)!)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			district: '海珠区',
			street: '南华西街',
			community: '龙导尾社区',
			district_id: Number(place.district_id),
			community_id: Number(place.community_id)
		});

		const yuexiu = await placeIds(db, '越秀区', '北京街', '西湖社区');
		const attempts: [Record<string, string>, string][] = [
			[{ street_id: yuexiu.street_id }, 'street_id'],
			[{ community_id: yuexiu.community_id }, 'community_id'],
			[{ district_id: '999999' }, 'district_id'],
			// A street's id given as the district.
			[{ district_id: place.street_id }, 'district_id']
		];
		for (const [overrides, field] of attempts) {
			expect(await reportNeed(db, round, input(overrides), null), field).toEqual({
				ok: false,
				errors: { [field]: { key: 'needs.err.place' } }
			});
		}
		expect(await db.selectFrom('needs').select('id').execute()).toHaveLength(1);
	});

	it('refuses a category that is unknown or retired', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const unknown = { ok: false, errors: { category: { key: 'err.choice' } } };
		expect(await reportNeed(db, round, input({ category: 'pets' }), null)).toEqual(unknown);
		await setCategoryRetired(db, 'drugs', true, admin.id);
		expect(await reportNeed(db, round, input({ category: 'drugs' }), null)).toEqual(unknown);
		await saveCategory(db, { key: 'pets', name_zh: '宠物', name_en: 'Pets' }, admin.id);
		expect(await reportNeed(db, round, input({ category: 'pets' }), null)).toMatchObject({ ok: true, value: { duplicate: false } });
	});
});

async function reported(db: DB, round: Round, overrides: Record<string, string> = {}) {
	const { receiptCode } = await report(db, round, input(overrides), null);
	return { receiptCode, id: await needId(db, receiptCode) };
}

describe('merging duplicates', () => {
	it('carries supports (each supporter once) and the receipt code over to the target', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const target = await reported(db, round);
		const duplicate = await reported(db, round, { title: '楼下长者吃饭难' });
		await publishNeeds(db, [target.id, duplicate.id], admin.id);
		await supportNeed(db, target.id, 'a'.repeat(64));
		await supportNeed(db, duplicate.id, 'a'.repeat(64));
		await supportNeed(db, duplicate.id, 'b'.repeat(64));
		await supportNeed(db, duplicate.id, 'c'.repeat(64));

		expect(await mergeNeed(db, duplicate.id, target.id, admin.id, round.id)).toEqual({ ok: true, value: undefined });
		// a supported both: counted once. b and c carry over.
		expect((await getPublicNeed(db, target.id))?.supportCount).toBe(3);
		expect(await getPublicNeed(db, duplicate.id)).toBeUndefined();
		expect(await publicTargetOf(db, duplicate.id)).toBe(target.id);

		const tracked = await trackNeed(db, duplicate.receiptCode);
		expect(tracked).toMatchObject({
			status: 'merged',
			title: '楼下长者吃饭难',
			publicId: target.id,
			merged: { intoTitle: '独居长者缺少助餐服务', intoStatus: 'published' }
		});
		// Supporting the old need now supports the target.
		expect(await supportNeed(db, duplicate.id, 'd'.repeat(64))).toEqual({ ok: true, value: { added: true, needId: target.id } });
		expect((await getPublicNeed(db, target.id))?.supportCount).toBe(4);

		const log = await db.selectFrom('audit_log').selectAll().where('action', '=', 'need.merge').execute();
		expect(log).toMatchObject([{ entity_id: String(duplicate.id), actor_id: admin.id }]);
		expect(JSON.parse(log[0].detail!)).toEqual({ into: target.id, supports: 2 });
	});

	it('keeps merges one hop deep and refuses itself, merged targets and other rounds', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const other = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const [a, b, c] = [await reported(db, round), await reported(db, round), await reported(db, round)];
		const elsewhere = await reported(db, other);
		expect(await mergeNeed(db, a.id, a.id, admin.id, round.id)).toEqual({ ok: false, errors: { target: { key: 'needs.err.mergeSelf' } } });
		expect(await mergeNeed(db, a.id, elsewhere.id, admin.id, round.id)).toEqual({ ok: false, errors: { target: { key: 'needs.err.mergeTarget' } } });
		expect(await mergeNeed(db, a.id, b.id, admin.id, round.id)).toEqual({ ok: true, value: undefined });
		// A new target is published by the merge.
		expect((await trackNeed(db, b.receiptCode))?.status).toBe('published');
		expect(await mergeNeed(db, c.id, a.id, admin.id, round.id)).toEqual({ ok: false, errors: { target: { key: 'needs.err.mergeTarget' } } });
		expect(await mergeNeed(db, b.id, c.id, admin.id, round.id)).toEqual({ ok: true, value: undefined });
		const rows = await db.selectFrom('needs').select(['id', 'merged_into']).where('status', '=', 'merged').execute();
		expect(rows.sort((x, y) => x.id - y.id)).toEqual([
			{ id: a.id, merged_into: c.id },
			{ id: b.id, merged_into: c.id }
		]);
		expect((await trackNeed(db, a.receiptCode))?.publicId).toBe(c.id);
	});
});

describe('me too', () => {
	it('counts each supporter once, only on published needs of an open round', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const need = await reported(db, round);
		expect(said(await supportNeed(db, need.id, 'a'.repeat(64)))).toBe('error.404');
		await publishNeeds(db, [need.id], admin.id);
		const results = await Promise.all([
			supportNeed(db, need.id, 'a'.repeat(64)),
			supportNeed(db, need.id, 'a'.repeat(64)),
			supportNeed(db, need.id, 'b'.repeat(64))
		]);
		expect(results.map(said).sort()).toEqual(['added', 'added', 'already']);
		expect((await getPublicNeed(db, need.id))?.supportCount).toBe(2);
		expect(await hasSupported(db, need.id, 'a'.repeat(64))).toBe(true);
		expect(await hasSupported(db, need.id, 'z'.repeat(64))).toBe(false);
		await setPhase(db, round.id, 'closed');
		expect(said(await supportNeed(db, need.id, 'c'.repeat(64)))).toBe('needs.err.supportClosed');
	});

	it('takes a few supports a day from one address, one per browser, keeping only a hash of the address', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const need = await reported(db, round);
		await publishNeeds(db, [need.id], admin.id);
		const before = (await getPublicNeed(db, need.id))!.supportCount;
		const day = new Date();
		// 36 browsers without cookies (a new one each time) behind one address.
		const outcomes = [];
		for (let i = 0; i < 36; i++) outcomes.push(said(await supportNeed(db, need.id, `browser-${i}`, '203.0.113.9', day)));
		expect(outcomes.filter((o) => o === 'added')).toHaveLength(5);
		expect(outcomes.filter((o) => o === 'needs.err.supportLimit')).toHaveLength(31);
		expect((await getPublicNeed(db, need.id))!.supportCount).toBe(before + 5);
		// Another address, and the same one a day later, count again; one browser never counts twice.
		expect(said(await supportNeed(db, need.id, 'browser-36', '198.51.100.1', day))).toBe('added');
		expect(said(await supportNeed(db, need.id, 'browser-0', '198.51.100.2', day))).toBe('already');
		const tomorrow = new Date(day.getTime() + 25 * 60 * 60 * 1000);
		expect(said(await supportNeed(db, need.id, 'browser-37', '203.0.113.9', tomorrow))).toBe('added');
		expect(JSON.stringify(await db.selectFrom('rate_limits').selectAll().execute())).not.toContain('203.0.113');
	});
});

describe('moderation with edits and bulk decline', () => {
	it('publishes the edited text and keeps the resident’s original for admins only', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const need = await reported(db, round, { description: '我是 3 栋 502 的王大妈，电话 13900001111。楼道灯坏了。' });
		const text = { title: '独居长者缺少助餐服务', description: '某栋居民反映：楼道灯坏了。', affected_group: '行动不便的独居长者' };
		expect(await editAndPublishNeed(db, need.id, text, admin.id, round.id)).toEqual({ ok: true, value: undefined });
		const page = await getPublicNeed(db, need.id);
		expect(page?.description).toBe('某栋居民反映：楼道灯坏了。');
		expect(JSON.stringify(await listPublishedNeeds(db, round.id, { q: '楼道' }))).not.toContain('13900001111');
		// A second edit never overwrites the resident's original.
		await editAndPublishNeed(db, need.id, { ...text, description: '楼道灯坏了。' }, admin.id, round.id);
		const [row] = await listNeedsForModeration(db, round.id, 'published');
		expect(row.original_description).toContain('13900001111');
		expect(row.original_title).toBeNull();
		const actions = await db.selectFrom('audit_log').select(['action', 'detail']).where('entity', '=', 'need').execute();
		expect(actions.map((a) => a.action)).toEqual(['need.edit', 'need.publish', 'need.edit']);
		expect(JSON.stringify(actions)).not.toContain('13900001111');
	});

	it('declines several needs with one reason and records when', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const [a, b] = [await reported(db, round), await reported(db, round)];
		expect(await declineNeeds(db, [a.id, b.id, 999], '不属于本轮资助范围。', admin.id, round.id)).toEqual({ ok: true, value: [a.id, b.id] });
		const tracked = await trackNeed(db, b.receiptCode);
		expect(tracked).toMatchObject({ status: 'declined', declineReason: '不属于本轮资助范围。' });
		expect(tracked?.declinedAt).toMatch(/^\d{4}-/);
	});
});

describe('the board', () => {
	it('filters by street, text and answer status, and sorts by support', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const shaYuan = await placeIds(db, '海珠区', '沙园街');
		const a = await reported(db, round, { title: '百分之百 100% 需要_路灯' });
		const b = await reported(db, round, shaYuan);
		const c = await reported(db, round, { title: '社区菜园' });
		await publishNeeds(db, [a.id, b.id, c.id], admin.id);
		await supportNeed(db, c.id, 'a'.repeat(64));
		await supportNeed(db, c.id, 'b'.repeat(64));
		await supportNeed(db, b.id, 'a'.repeat(64));
		await addProposal(db, round.id, [a.id], 'submitted');
		await addProposal(db, round.id, [b.id], 'draft');
		const ids = async (filter: Parameters<typeof listPublishedNeeds>[2]) =>
			(await listPublishedNeeds(db, round.id, filter)).items.map((n) => n.id);

		expect(await ids({ district: '海珠区', street: '沙园街' })).toEqual([b.id]);
		expect(await ids({ q: '菜园' })).toEqual([c.id]);
		// % and _ are literal text, not wildcards.
		expect(await ids({ q: '100%' })).toEqual([a.id]);
		expect(await ids({ q: '%' })).toEqual([a.id]);
		expect(await ids({ q: '需要_路' })).toEqual([a.id]);
		expect(await ids({ q: '<script>' })).toEqual([]);
		expect(await ids({ status: 'answered' })).toEqual([a.id]);
		expect((await ids({ status: 'open' })).sort()).toEqual([b.id, c.id].sort());
		expect(await ids({ status: 'funded' })).toEqual([]);
		expect(await ids({ sort: 'support' })).toEqual([c.id, b.id, a.id]);
		expect(await boardPlaces(db, round.id)).toEqual([{ district: '海珠区', streets: ['南华西街', '沙园街'] }]);
	});
});

describe('rolling needs over', () => {
	it('moves unanswered needs with their codes and supports, once applications are over', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const from = await makeRound(db, 'needs_call');
		const to = await makeRound(db, 'needs_call');
		const open = await reported(db, from);
		const answered = await reported(db, from);
		const declined = await reported(db, from);
		const duplicate = await reported(db, from);
		await publishNeeds(db, [open.id, answered.id], admin.id);
		await supportNeed(db, open.id, 'a'.repeat(64));
		await mergeNeed(db, duplicate.id, open.id, admin.id);
		await declineNeed(db, declined.id, '重复', admin.id);
		await addProposal(db, from.id, [answered.id], 'submitted');

		expect(await rollOverNeeds(db, from, to, admin.id)).toEqual({ ok: false, status: 409, errors: { target_round: { key: 'needs.err.rolloverSource' } } });
		await setPhase(db, from.id, 'closed');
		const closedFrom = { ...from, phase_override: 'closed' };
		await setPhase(db, to.id, 'review');
		expect(await rollOverNeeds(db, closedFrom, { ...to, phase_override: 'review' }, admin.id)).toEqual({
			ok: false,
			status: 409,
			errors: { target_round: { key: 'needs.err.rolloverTarget' } }
		});
		expect(await rollOverNeeds(db, closedFrom, to, admin.id)).toEqual({ ok: true, value: { moved: 1 } });

		expect((await listPublishedNeeds(db, to.id)).items.map((n) => [n.id, n.support_count])).toEqual([[open.id, 1]]);
		expect((await trackNeed(db, open.receiptCode))?.round.slug).toBe(to.slug);
		expect((await trackNeed(db, duplicate.receiptCode))?.publicId).toBe(open.id);
		expect((await trackNeed(db, answered.receiptCode))?.round.slug).toBe(from.slug);
		expect((await trackNeed(db, declined.receiptCode))?.round.slug).toBe(from.slug);
	});
});
