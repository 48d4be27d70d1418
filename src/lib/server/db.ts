import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from '../../../migrations/index';
import type { Database } from './schema';

export type DB = Kysely<Database>;

const handles = new WeakMap<DB, SQLite.Database>();

/** The better-sqlite3 handle under `db`, for what Kysely cannot say: online backup, data_version. */
export function sqliteOf(db: DB): SQLite.Database {
	const handle = handles.get(db);
	if (!handle) throw new Error('not a database opened by openDatabase');
	return handle;
}

/** Opens (creating when missing) a SQLite database with the pragmas the app relies on. */
export function openDatabase(path: string): DB {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// WAL makes NORMAL durable against process crashes; only power loss may drop the last commits.
	sqlite.pragma('synchronous = NORMAL');
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
	handles.set(db, sqlite);
	return db;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: DB): Promise<string[]> {
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error;
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export function databasePath(): string {
	return process.env.DATABASE_PATH || 'data/app.db';
}

let instance: DB | undefined;

/** The app's one database, opened on first use so that building the app never touches it. */
export function getDb(): DB {
	instance ??= openDatabase(databasePath());
	return instance;
}
