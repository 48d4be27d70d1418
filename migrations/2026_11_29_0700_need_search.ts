import type { Kysely } from 'kysely';
import { fieldBigrams } from '../src/lib/domain/bigrams';

/**
 * The board's text search index: each need's text as character pairs (need_bigrams), the same
 * table on both engines (SQLite's FTS5 trigrams miss two-character words; PostgreSQL's pg_trgm
 * drops CJK under a C locale). `needs.search_indexed` is 0 for a text not yet in the index (a new
 * row, an edited text): the app indexes those, and this migration indexes the needs there are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('need_bigrams')
		.addColumn('need_id', 'integer', (c) => c.notNull().references('needs.id').onDelete('cascade'))
		.addColumn('gram', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('need_bigrams_pk', ['gram', 'need_id'])
		.execute();
	await db.schema.createIndex('need_bigrams_need').on('need_bigrams').column('need_id').execute();
	await db.schema.alterTable('needs').addColumn('search_indexed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
	await db.schema.createIndex('needs_search_pending').on('needs').column('search_indexed').execute();

	const untyped = db as Kysely<Record<string, Record<string, string | number>>>;
	for (let after = 0; ; ) {
		const needs = await untyped
			.selectFrom('needs')
			.select(['id', 'title', 'description', 'affected_group'])
			.where('id', '>', after)
			.orderBy('id')
			.limit(500)
			.execute();
		if (needs.length === 0) break;
		const rows = needs.flatMap((n) =>
			fieldBigrams([String(n.title), String(n.description), String(n.affected_group)]).map((gram) => ({ need_id: n.id, gram }))
		);
		// Two parameters a row: well inside both engines' limits per statement.
		for (let i = 0; i < rows.length; i += 5000) await untyped.insertInto('need_bigrams').values(rows.slice(i, i + 5000)).execute();
		after = Number(needs[needs.length - 1].id);
		await untyped.updateTable('needs').set({ search_indexed: 1 }).where('id', '<=', after).execute();
	}
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('needs_search_pending').execute();
	await db.schema.alterTable('needs').dropColumn('search_indexed').execute();
	await db.schema.dropTable('need_bigrams').execute();
}
