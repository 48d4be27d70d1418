import type { ExpressionBuilder } from 'kysely';
import type { DB } from './db';
import type { Database } from './schema';
import { bigrams, fieldBigrams } from '../domain/bigrams';

/**
 * The board's text search index: every need's title, description and affected group as
 * character pairs (need_bigrams, see the need-search migration), kept with the text. A need
 * written by the intake or edited by moderation is indexed at once; any other row whose text is
 * not indexed yet (`search_indexed = 0`: written by a seed, a fixture, an import) is indexed
 * before the next search reads the index.
 */

export interface NeedText {
	id: number;
	title: string;
	description: string;
	affected_group: string;
}

/** Puts the needs' text (as it is now) in the index, replacing what it held for them. */
export async function indexNeedTexts(db: DB, needs: readonly NeedText[]): Promise<void> {
	if (needs.length === 0) return;
	const ids = needs.map((n) => n.id);
	await db.deleteFrom('need_bigrams').where('need_id', 'in', ids).execute();
	const rows = needs.flatMap((n) => fieldBigrams([n.title, n.description, n.affected_group]).map((gram) => ({ need_id: n.id, gram })));
	// Two parameters a row: well inside both engines' limits per statement.
	for (let i = 0; i < rows.length; i += 5000) {
		await db
			.insertInto('need_bigrams')
			.values(rows.slice(i, i + 5000))
			.onConflict((oc) => oc.columns(['gram', 'need_id']).doNothing())
			.execute();
	}
	await db.updateTable('needs').set({ search_indexed: 1 }).where('id', 'in', ids).execute();
}

/** Indexes every need whose text is not in the index yet; gives back how many. */
export async function indexPendingNeeds(db: DB): Promise<number> {
	let done = 0;
	for (;;) {
		const pending = await db
			.selectFrom('needs')
			.select(['id', 'title', 'description', 'affected_group'])
			.where('search_indexed', '=', 0)
			.orderBy('id')
			.limit(500)
			.execute();
		if (pending.length === 0) return done;
		await indexNeedTexts(db, pending);
		done += pending.length;
	}
}

/**
 * The needs whose text holds every character pair of `q` (lower-cased): a superset of the
 * needs whose text contains `q`, found through the index. Null for a one-character query, which
 * has no pair (the board then reads the text itself).
 */
export function holdingPairsOf(q: string) {
	const pairs = bigrams(q);
	if (pairs.length === 0) return null;
	return (eb: ExpressionBuilder<Database, 'needs'>) => {
		const query = eb.selectFrom('need_bigrams').select('need_bigrams.need_id');
		return eb(
			'needs.id',
			'in',
			pairs.length === 1
				? query.where('need_bigrams.gram', '=', pairs[0])
				: query
						.where('need_bigrams.gram', 'in', pairs)
						.groupBy('need_bigrams.need_id')
						.having((h) => h.fn.countAll(), '=', pairs.length)
		);
	};
}
