import { describe, expect, it } from 'vitest';
import { freshDb, makeUser } from '../../../tests/helpers/db';
import { readFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { parseCsv, toCsv } from '../domain/csv';
import { importPlaces, listDistricts, listPlaceTree, parsePlacesTable, placeCounts, resolvePlace, streetsOfDistrict } from './places';
import { readTableFile } from './table-file';
import { seedPlaces } from './seed/places';
import { DISTRICTS } from '../domain/catalogue';

const HEADER = ['区', '街道/镇', '社区/村'];

/** What the admin's upload goes through: the file's bytes read as a table, then imported. */
async function importFile(db: Parameters<typeof importPlaces>[0], bytes: Uint8Array, actorId: number) {
	const read = await readTableFile(bytes);
	if (!read.ok) throw new Error(JSON.stringify(read.errors));
	return { format: read.value.format, result: await importPlaces(db, read.value.rows, actorId) };
}
const utf8 = (text: string) => new TextEncoder().encode(text);
const parsePlacesCsv = (text: string) => parsePlacesTable(parseCsv(text));

describe('importing places from CSV', () => {
	it('imports a hierarchy, written by Excel with a BOM, and a second import adds nothing', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const csv = toCsv(HEADER, [
			['海珠区', '南华西街', '龙导尾社区'],
			['海珠区', '南华西街', '洪德社区'],
			['越秀区', '北京街', ''],
			[' 越秀区 ', '北京街', '西湖社区']
		]);
		expect(await importFile(db, utf8(csv), admin.id)).toEqual({ format: 'utf-8', result: { ok: true, rows: 4, added: 7 } });
		expect((await importFile(db, utf8(csv), admin.id)).result).toEqual({ ok: true, rows: 4, added: 0 });
		const tree = await listPlaceTree(db);
		expect(tree.map((d) => [d.name, d.streets.map((s) => [s.name, s.communities.map((c) => c.name)])])).toEqual([
			['海珠区', [['南华西街', ['龙导尾社区', '洪德社区']]]],
			['越秀区', [['北京街', ['西湖社区']]]]
		]);
		const log = await db.selectFrom('audit_log').select(['action', 'actor_id']).execute();
		expect(log).toEqual([
			{ action: 'places.import', actor_id: admin.id },
			{ action: 'places.import', actor_id: admin.id }
		]);
	});

	it('names every bad row and imports nothing when any row is bad', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const csv = toCsv(HEADER, [
			['海珠区', '南华西街', '龙导尾社区'],
			['', '北京街', ''],
			['越秀区', '', '西湖社区'],
			['越秀区', '街'.repeat(41), ''],
			['越秀区', '北京街/人民街', ''],
			['越秀区', '北京街', '西湖社区', '多余']
		]);
		const { result } = await importFile(db, utf8(csv), admin.id);
		expect(result).toEqual({
			ok: false,
			errors: [
				{ line: 3, key: 'places.err.noDistrict' },
				{ line: 4, key: 'places.err.noStreet' },
				{ line: 5, key: 'places.err.tooLong', params: { max: 40 } },
				{ line: 6, key: 'places.err.badName' },
				{ line: 7, key: 'places.err.extraCells' }
			]
		});
		expect(await placeCounts(db)).toEqual({ district: 0, street: 0, community: 0 });
		expect(await db.selectFrom('audit_log').select('id').execute()).toEqual([]);
	});

	it('refuses an empty file or one without the district and street columns', () => {
		expect(parsePlacesCsv('').errors).toEqual([{ line: 1, key: 'places.err.empty' }]);
		expect(parsePlacesCsv('名称,备注\n海珠区,x\n').errors).toEqual([{ line: 1, key: 'places.err.header' }]);
		expect(parsePlacesCsv('区,街道/镇\n').errors).toEqual([{ line: 2, key: 'places.err.empty' }]);
		expect(parsePlacesCsv('district,street,community\n海珠区,沙园街,\n').rows).toEqual([
			{ district: '海珠区', street: '沙园街', community: '' }
		]);
	});
});

describe('places from the files Excel saves', () => {
	it('reads a CSV that Excel on Chinese Windows saved as GBK, and says so', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const bytes = readFileSync('tests/fixtures/places-gbk.csv');
		expect(await importFile(db, bytes, admin.id)).toEqual({ format: 'gb18030', result: { ok: true, rows: 3, added: 7 } });
		const tree = await listPlaceTree(db);
		expect(tree.map((d) => [d.name, d.streets.map((s) => [s.name, s.communities.map((c) => c.name)])])).toEqual([
			['海珠区', [['南华西街', ['龙导尾社区', '洪德社区']]]],
			['番禺区', [['钟村街', ['谢村村']]]]
		]);
	});

	it('reads the first sheet of an .xlsx workbook, numbers and text alike', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const bytes = await writeXlsxFile([
			HEADER,
			['越秀区', '北京街', '西湖社区'],
			['越秀区', '北京街', 2026],
			['=1+1', '人民街', null]
		]).toBuffer();
		expect(await importFile(db, bytes, admin.id)).toEqual({ format: 'xlsx', result: { ok: true, rows: 3, added: 6 } });
		const names = (await db.selectFrom('places').select('name').orderBy('id').execute()).map((r) => r.name);
		expect(names).toEqual(['越秀区', '北京街', '西湖社区', '2026', '=1+1', '人民街']);
	});

	it('refuses a damaged workbook with a message instead of importing nonsense', async () => {
		const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
		expect(await readTableFile(broken)).toEqual({ ok: false, errors: { _form: { key: 'import.err.badXlsx' } } });
	});
});

describe('the demo places', () => {
	it('seeds Guangzhou’s 11 districts with their streets, once', async () => {
		const db = await freshDb();
		const added = await seedPlaces(db);
		expect(added).toBeGreaterThan(100);
		expect(await seedPlaces(db)).toBe(0);
		const tree = await listPlaceTree(db);
		expect(tree.map((d) => d.name)).toEqual([...DISTRICTS]);
		expect(tree.every((d) => d.streets.length >= 3)).toBe(true);
		const counts = await placeCounts(db);
		expect(counts.district).toBe(11);
		expect(counts.community).toBeGreaterThan(30);
	});

	it('resolves a nested choice to names', async () => {
		const db = await freshDb();
		await seedPlaces(db);
		const [haizhu] = (await listPlaceTree(db)).filter((d) => d.name === '海珠区');
		const street = haizhu.streets.find((s) => s.name === '南华西街')!;
		expect(
			await resolvePlace(db, { district_id: haizhu.id, street_id: street.id, community_id: street.communities[0].id })
		).toMatchObject({ ok: true, value: { district: '海珠区', street: '南华西街', community: '龙导尾社区' } });
	});
});

describe("the need form's places, a district at a time", () => {
	it('lists the districts, and one district’s streets with their communities as the whole tree has them', async () => {
		const db = await freshDb();
		await seedPlaces(db);
		const tree = await listPlaceTree(db);
		expect(await listDistricts(db)).toEqual(tree.map((d) => ({ id: d.id, name: d.name })));
		expect(tree.length).toBeGreaterThan(1);
		for (const district of tree) expect(await streetsOfDistrict(db, district.id)).toEqual(district.streets);
		// A street's id, an unknown id or no id at all names no district.
		expect(await streetsOfDistrict(db, tree[0].streets[0].id)).toEqual([]);
		expect(await streetsOfDistrict(db, 99_999_999)).toEqual([]);
		expect(await streetsOfDistrict(db, NaN)).toEqual([]);
	});
});
