import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from '../../../migrations/index';
import type { Database } from './schema';
import { installVersionTriggers } from './db/versions';
import { isPostgresTarget } from './db/engine';
import { openPostgres, type PostgresOptions } from './db/postgres';
import { openSqlite } from './db/sqlite';

export type DB = Kysely<Database>;

export { engineOf, describeTarget, isPostgresTarget, type Engine } from './db/engine';
export { isUniqueViolation, isForeignKeyViolation } from './db/errors';
export { writeTransaction, lockRows, lockName } from './db/transactions';
export { sqliteOf } from './db/sqlite';
export { likeAnyCase } from './db/text';
export { readVersion, type VersionScope } from './db/versions';
export { refreshPlannerStatistics, resetDatabase } from './db/maintenance';

/**
 * Opens the database `target` names: a `postgres://` URL opens a pool of PostgreSQL connections,
 * anything else is a SQLite file (created with its folder when missing; `:memory:` for tests).
 */
export function openDatabase(target: string, options: PostgresOptions = {}): DB {
	return isPostgresTarget(target) ? openPostgres(target, options) : openSqlite(target);
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies the pending migrations (the same list on both engines). On PostgreSQL, Kysely runs them
 * in one transaction under an advisory lock, so servers starting at once apply them once.
 */
export async function migrate(db: DB): Promise<string[]> {
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error;
	await installVersionTriggers(db);
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The database the app uses: `DATABASE_URL` (PostgreSQL) when set, else the SQLite file at `DATABASE_PATH`. */
export function databaseTarget(): string {
	return process.env.DATABASE_URL || databasePath();
}

/** The SQLite file of `DATABASE_PATH` (default data/app.db). */
export function databasePath(): string {
	return process.env.DATABASE_PATH || 'data/app.db';
}

let instance: DB | undefined;

/** The app's one database, opened on first use so that building the app never touches it. */
export function getDb(): DB {
	instance ??= openDatabase(databaseTarget());
	return instance;
}

/** Closes the app's database when the server shuts down: PostgreSQL's open connections would keep the process alive. */
export async function closeDb(): Promise<void> {
	const open = instance;
	instance = undefined;
	await open?.destroy();
}
