import { describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { TEST_ENGINE, freshDb, makeRound } from '../../../tests/helpers/db';
import { insertPublishedNeed } from '../../../tests/helpers/needs';
import { boardPlaces } from './needs';
import { roundStats } from './stats';

/** What the uncached public pages read once and keep until the data changes, and how they count. */
describe('the board’s places and the round’s figures', () => {
	it('are read once for every visitor and follow a write at once', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		await insertPublishedNeed(db, round.id, { district: '海珠区', street: '南华西街' });
		expect(await boardPlaces(db, round.id)).toEqual([{ district: '海珠区', streets: ['南华西街'] }]);
		expect((await roundStats(db, round)).needsTotal).toBe(1);
		// The same value, not read again, until a write.
		expect(await boardPlaces(db, round.id)).toBe(await boardPlaces(db, round.id));
		expect(await roundStats(db, round)).toBe(await roundStats(db, round));

		await insertPublishedNeed(db, round.id, { district: '天河区', street: '石牌街', category: 'children' });
		expect(await boardPlaces(db, round.id)).toEqual([
			{ district: '天河区', streets: ['石牌街'] },
			{ district: '海珠区', streets: ['南华西街'] }
		].sort((a, b) => (a.district < b.district ? -1 : 1)));
		expect((await roundStats(db, round)).needsTotal).toBe(2);
	});

	// SQLite's plan (EXPLAIN QUERY PLAN); PostgreSQL may rightly read a small table whole.
	it.skipIf(TEST_ENGINE === 'postgres')('counts needs by category and district from an index alone', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const query = db
			.selectFrom('needs')
			.select(['category', 'district', (eb) => eb.fn.countAll().as('n')])
			.where('round_id', '=', round.id)
			.where('status', '=', 'published')
			.groupBy(['category', 'district'])
			.compile();
		const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]));
		expect(plan.rows.map((r) => r.detail)).toEqual(['SEARCH needs USING COVERING INDEX needs_stats (round_id=? AND status=?)']);
	});
});
