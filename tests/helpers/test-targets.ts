import pg from 'pg';
import { mkdirSync, rmSync } from 'node:fs';
import { openDatabase, type DB, type Engine } from '../../src/lib/server/db';

/**
 * Databases of the end-to-end tests and the benchmark, by engine: a SQLite file under tests/.tmp,
 * or a database on the PostgreSQL server of TEST_POSTGRES_URL (the throw-away cluster that
 * scripts/with-postgres.ts starts, or a developer's own).
 */

/** The server of TEST_POSTGRES_URL with `database` as the path. */
export function postgresUrl(database: string): string {
	const base = process.env.TEST_POSTGRES_URL;
	if (!base) throw new Error('TEST_POSTGRES_URL is not set: run through scripts/with-postgres.ts');
	const url = new URL(base);
	url.pathname = `/${database}`;
	return url.toString();
}

/** Whether a target (a path or a URL) is a PostgreSQL database. */
export const isPostgres = (target: string) => /^postgres(ql)?:\/\//.test(target);

/**
 * A new empty database named after `name` (and this process), replacing one left by an earlier
 * run: its path or URL.
 */
export async function emptyDatabase(name: string, engine: Engine): Promise<string> {
	const base = `${name}-${process.pid}`;
	if (engine === 'sqlite') {
		mkdirSync('tests/.tmp', { recursive: true });
		const path = `tests/.tmp/${base}.db`;
		for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
		return path;
	}
	const database = base.replace(/[^a-z0-9]/gi, '_').toLowerCase();
	const admin = new pg.Client({ connectionString: postgresUrl('postgres') });
	await admin.connect();
	try {
		await admin.query(`drop database if exists ${database} with (force)`);
		await admin.query(`create database ${database}`);
	} finally {
		await admin.end();
	}
	return postgresUrl(database);
}

/** Opens the database at `target`, runs `fn`, and closes it. */
export async function withDatabase<T>(target: string, fn: (db: DB) => Promise<T>): Promise<T> {
	const db = openDatabase(target);
	try {
		return await fn(db);
	} finally {
		await db.destroy();
	}
}

/** The environment that points a server (or script) at `target`. */
export function targetEnv(target: string): Record<string, string> {
	return isPostgres(target) ? { DATABASE_URL: target, DATABASE_PATH: '' } : { DATABASE_PATH: target, DATABASE_URL: '' };
}
