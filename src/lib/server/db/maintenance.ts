import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { rmSync } from 'node:fs';
import type { Database } from '../schema';
import { engineOf, isPostgresTarget } from './engine';

/**
 * After a bulk load (the city seed, an import): let the query planner see the new data, so the
 * first requests use the indexes (SQLite `PRAGMA optimize`, PostgreSQL `ANALYZE`).
 */
export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
	if (engineOf(db) === 'postgres') await sql`analyze`.execute(db);
	else await sql`pragma optimize`.execute(db);
}

/**
 * Empties the database at `target` for a fresh start (`npm run seed:demo -- --reset`, the
 * end-to-end seed): a SQLite file is deleted with its WAL files; on PostgreSQL the database is
 * created when missing (through the server's `postgres` database, which needs the CREATEDB right),
 * else its current schema is dropped and made again empty (which needs owning that schema).
 */
export async function resetDatabase(target: string): Promise<void> {
	if (!isPostgresTarget(target)) {
		for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
		return;
	}
	const url = new URL(target);
	const name = decodeURIComponent(url.pathname.slice(1));
	const server = new URL(url);
	server.pathname = '/postgres';
	const admin = new pg.Client({ connectionString: server.toString() });
	await admin.connect();
	let exists: boolean;
	try {
		exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
		if (!exists) await admin.query(`create database ${escapeIdentifier(name)}`);
	} finally {
		await admin.end();
	}
	if (!exists) return;
	const db = new pg.Client({ connectionString: target });
	await db.connect();
	try {
		const { rows } = await db.query<{ schema: string }>('select current_schema() as schema');
		const schema = escapeIdentifier(rows[0].schema);
		await db.query(`drop schema ${schema} cascade; create schema ${schema}`);
	} finally {
		await db.end();
	}
}

const escapeIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
