import { describe, expect, it } from 'vitest';
import { freshDb, makeRound, makeUser } from '../../../tests/helpers/db';
import { placeIds } from '../../../tests/helpers/needs';
import { listPublishedNeeds, normaliseReceiptCode, reportNeed } from './needs';
import { publishNeeds } from './needs-moderation';
import { importNeeds } from './needs-import';
import { readTableFile, writeXlsx } from './table-file';
import { needSchema } from '../schemas/needs';

const HEADER = ['标题', '需求描述', '服务领域', '区', '街道', '社区', '受益人群', '受益人数', '紧急程度', '联系人', '联系电话', '同意保存联系方式', '渠道'];
const good = (title: string, channel = '纸质表') => [title, '老人腿脚不便，下楼困难，需要有人陪同就医。', '长者', '海珠区', '南华西街', '', '独居长者', '8', '高', '李伯', '13800001234', '是', channel];

describe('a need a staff member enters for a resident', () => {
	it('carries its channel and who entered it, and appears on the board once published', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const staff = await makeUser(db, 'station');
		const admin = await makeUser(db, 'admin');
		const form = {
			title: '楼道扶手松动',
			description: '老人上下楼扶手摇晃，存在跌倒风险。',
			category: 'elderly',
			...(await placeIds(db)),
			affected_group: '楼栋长者',
			affected_count: '10',
			urgency: 'high',
			contact_name: '',
			contact_phone: '',
			consent: ''
		};
		const stored = await reportNeed(db, round, needSchema.parse(form), null, new Date(), { channel: 'phone', enteredBy: staff.id });
		if (!stored.ok) throw new Error('not stored');
		const row = await db
			.selectFrom('needs')
			.select(['id', 'channel', 'entered_by', 'status'])
			.where('receipt_code', '=', normaliseReceiptCode(stored.value.receiptCode)!)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ channel: 'phone', entered_by: staff.id, status: 'new' });
		expect((await listPublishedNeeds(db, round.id)).items).toHaveLength(0);
		expect((await publishNeeds(db, [row.id], admin.id, round.id)).ok).toBe(true);
		expect((await listPublishedNeeds(db, round.id)).items.map((n) => n.id)).toEqual([row.id]);
		const log = await db.selectFrom('audit_log').select(['action', 'actor_id', 'detail']).where('entity', '=', 'need').where('entity_id', '=', String(row.id)).orderBy('id').execute();
		expect(log[0]).toEqual({ action: 'need.enter_on_behalf', actor_id: staff.id, detail: JSON.stringify({ channel: 'phone' }) });
	});
});

describe('importing needs collected on paper', () => {
	it('imports nothing when any line is wrong, naming each wrong line; then all of a good table, with receipts', async () => {
		const db = await freshDb();
		await placeIds(db);
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const bad = [
			HEADER,
			good('第一条'),
			['', '缺标题', '长者', '海珠区', '南华西街', '', '长者', '', '', '', '', '', ''],
			good('地点不对').map((c, i) => (i === 4 ? '不存在街' : c)),
			good('电话不对').map((c, i) => (i === 10 ? '123' : c)),
			good('未勾同意').map((c, i) => (i === 11 ? '否' : c)),
			good('渠道不对', '微信')
		];
		const refused = await importNeeds(db, round, bad, admin.id);
		expect(refused).toEqual({
			ok: false,
			errors: [
				{ line: 3, key: 'err.required', params: { field: 'title' } },
				{ line: 4, key: 'people.import.err.place', params: { place: '海珠区 不存在街' } },
				{ line: 5, key: 'err.phone', params: { field: 'contact_phone' } },
				{ line: 6, key: 'needs.err.consent', params: { field: 'consent' } },
				{ line: 7, key: 'people.import.err.channel', params: { value: '微信' } }
			]
		});
		expect(await db.selectFrom('needs').select('id').execute()).toHaveLength(0);

		const imported = await importNeeds(db, round, [HEADER, good('第一条'), good('第二条', '来访'), good('第三条', 'phone')], admin.id);
		if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
		expect(imported.receipts.map((r) => [r.line, r.title])).toEqual([
			[2, '第一条'],
			[3, '第二条'],
			[4, '第三条']
		]);
		const rows = await db.selectFrom('needs').select(['title', 'channel', 'entered_by', 'status', 'category', 'urgency', 'contact_consent_at']).orderBy('id').execute();
		expect(rows.map((r) => [r.title, r.channel, r.entered_by, r.status, r.category, r.urgency])).toEqual([
			['第一条', 'paper', admin.id, 'new', 'elderly', 'high'],
			['第二条', 'visit', admin.id, 'new', 'elderly', 'high'],
			['第三条', 'phone', admin.id, 'new', 'elderly', 'high']
		]);
		expect(rows.every((r) => r.contact_consent_at !== null)).toBe(true);
		const log = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'needs.import').execute();
		expect(log).toEqual([{ action: 'needs.import', detail: JSON.stringify({ rows: 3 }) }]);
	});

	it('reads the same table from an Excel workbook, and refuses a round whose call is closed', async () => {
		const db = await freshDb();
		await placeIds(db);
		const admin = await makeUser(db, 'admin');
		const bytes = await writeXlsx({ sheet: '需求', header: HEADER, rows: [good('表格里的需求')] });
		const read = await readTableFile(new Uint8Array(bytes));
		if (!read.ok) throw new Error('unread');
		expect(read.value.format).toBe('xlsx');
		const open = await makeRound(db, 'needs_call');
		const done = await importNeeds(db, open, read.value.rows, admin.id);
		expect(done.ok).toBe(true);
		const closed = await makeRound(db, 'review');
		const refused = await importNeeds(db, closed, read.value.rows, admin.id);
		expect(refused).toMatchObject({ ok: false, errors: [{ line: 2, key: 'err.phaseClosed' }] });
		expect(await db.selectFrom('needs').select('id').where('round_id', '=', closed.id).execute()).toHaveLength(0);
	});
});
