import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, type DB, type Engine } from '../../src/lib/server/db';

/**
 * Where the Vitest integration tests get their databases. The `sqlite` project builds each one
 * with the real migrations (in memory, or a file when a test needs two connections); the
 * `postgres` project (TEST_ENGINE=postgres, see vite.config.ts) clones each one from a template
 * database that tests/helpers/postgres-template.ts migrated once, which takes a tenth of the time
 * and isolates every test just as well. Each file's databases are dropped after it.
 */
export const TEST_ENGINE: Engine = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let admin: pg.Client | null = null;
let counter = 0;
const created: { name: string; handles: DB[] }[] = [];
const folders: string[] = [];

/** What the `postgres` project's global setup provided (imported late: Playwright loads this file too). */
async function provided() {
	const { inject } = await import('vitest');
	return { adminUrl: inject('postgresAdminUrl'), template: inject('postgresTemplate') };
}

async function adminClient(): Promise<pg.Client> {
	if (!admin) {
		admin = new pg.Client({ connectionString: (await provided()).adminUrl });
		await admin.connect();
	}
	return admin;
}

async function clonePostgres(): Promise<{ name: string; url: string }> {
	const { adminUrl, template } = await provided();
	const name = `${template}_${process.pid}_${++counter}`;
	const client = await adminClient();
	await client.query(`create database ${name} template ${template} strategy file_copy`);
	created.push({ name, handles: [] });
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return { name, url: url.toString() };
}

/**
 * A new, empty, migrated database that may be opened more than once (two server processes, a
 * backup beside a writer): a SQLite file in a new temporary folder, or a PostgreSQL URL.
 */
export async function freshDatabaseTarget(): Promise<string> {
	if (TEST_ENGINE === 'postgres') return (await clonePostgres()).url;
	const folder = mkdtempSync(join(tmpdir(), 'app-db-'));
	folders.push(folder);
	const path = join(folder, 'app.db');
	const db = openDatabase(path);
	await migrate(db);
	await db.destroy();
	return path;
}

/** Opens `target` for a test; PostgreSQL pools close idle connections quickly, so clones can be dropped. */
export function openTestDatabase(target: string): DB {
	const db = openDatabase(target, { idleTimeoutMillis: 1_000, poolSize: 12 });
	const entry = created.find((c) => target.endsWith(`/${c.name}`));
	entry?.handles.push(db);
	return db;
}

/** A new database built by the real migrations: in memory on SQLite, a template clone on PostgreSQL. */
export async function freshDb(): Promise<DB> {
	if (TEST_ENGINE === 'sqlite') {
		const db = openDatabase(':memory:');
		await migrate(db);
		return db;
	}
	return openTestDatabase((await clonePostgres()).url);
}

/** Closes and drops the databases this test file made (run after each file). */
export async function dropTestDatabases(): Promise<void> {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
	for (const { name, handles } of created.splice(0)) {
		for (const db of handles) await db.destroy().catch(() => {});
		await (await adminClient()).query(`drop database if exists ${name} with (force)`);
	}
	await admin?.end();
	admin = null;
}
