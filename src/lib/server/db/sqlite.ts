import SQLite from 'better-sqlite3';
import {
	CompiledQuery,
	Kysely,
	OperationNodeTransformer,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type KyselyPlugin,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	type QueryResult,
	type RootOperationNode,
	type SelectQueryNode,
	type UnknownRow
} from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../schema';

const handles = new WeakMap<Kysely<Database>, SQLite.Database>();

/**
 * The better-sqlite3 handle under a SQLite `db`, for what Kysely cannot say: online backup,
 * `data_version`. SQLite only: throws for a PostgreSQL database.
 */
export function sqliteOf(db: Kysely<Database>): SQLite.Database {
	const handle = handles.get(db);
	if (!handle) throw new Error('not a SQLite database opened by openDatabase');
	return handle;
}

/**
 * Every transaction starts with `BEGIN IMMEDIATE`: it takes SQLite's one write lock at once, so a
 * transaction that reads, checks and then writes holds the whole database from its first read
 * (what row locks give on PostgreSQL), and two processes never both read and then fail to write
 * (a deferred `BEGIN` would give one of them SQLITE_BUSY without waiting for `busy_timeout`).
 */
class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

class ImmediateSqliteDialect extends SqliteDialect {
	constructor(private readonly database: SQLite.Database) {
		super({ database });
	}
	override createDriver(): Driver {
		return new ImmediateSqliteDriver({ database: this.database });
	}
}

class RowLocksDropped extends OperationNodeTransformer {
	protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
		const transformed = super.transformSelectQuery(node);
		if (!transformed.endModifiers?.length) return transformed;
		const kept = transformed.endModifiers.filter((m) => m.modifier === undefined || m.modifier === 'Distinct');
		return { ...transformed, endModifiers: kept.length ? kept : undefined };
	}
}

/**
 * SQLite has no row locks and no `FOR UPDATE`: its transactions hold the whole database (see
 * ImmediateSqliteDriver). So `for update`, `for share`, `nowait` and `skip locked` written for
 * PostgreSQL are left out of the SQL sent to SQLite, and one query serves both engines.
 */
const dropRowLocks: KyselyPlugin = {
	transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => new RowLocksDropped().transformNode(args.node),
	transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => args.result
};

/** Opens (creating when missing) a SQLite database with the pragmas the app relies on. */
export function openSqlite(path: string): Kysely<Database> {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// WAL makes NORMAL durable against process crashes; only power loss may drop the last commits.
	sqlite.pragma('synchronous = NORMAL');
	const dialect: Dialect = new ImmediateSqliteDialect(sqlite);
	const db = new Kysely<Database>({ dialect, plugins: [dropRowLocks] });
	handles.set(db, sqlite);
	return db;
}
