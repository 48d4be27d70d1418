import { afterAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, type DB } from '../db';
import { freshDatabaseTarget, openTestDatabase, TEST_ENGINE } from '../../../../tests/helpers/db';
import { seedCity } from '../seed/city';
import { audit, listAudit } from '../audit';
import { CopyRefused, copySqliteToPostgres, openSqliteSource, refuseNonEmptyTarget } from './copy';

const dir = mkdtempSync(join(tmpdir(), 'copy-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let sources = 0;
/** A small city in a SQLite file of its own: its path. */
async function sqliteCity(): Promise<string> {
	const path = join(dir, `source-${++sources}.db`);
	const db = openDatabase(path);
	await migrate(db);
	await seedCity(db, { seed: 5, scale: 0.02 });
	await db.destroy();
	return path;
}

async function counts(db: DB, tables: string[]): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const table of tables) {
		const row = await db
			.selectFrom(table as 'needs')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		out[table] = Number(row.n);
	}
	return out;
}

async function copy(from: string, target: DB) {
	const source = openSqliteSource(from);
	try {
		return await copySqliteToPostgres(source, target, (trx, report) =>
			audit(trx, { actorId: null, action: 'database.copy', entity: 'database', reason: 'db:copy', detail: { rows: report.rows } })
		);
	} finally {
		source.close();
	}
}

// The copy goes from SQLite to PostgreSQL: it needs the PostgreSQL server the postgres project has.
describe.skipIf(TEST_ENGINE !== 'postgres')('db:copy from SQLite into PostgreSQL', () => {
	it('copies every table with its ids, counts and checksums alike, and new rows get fresh ids', async () => {
		const from = await sqliteCity();
		const target = openTestDatabase(await freshDatabaseTarget());
		const report = await copy(from, target);

		const tables = report.tables.map((t) => t.table);
		expect(tables).toContain('needs');
		expect(tables.indexOf('places')).toBeLessThan(tables.indexOf('needs'));
		expect(tables.indexOf('rounds')).toBeLessThan(tables.indexOf('proposals'));
		const source = openDatabase(from);
		const expected = await counts(source, tables);
		expect(Object.fromEntries(report.tables.map((t) => [t.table, t.rows]))).toEqual(expected);
		const copied = await counts(target, tables);
		expect(copied).toEqual({ ...expected, audit_log: expected.audit_log + 1 });
		expect(expected.needs).toBeGreaterThan(100);

		// The same rows, ids and all (places refer to their parents: parents went first).
		const needsOf = (db: DB) => db.selectFrom('needs').selectAll().orderBy('id').execute();
		expect(await needsOf(target)).toEqual(await needsOf(source));
		const placesOf = (db: DB) => db.selectFrom('places').select(['id', 'parent_id', 'name']).orderBy('id').execute();
		expect(await placesOf(target)).toEqual(await placesOf(source));

		// New rows take ids past the copied ones.
		const highest = (await source.selectFrom('needs').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id as number;
		expect(report.sequences.needs).toBe(highest + 1);
		const template = await target.selectFrom('needs').selectAll().where('id', '=', highest).executeTakeFirstOrThrow();
		const { id, ...rest } = template;
		const inserted = await target
			.insertInto('needs')
			.values({ ...rest, receipt_code: `${rest.receipt_code}x`, submission_key: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		expect(inserted.id).toBe(id + 1);
		await audit(target, { actorId: null, action: 'test.after_copy', entity: 'database' });

		const log = await listAudit(target, { action: 'database.copy' });
		expect(log).toHaveLength(1);
		expect(JSON.parse(log[0].detail!)).toEqual({ rows: report.rows });
		await source.destroy();
	});

	it('refuses a target that holds data, and leaves it as it was', async () => {
		const from = await sqliteCity();
		const target = openTestDatabase(await freshDatabaseTarget());
		// Freshly migrated, with the calendar the migrations seed: empty as far as the copy goes.
		await expect(refuseNonEmptyTarget(target)).resolves.toBeUndefined();
		await copy(from, target);
		// What db:copy asks before it migrates anything.
		await expect(refuseNonEmptyTarget(target)).rejects.toThrow(/not empty: .*users \(\d+ rows\)/);
		const before = await counts(target, ['needs', 'users', 'audit_log']);
		const refused = await copy(from, target).catch((e) => e);
		expect(refused).toBeInstanceOf(CopyRefused);
		expect(refused.message).toMatch(/not empty: .*needs \(\d+ rows\)/);
		expect(await counts(target, ['needs', 'users', 'audit_log'])).toEqual(before);
	});

	it('refuses a source at another version, naming what to do', async () => {
		const from = await sqliteCity();
		const raw = new SQLite(from);
		const last = raw.prepare('select max(name) from kysely_migration').pluck().get() as string;
		raw.prepare('delete from kysely_migration where name = ?').run(last);
		raw.close();
		const target = openTestDatabase(await freshDatabaseTarget());
		const refused = await copy(from, target).catch((e) => e);
		expect(refused).toBeInstanceOf(CopyRefused);
		expect(refused.message).toContain(`older version (it lacks 1 migration(s), from ${last})`);
		expect(refused.message).toContain('npm run migrate');
		expect(await counts(target, ['users', 'audit_log'])).toEqual({ users: 0, audit_log: 0 });
	});

	it('keeps nothing when a row cannot be copied', async () => {
		const from = await sqliteCity();
		// PostgreSQL's text cannot hold a NUL character; SQLite's can.
		const raw = new SQLite(from);
		raw.prepare("update needs set description = 'a' || char(0) || 'b' where id = (select max(id) from needs)").run();
		raw.close();
		const target = openTestDatabase(await freshDatabaseTarget());
		await expect(copy(from, target)).rejects.toThrow();
		expect(await counts(target, ['places', 'users', 'needs', 'audit_log'])).toEqual({ places: 0, users: 0, needs: 0, audit_log: 0 });
		const calendar = await counts(target, ['calendar_days']);
		expect(calendar.calendar_days).toBeGreaterThan(0);
	});
});
