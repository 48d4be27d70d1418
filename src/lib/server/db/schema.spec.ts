import { createHash } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../migrations/index';
import { TEST_ENGINE, freshDb, makeOrganisation, makeProposal, makeRound } from '../../../../tests/helpers/db';
import { postgresColumnTypes, schemaShape } from '../../../../tests/helpers/schema-shape';
import { migrate, openDatabase } from '../db';

/** The last migration written before PostgreSQL was supported. */
const BEFORE_POSTGRES = '2026_11_29_0102_published_records';

describe('one migration list for both engines', () => {
	it('still gives SQLite byte for byte the schema the first migrations always gave it', async () => {
		const db = openDatabase(':memory:');
		const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(BEFORE_POSTGRES);
		if (error) throw error;
		const rows = await sql<{ type: string; name: string; tbl_name: string; sql: string }>`
			select type, name, tbl_name, sql from sqlite_master where name not like 'kysely%' order by type, name`.execute(db);
		expect(rows.rows).toHaveLength(85);
		const text = rows.rows.map((r) => `${r.type} ${r.name} ${r.tbl_name}\n${r.sql}`).join('\n');
		// The SHA-256 of that schema as the migrations built it before they learnt PostgreSQL (existing
		// SQLite databases have it): making them portable must not change what SQLite gets.
		expect(createHash('sha256').update(text).digest('hex')).toBe('0adf19b22d77da5a5239307fe8e5a2dae648568f1a4cacf9a9624a50cc10295c');
		await db.destroy();
	});

	it.skipIf(TEST_ENGINE !== 'postgres')('builds the same tables, columns, types, keys, indexes and triggers on PostgreSQL as on SQLite', async () => {
		const lite = openDatabase(':memory:');
		await migrate(lite);
		const postgres = await freshDb();
		const [sqliteLines, postgresLines] = [await schemaShape(lite), await schemaShape(postgres)];
		expect(sqliteLines.filter((l) => l.startsWith('table ')).length).toBeGreaterThanOrEqual(30);
		expect(sqliteLines.filter((l) => l.startsWith('column ')).length).toBeGreaterThanOrEqual(250);
		expect(postgresLines).toEqual(sqliteLines);

		// Every table has a primary key, on both.
		const tables = sqliteLines.filter((l) => l.startsWith('table ')).map((l) => l.slice('table '.length));
		const keyed = new Set(sqliteLines.filter((l) => l.startsWith('primary key ')).map((l) => l.split(' ')[2]));
		expect(tables.filter((t) => !keyed.has(t))).toEqual([]);

		const { types } = await postgresColumnTypes(postgres);
		// Money is bigint on PostgreSQL (integer there stops at ¥21,474,836.47).
		const money = [...types].filter(([name]) => name.endsWith('_fen'));
		expect(money.length).toBeGreaterThanOrEqual(9);
		expect(money.filter(([, type]) => type !== 'bigint')).toEqual([]);
		await lite.destroy();
	});

	it('keeps money beyond ¥21,474,836.47 (4-byte integers) exactly, and sums it as numbers', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'decision', { pool_fen: 3_000_000_000 });
		expect(round.pool_fen).toBe(3_000_000_000);
		const org = await makeOrganisation(db);
		const proposal = await makeProposal(db, round.id, org, 'eligible', 2_000_000_000);
		await makeProposal(db, round.id, org, 'eligible', 2_000_000_000);
		// A budget line of 50,000 units at ¥500: its total passes 2^31 fen.
		await db
			.insertInto('budget_lines')
			.values({ proposal_id: proposal, position: 0, category: 'materials', item: '物资', unit: '件', quantity: 50_000, unit_price_fen: 50_000 })
			.execute();
		const sums = await db
			.selectFrom('proposals')
			.select((eb) => [eb.fn.sum<number>('requested_fen').as('requested'), eb.fn.countAll<number>().as('n')])
			.executeTakeFirstOrThrow();
		expect(sums).toEqual({ requested: 4_000_000_000, n: 2 });
		const line = await db
			.selectFrom('budget_lines')
			.select(sql<number>`sum(quantity * unit_price_fen)`.as('total'))
			.executeTakeFirstOrThrow();
		expect(line.total).toBe(2_500_000_000);
	});
});
