import { describe, expect, it } from 'vitest';
import { CompiledQuery, type Compilable } from 'kysely';
import { TEST_ENGINE, freshDb, makeOrganisation, makeRound, makeProposal } from '../../../tests/helpers/db';
import { DISTRICTS, SERVICE_CATEGORIES, STREETS } from '../domain/catalogue';
import type { DB } from './db';
import { boardQueries, type NeedFilter } from './needs';

/**
 * The board with 20,000 needs: every filter the public can set is served by an index, not a scan
 * of the table. Prints each query's plan and how long it took (for the record, not asserted:
 * timings depend on the machine).
 */

const NEEDS = 20_000;

async function seedNeeds(db: DB) {
	const round = await makeRound(db, 'applications');
	const other = await makeRound(db, 'closed');
	const now = Date.now();
	const rows = Array.from({ length: NEEDS }, (_, i) => {
		const district = DISTRICTS[i % DISTRICTS.length];
		const streets = STREETS[district];
		const status = i % 10 === 0 ? 'new' : i % 17 === 0 ? 'declined' : 'published';
		return {
			// A tenth in an earlier round, as a real database holds several rounds.
			round_id: i % 10 === 3 ? other.id : round.id,
			receipt_code: `r${String(i).padStart(11, '0')}`,
			title: `需求 ${i} ${i % 50 === 0 ? '楼道照明' : '长者助餐'}`,
			description: '描述'.repeat(20),
			category: SERVICE_CATEGORIES[i % SERVICE_CATEGORIES.length],
			district,
			street: streets[(i >> 4) % streets.length],
			affected_group: '居民',
			affected_count: 10,
			urgency: 'medium' as const,
			contact_name: null,
			contact_phone: null,
			status: status as 'new' | 'declined' | 'published',
			support_count: i % 97,
			created_at: new Date(now - i * 60_000).toISOString(),
			published_at: status === 'published' ? new Date(now - i * 60_000).toISOString() : null
		};
	});
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < rows.length; i += 500) await trx.insertInto('needs').values(rows.slice(i, i + 500)).execute();
	});
	// A few hundred proposals answering needs, for the "answered / open" filters.
	const org = await makeOrganisation(db);
	const proposalIds: number[] = [];
	for (let i = 0; i < 20; i++) proposalIds.push(await makeProposal(db, round.id, org, 'submitted'));
	const needIds = await db.selectFrom('needs').select('id').where('round_id', '=', round.id).limit(400).execute();
	await db
		.insertInto('proposal_needs')
		.values(needIds.map((n, i) => ({ proposal_id: proposalIds[i % proposalIds.length], need_id: n.id })))
		.execute();
	await db.executeQuery(CompiledQuery.raw('ANALYZE'));
	return round.id;
}

async function plan(db: DB, query: Compilable<unknown>): Promise<string[]> {
	const compiled = query.compile();
	const result = await db.executeQuery<{ detail: string }>(
		CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters])
	);
	return result.rows.map((r) => r.detail);
}

async function timed(db: DB, query: Compilable<unknown>): Promise<number> {
	const compiled = query.compile();
	const runs = 5;
	const start = performance.now();
	for (let i = 0; i < runs; i++) await db.executeQuery(compiled);
	return (performance.now() - start) / runs;
}

// SQLite's plans (EXPLAIN QUERY PLAN). PostgreSQL's planner rightly reads the whole table when a
// query needs most of it (the count of a round's published needs), so its plans prove nothing here.
describe.skipIf(TEST_ENGINE === 'postgres')('the needs board with 20,000 needs', () => {
	it('uses an index for every filter and sort', { timeout: 120_000 }, async () => {
		const db = await freshDb();
		const roundId = await seedNeeds(db);
		const cases: [string, NeedFilter][] = [
			['newest, page 1', {}],
			['newest, page 400', { page: 400 }],
			['most supported', { sort: 'support' }],
			['district', { district: '海珠区' }],
			['district + street', { district: '海珠区', street: '南华西街' }],
			['category', { category: 'elderly' }],
			['category + most supported', { category: 'elderly', sort: 'support' }],
			['not answered yet', { status: 'open' }],
			['answered', { status: 'answered' }],
			['text search', { q: '楼道照明' }],
			['district + category + search', { district: '天河区', category: 'youth', q: '长者' }]
		];
		const report: string[] = [];
		for (const [name, filter] of cases) {
			const { items, count } = boardQueries(db, roundId, filter);
			for (const [which, query] of [
				['page', items],
				['count', count]
			] as const) {
				const steps = await plan(db, query);
				const ms = await timed(db, query);
				report.push(`${name} (${which}): ${ms.toFixed(2)} ms\n    ${steps.join('\n    ')}`);
				// The needs table is reached through an index, never scanned whole; a text search
				// finds its needs through the character-pair index, then each by its id.
				const needsSteps = steps.filter((s) => /\bneeds\b/.test(s) && !/proposal_needs/.test(s));
				expect(needsSteps.length, `${name} ${which}`).toBeGreaterThan(0);
				const allowed = filter.q ? /USING (COVERING )?INDEX needs_|USING INTEGER PRIMARY KEY/ : /USING (COVERING )?INDEX needs_/;
				for (const step of needsSteps) expect(step, `${name} ${which}`).toMatch(allowed);
				if (filter.q) {
					expect(steps.filter((s) => /need_bigrams USING (COVERING INDEX|PRIMARY KEY)/.test(s)), `${name} ${which}`).not.toEqual([]);
				}
				// Answers are found by need through their index, not by scanning.
				for (const step of steps.filter((s) => /proposal_needs/.test(s))) {
					expect(step, `${name} ${which}`).toMatch(/USING (COVERING )?INDEX|PRIMARY KEY/);
				}
			}
		}
		console.log(`Needs board plans and timings (${NEEDS} needs):\n${report.join('\n')}`);
	});
});
