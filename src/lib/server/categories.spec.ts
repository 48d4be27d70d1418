import { describe, expect, it } from 'vitest';
import { freshDb, makeUser } from '../../../tests/helpers/db';
import { SERVICE_CATEGORIES } from '../domain/catalogue';
import { isActiveCategory, listCategories, saveCategory, setCategoryRetired } from './categories';
import { categorySchema } from '../schemas/needs';

describe('service categories', () => {
	it('starts with the seed list of DOMAIN.md in both languages', async () => {
		const db = await freshDb();
		const list = await listCategories(db);
		expect(list.map((c) => c.key)).toEqual([...SERVICE_CATEGORIES]);
		expect(list[0]).toEqual({ key: 'elderly', zh: '长者', en: 'Older people', retired: false });
	});

	it('lets admins rename, add and retire categories, keeping keys and auditing each change', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		expect(await saveCategory(db, { key: 'elderly', name_zh: '长者服务', name_en: 'Older people' }, admin.id)).toBe('renamed');
		expect(await saveCategory(db, { key: 'housing', name_zh: '住房', name_en: 'Housing' }, admin.id)).toBe('added');
		expect(await setCategoryRetired(db, 'drugs', true, admin.id)).toBe(true);
		expect(await setCategoryRetired(db, 'nope', true, admin.id)).toBe(false);

		const active = await listCategories(db);
		expect(active.find((c) => c.key === 'elderly')?.zh).toBe('长者服务');
		expect(active.at(-1)?.key).toBe('housing');
		expect(active.map((c) => c.key)).not.toContain('drugs');
		expect((await listCategories(db, { withRetired: true })).find((c) => c.key === 'drugs')?.retired).toBe(true);
		expect(await isActiveCategory(db, 'drugs')).toBe(false);
		await setCategoryRetired(db, 'drugs', false, admin.id);
		expect(await isActiveCategory(db, 'drugs')).toBe(true);

		const log = await db.selectFrom('audit_log').select(['action', 'entity_id']).orderBy('id').execute();
		expect(log.map((l) => `${l.action} ${l.entity_id}`)).toEqual([
			'category.rename elderly',
			'category.add housing',
			'category.retire drugs',
			'category.restore drugs'
		]);
	});

	it('checks the key and names of a category', () => {
		expect(categorySchema.safeParse({ key: 'Housing', name_zh: '住房', name_en: 'Housing' }).data?.key).toBe('housing');
		for (const key of ['', '1abc', 'a b', '住房', 'x'.repeat(31)]) {
			expect(categorySchema.safeParse({ key, name_zh: '住房', name_en: 'Housing' }).success, key).toBe(false);
		}
		expect(categorySchema.safeParse({ key: 'ok', name_zh: '', name_en: 'x' }).success).toBe(false);
	});
});
