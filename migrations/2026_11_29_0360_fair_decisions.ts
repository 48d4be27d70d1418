import type { Kysely } from 'kysely';
import { mapDistrictCaps } from '../src/lib/domain/district-caps';

/**
 * Decisions anyone can audit:
 * - `rounds.decision_format`: 2 for rounds decided from now on (decision record format 2, scores
 *   in exact hundredths); 1 for every round whose notice or results were already published, which
 *   keep their format-1 record and ranking as published.
 * - `rounds.grey_zone_lottery`: the round opts into a published partial lottery for the grey zone;
 *   `grey_zone_lotteries` records it: the zone first, then the seed's commitment, then the seed.
 * - District caps keyed by place id: the caps of rounds still to be decided whose text names one
 *   district of the places table move to its id; the others are kept aside in
 *   `rounds.district_caps_unmatched` and shown to the admin (they never applied).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration reads and writes rows of its own time
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('rounds').addColumn('decision_format', 'integer', (c) => c.notNull().defaultTo(2)).execute();
	await db
		.updateTable('rounds')
		.set({ decision_format: 1 })
		.where((eb) => eb.or([eb('notice_published_at', 'is not', null), eb('results_published_at', 'is not', null)]))
		.execute();
	await db.schema.alterTable('rounds').addColumn('grey_zone_lottery', 'integer', (c) => c.notNull().defaultTo(0)).execute();
	// Salts the per-round reviewer pseudonyms of the decision record; set when first needed.
	await db.schema.alterTable('rounds').addColumn('pseudonym_salt', 'text').execute();
	await db.schema
		.alterTable('rounds')
		.addColumn('district_caps_unmatched', 'text', (c) => c.notNull().defaultTo('{}'))
		.execute();

	await db.schema
		.createTable('grey_zone_lotteries')
		.addColumn('round_id', 'integer', (c) => c.primaryKey().references('rounds.id'))
		// JSON: the zone as recorded: [{ id, score, se }] in rank order, scores in hundredths.
		.addColumn('zone', 'text', (c) => c.notNull())
		.addColumn('z_hundredths', 'integer', (c) => c.notNull())
		.addColumn('commitment', 'text', (c) => c.notNull())
		// Secret until the draw: never shown, logged or exported before drawn_at is set.
		.addColumn('seed', 'text', (c) => c.notNull())
		.addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addColumn('drawn_by', 'integer', (c) => c.references('users.id'))
		.addColumn('drawn_at', 'text')
		// JSON: the zone's ids in the drawn order.
		.addColumn('drawn_order', 'text')
		.execute();

	const districts = await db.selectFrom('places').select(['id', 'name']).where('kind', '=', 'district').execute();
	const rounds = await db
		.selectFrom('rounds')
		.select(['id', 'slug', 'district_caps'])
		.where('decision_format', '=', 2)
		.where('district_caps', '<>', '{}')
		.execute();
	for (const round of rounds) {
		let caps: Record<string, number> = {};
		try {
			caps = JSON.parse(round.district_caps) as Record<string, number>;
		} catch {
			caps = {};
		}
		const mapped = mapDistrictCaps(caps, districts);
		await db
			.updateTable('rounds')
			.set({ district_caps: JSON.stringify(mapped.byPlaceId), district_caps_unmatched: JSON.stringify(mapped.unmatched) })
			.where('id', '=', round.id)
			.execute();
		const missed = Object.keys(mapped.unmatched);
		if (missed.length) console.warn(`round ${round.slug}: district caps naming no district of the places table: ${missed.join(', ')}`);
	}
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('grey_zone_lotteries').execute();
	for (const col of ['pseudonym_salt', 'district_caps_unmatched', 'grey_zone_lottery', 'decision_format']) {
		await db.schema.alterTable('rounds').dropColumn(col).execute();
	}
}
