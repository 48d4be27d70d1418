import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

export async function up(db: Kysely<unknown>): Promise<void> {
	// District → street/town → community. `path` ("越秀区/北京街/…") makes a re-import idempotent.
	await db.schema
		.createTable('places')
		.addColumn('id', 'integer', identity(db))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('parent_id', 'integer', (c) => c.references('places.id'))
		.addColumn('path', 'text', (c) => c.notNull().unique())
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('places_parent').on('places').columns(['parent_id', 'position']).execute();

	// Service categories admins may rename, add and retire; `key` is what needs store.
	await db.schema
		.createTable('need_categories')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('name_zh', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('retired_at', 'text')
		.execute();

	// "Me too": one row per need and supporter (a hash of a browser cookie and the address).
	await db.schema
		.createTable('need_supports')
		.addColumn('need_id', 'integer', (c) => c.notNull().references('needs.id'))
		.addColumn('supporter_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('need_supports_pk', ['need_id', 'supporter_hash'])
		.execute();

	const needColumns: [string, 'integer' | 'text', string?][] = [
		['district_id', 'integer', 'places.id'],
		['street_id', 'integer', 'places.id'],
		['community_id', 'integer', 'places.id'],
		['community', 'text'],
		['merged_into', 'integer', 'needs.id'],
		['merged_at', 'text'],
		['declined_at', 'text'],
		// What the resident wrote, kept for admins when a moderator edits the public text.
		['original_title', 'text'],
		['original_description', 'text'],
		['original_affected_group', 'text'],
		// Set when an admin carried the need over from an earlier round.
		['carried_from_round_id', 'integer', 'rounds.id']
	];
	for (const [name, type, ref] of needColumns) {
		await db.schema
			.alterTable('needs')
			.addColumn(name, type, (c) => (ref ? c.references(ref) : c))
			.execute();
	}

	// The public board: one index per way it narrows or sorts (round and status come first always).
	const boardIndexes: [string, string[]][] = [
		['needs_board_newest', ['round_id', 'status', 'published_at']],
		['needs_board_support', ['round_id', 'status', 'support_count']],
		['needs_board_place', ['round_id', 'status', 'district', 'street', 'published_at']],
		['needs_board_category', ['round_id', 'status', 'category', 'published_at']],
		['needs_merged_into', ['merged_into']]
	];
	for (const [name, columns] of boardIndexes) {
		await db.schema.createIndex(name).on('needs').columns(columns).execute();
	}
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const name of [
		'needs_board_newest',
		'needs_board_support',
		'needs_board_place',
		'needs_board_category',
		'needs_merged_into'
	]) {
		await db.schema.dropIndex(name).execute();
	}
	for (const column of [
		'carried_from_round_id',
		'original_affected_group',
		'original_description',
		'original_title',
		'declined_at',
		'merged_at',
		'merged_into',
		'community',
		'community_id',
		'street_id',
		'district_id'
	]) {
		await db.schema.alterTable('needs').dropColumn(column).execute();
	}
	await db.schema.dropTable('need_supports').execute();
	await db.schema.dropTable('need_categories').execute();
	await db.schema.dropTable('places').execute();
}
