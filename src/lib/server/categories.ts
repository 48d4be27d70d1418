import type { DB } from './db';
import { SERVICE_CATEGORIES } from '../domain/catalogue';
import { common } from '../i18n/messages/common';
import { audit } from './audit';

export interface Category {
	key: string;
	zh: string;
	en: string;
	retired: boolean;
}

/** The seed list of DOMAIN.md, named as the message catalogue names them. */
export function defaultCategories(): { key: string; name_zh: string; name_en: string; position: number }[] {
	return SERVICE_CATEGORIES.map((key, i) => {
		const label = common[`category.${key}`];
		return { key, name_zh: label.zh, name_en: label.en, position: i + 1 };
	});
}

/** Fills an empty category table with the seed list (a new installation, a test database). */
async function ensureCategories(db: DB): Promise<void> {
	const any = await db.selectFrom('need_categories').select('key').limit(1).executeTakeFirst();
	if (any) return;
	await db
		.insertInto('need_categories')
		.values(defaultCategories())
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
}

/** Categories in their order; retired ones only when asked (old needs still show their name). */
export async function listCategories(db: DB, { withRetired = false } = {}): Promise<Category[]> {
	await ensureCategories(db);
	let query = db
		.selectFrom('need_categories')
		.select(['key', 'name_zh', 'name_en', 'retired_at'])
		.orderBy('position')
		.orderBy('key');
	if (!withRetired) query = query.where('retired_at', 'is', null);
	return (await query.execute()).map((r) => ({
		key: r.key,
		zh: r.name_zh,
		en: r.name_en,
		retired: r.retired_at !== null
	}));
}

/** Whether `key` names a category residents may choose now. */
export async function isActiveCategory(db: DB, key: string): Promise<boolean> {
	await ensureCategories(db);
	const row = await db
		.selectFrom('need_categories')
		.select('key')
		.where('key', '=', key)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	return !!row;
}

export interface CategoryInput {
	key: string;
	name_zh: string;
	name_en: string;
}

/** Adds a category, or renames one (its key, which needs store, never changes). */
export async function saveCategory(db: DB, input: CategoryInput, actorId: number): Promise<'added' | 'renamed'> {
	await ensureCategories(db);
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('need_categories')
			.select('key')
			.where('key', '=', input.key)
			.executeTakeFirst();
		if (existing) {
			await trx
				.updateTable('need_categories')
				.set({ name_zh: input.name_zh, name_en: input.name_en })
				.where('key', '=', input.key)
				.execute();
		} else {
			const max = await trx
				.selectFrom('need_categories')
				.select((eb) => eb.fn.max('position').as('m'))
				.executeTakeFirst();
			await trx
				.insertInto('need_categories')
				.values({ ...input, position: Number(max?.m ?? 0) + 1 })
				.execute();
		}
		const outcome = existing ? 'renamed' : 'added';
		await audit(trx, {
			actorId,
			action: `category.${outcome === 'added' ? 'add' : 'rename'}`,
			entity: 'need_category',
			entityId: input.key,
			detail: { zh: input.name_zh, en: input.name_en }
		});
		return outcome;
	});
}

/** Retires a category (residents can no longer choose it) or brings it back. */
export async function setCategoryRetired(db: DB, key: string, retired: boolean, actorId: number): Promise<boolean> {
	const result = await db
		.updateTable('need_categories')
		.set({ retired_at: retired ? new Date().toISOString() : null })
		.where('key', '=', key)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) return false;
	await audit(db, {
		actorId,
		action: retired ? 'category.retire' : 'category.restore',
		entity: 'need_category',
		entityId: key
	});
	return true;
}
