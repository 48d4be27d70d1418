import { describe, expect, it } from 'vitest';
import { freshDb, makeUser } from '../../../tests/helpers/db';
import { toCsv } from '../domain/csv';
import { importPlacesCsv, listPlaceTree, parsePlacesCsv, placeCounts, resolvePlace } from './places';
import { seedPlaces } from './seed/places';
import { DISTRICTS } from '../domain/catalogue';

const HEADER = ['区', '街道/镇', '社区/村'];

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
		expect(await importPlacesCsv(db, csv, admin.id)).toEqual({ ok: true, rows: 4, added: 7 });
		expect(await importPlacesCsv(db, csv, admin.id)).toEqual({ ok: true, rows: 4, added: 0 });
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
		const result = await importPlacesCsv(db, csv, admin.id);
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
		).toMatchObject({ district: '海珠区', street: '南华西街', community: '龙导尾社区' });
	});
});
