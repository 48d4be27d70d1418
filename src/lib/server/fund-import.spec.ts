import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshDb, makeUser } from '../../../tests/helpers/db';
import type { DB } from './db';
import { importIncomes } from './fund-import';
import { adminFundEntries, getFund, saveFund } from './funds';
import { writeXlsx } from './table-file';
import { INCOME_TEMPLATE_HEADER } from '../domain/fund-import';

const NOW = new Date('2026-06-01T04:00:00Z');
const utf8 = (text: string) => new TextEncoder().encode(text);

async function fund(db: DB) {
	const admin = await makeUser(db, 'admin');
	const made = await saveFund(db, null, { name: '南华西街社区慈善基金', kind: 'federation', streetId: null, host: '', description: '' }, admin.id);
	if (!made.ok) throw new Error('fund');
	return { admin, fundId: made.value };
}

describe('importing incomes', () => {
	it('reads a CSV saved as GB18030: every line in, donors named only with consent', async () => {
		const db = await freshDb();
		const { admin, fundId } = await fund(db);
		const result = await importIncomes(db, { fundId, bytes: readFileSync('tests/fixtures/incomes-gb18030.csv'), actorId: admin.id }, NOW);
		expect(result).toEqual({ ok: true, count: 2, totalFen: 128_850 });
		const entries = await adminFundEntries(db, fundId);
		expect(entries.map((e) => [e.date, e.amountFen, e.sourceType, e.donorName, e.donorConsent, e.campaign])).toEqual([
			['2026-03-02', 8_800, 'resident', '陈婆婆', false, ''],
			['2026-03-01', 120_050, 'business', '岭南药业', true, '广益联募·助老']
		]);
		expect((await getFund(db, fundId))!.balanceFen).toBe(128_850);
	});

	it('reads an XLSX workbook, and refuses the same references a second time: nothing of that file is imported', async () => {
		const db = await freshDb();
		const { admin, fundId } = await fund(db);
		const rows = [
			['2026-04-01', '500', '联合劝募', '', '', '广益联募', 'XL-1'],
			['2026-04-02', '300', '个人', '梁先生', '是', '', 'XL-2']
		];
		const bytes = new Uint8Array(await writeXlsx({ sheet: 'incomes', header: INCOME_TEMPLATE_HEADER, rows }));
		expect(await importIncomes(db, { fundId, bytes, actorId: admin.id }, NOW)).toEqual({ ok: true, count: 2, totalFen: 80_000 });
		const again = utf8(`${INCOME_TEMPLATE_HEADER.join(',')}\n2026-04-03,100,个人,,否,,XL-3\n2026-04-02,300,个人,梁先生,是,,XL-2\n`);
		const refused = await importIncomes(db, { fundId, bytes: again, actorId: admin.id }, NOW);
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.errors._form).toEqual({ key: 'funds.err.lines', params: { count: 1 } });
		expect(refused.lines).toEqual([{ line: 3, key: 'funds.err.duplicate', params: { reference: 'XL-2' } }]);
		// XL-3 was fine, but the file is all or nothing.
		expect((await adminFundEntries(db, fundId)).length).toBe(2);
		expect((await getFund(db, fundId))!.balanceFen).toBe(80_000);
	});

	it('names every wrong line and imports none of the file', async () => {
		const db = await freshDb();
		const { admin, fundId } = await fund(db);
		const text = [
			'日期,金额,来源类型,捐赠方,同意公开,募捐活动,流水号',
			'2026-05-01,100,个人,,否,,OK-1',
			'2026-02-30,100,个人,,否,,BAD-DATE',
			'2026-05-02,一百,个人,,否,,BAD-AMOUNT',
			'2026-05-03,100,彩票,,否,,BAD-SOURCE',
			'2026-05-04,100,个人,张三,也许,,BAD-CONSENT',
			'2026-05-05,100,个人,,否,,',
			'2026-05-06,100,个人,,否,,OK-1',
			'2026-07-01,100,个人,,否,,FUTURE'
		].join('\n');
		const refused = await importIncomes(db, { fundId, bytes: utf8(text), actorId: admin.id }, NOW);
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.lines).toEqual([
			{ line: 3, key: 'err.date' },
			{ line: 4, key: 'err.money' },
			{ line: 5, key: 'funds.err.source', params: { value: '彩票' } },
			{ line: 6, key: 'funds.err.consent' },
			{ line: 7, key: 'err.required' },
			{ line: 8, key: 'funds.err.duplicateInFile', params: { reference: 'OK-1' } },
			{ line: 9, key: 'grants.err.future' }
		]);
		expect(await adminFundEntries(db, fundId)).toEqual([]);
		const header = await importIncomes(db, { fundId, bytes: utf8('日期,金额\n2026-05-01,100\n'), actorId: admin.id }, NOW);
		expect(header.ok || header.errors._form).toEqual({ key: 'funds.err.header', params: { columns: '流水号' } });
	});
});
