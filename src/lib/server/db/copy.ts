import SQLite from 'better-sqlite3';
import { Migrator, sql, type Kysely, type Transaction } from 'kysely';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { migrations } from '../../../../migrations/index';
import type { Database } from '../schema';
import { engineOf } from './engine';
import { openSqlite, sqliteOf } from './sqlite';

/**
 * Moving up: a SQLite install copied into an empty PostgreSQL database (`npm run db:copy`), in one
 * transaction on the target, from one consistent snapshot of the source (a read transaction,
 * which WAL keeps steady while the server goes on writing).
 *
 * - Both databases must stand at the same migration: the target is migrated by the caller, the
 *   source is only read (it is never migrated here).
 * - The target must be empty: no rows but those the migrations themselves put there (the seeded
 *   work calendar), which the copy replaces with the source's.
 * - Tables go in foreign-key order (parents first; a table that refers to itself, such as places,
 *   parents-first within it), keeping every id.
 * - Every table is then read back inside the same transaction and compared with the source by row
 *   count and a checksum; any difference rolls the whole copy back.
 * - Every identity sequence is set past the highest id copied, so new rows get fresh ids.
 */

export interface TableCopy {
	table: string;
	rows: number;
	/** sha256-based checksum of the table's rows, the same whatever their order (hex). */
	checksum: string;
}

export interface CopyReport {
	/** The migration both databases stand at. */
	migration: string;
	tables: TableCopy[];
	rows: number;
	/** Identity sequences set past the highest id copied: table → next id. */
	sequences: Record<string, number>;
}

/** Why a copy was refused before anything was written: the message says what to do. */
export class CopyRefused extends Error {}

type Row = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tables are named at run time
type AnyKysely = Kysely<any>;

const BOOKKEEPING = /^(kysely_|sqlite_)/;

/** One value as the checksum reads it: the same text for the same value from either engine. */
function canonical(value: unknown): string {
	if (value === null || value === undefined) return '\u0000';
	if (typeof value === 'number' || typeof value === 'bigint') return `n${value}`;
	if (Buffer.isBuffer(value)) return `b${value.toString('hex')}`;
	return `s${String(value)}`;
}

/**
 * A checksum of a multiset of rows: the sum (mod 2^64) of each row's hash, so the order rows come
 * in does not matter (the engines sort text differently) while any changed, lost or added row does.
 */
class TableChecksum {
	private sum = 0n;
	count = 0;
	constructor(private readonly columns: string[]) {}
	add(row: Row) {
		const hash = createHash('sha256');
		for (const c of this.columns) hash.update(canonical(row[c])).update('\u0001');
		this.sum = (this.sum + hash.digest().readBigUInt64BE(0)) & 0xffffffffffffffffn;
		this.count += 1;
	}
	get hex() {
		return this.sum.toString(16).padStart(16, '0');
	}
}

interface TargetTable {
	name: string;
	columns: string[];
	/** Columns referring to this same table (parents must be inserted first). */
	selfReferences: { column: string; referenced: string }[];
	identity: string | null;
}

/** The app's tables on the PostgreSQL target, parents before the tables that refer to them. */
async function targetTables(db: AnyKysely): Promise<TargetTable[]> {
	const columns = await sql<{ table: string; column: string; identity: string }>`
		select table_name as table, column_name as column, is_identity as identity from information_schema.columns
		where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
	const keys = await sql<{ child: string; parent: string; columns: string[]; referenced: string[] }>`
		select c.relname as child, p.relname as parent,
			array(select a.attname from unnest(k.conkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i)::text[] as columns,
			array(select a.attname from unnest(k.confkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)::text[] as referenced
		from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
		join pg_namespace n on n.oid = c.relnamespace
		where k.contype = 'f' and n.nspname = current_schema()`.execute(db);
	const tables = new Map<string, TargetTable>();
	for (const { table, column, identity } of columns.rows) {
		if (BOOKKEEPING.test(table)) continue;
		const t = tables.get(table) ?? { name: table, columns: [], selfReferences: [], identity: null };
		t.columns.push(column);
		if (identity === 'YES') t.identity = column;
		tables.set(table, t);
	}
	const parents = new Map<string, Set<string>>([...tables.keys()].map((t) => [t, new Set<string>()]));
	for (const k of keys.rows) {
		if (k.child === k.parent) {
			if (k.columns.length !== 1) throw new Error(`${k.child}: a composite key referring to its own table is not supported`);
			tables.get(k.child)!.selfReferences.push({ column: k.columns[0], referenced: k.referenced[0] });
		} else parents.get(k.child)?.add(k.parent);
	}
	const ordered: TargetTable[] = [];
	const placed = new Set<string>();
	while (placed.size < tables.size) {
		const ready = [...tables.keys()].filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p))).sort();
		if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${[...tables.keys()].filter((t) => !placed.has(t)).join(', ')}`);
		for (const t of ready) {
			placed.add(t);
			ordered.push(tables.get(t)!);
		}
	}
	// The round versions go last: the other tables' triggers write rows of it as they are copied,
	// which the source's own rows then overwrite (see copyTable).
	return [...ordered.filter((t) => t.name !== VERSIONS), ...ordered.filter((t) => t.name === VERSIONS)];
}

const VERSIONS = 'round_versions';

/** Rows reordered so that a row's parent (in the same table) comes before it. */
function parentsFirst(rows: Row[], references: TargetTable['selfReferences']): Row[] {
	const done = new Set<unknown>();
	const ordered: Row[] = [];
	let pending = rows;
	while (pending.length) {
		const next: Row[] = [];
		for (const row of pending) {
			const waiting = references.some(({ column }) => row[column] != null && !done.has(`${column}:${row[column]}`));
			if (waiting) next.push(row);
			else {
				ordered.push(row);
				for (const { column, referenced } of references) done.add(`${column}:${row[referenced]}`);
			}
		}
		if (next.length === pending.length) throw new Error('rows refer to parents that are missing or to each other');
		pending = next;
	}
	return ordered;
}

/** How many rows a freshly migrated database holds, per table: what "empty" allows. */
async function rowsTheMigrationsAdd(): Promise<Map<string, number>> {
	const fresh = openSqlite(':memory:');
	try {
		const { error } = await new Migrator({ db: fresh, provider: { getMigrations: async () => migrations } }).migrateToLatest();
		if (error) throw error;
		const handle = sqliteOf(fresh);
		const counts = new Map<string, number>();
		const names = handle.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
		for (const name of names) {
			if (BOOKKEEPING.test(name)) continue;
			const n = handle.prepare(`select count(*) from ${quote(name)}`).pluck().get() as number;
			if (n > 0) counts.set(name, n);
		}
		return counts;
	} finally {
		await fresh.destroy();
	}
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function appliedMigrations(source: SQLite.Database): string[] {
	const known = source.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
	if (!known) return [];
	return source.prepare('select name from kysely_migration order by name').pluck().all() as string[];
}

function refuseUnlessSameVersion(sourceMigrations: string[], targetMigrations: string[]): string {
	const latest = Object.keys(migrations).sort();
	const newer = sourceMigrations.filter((m) => !latest.includes(m));
	if (newer.length) throw new CopyRefused(`The SQLite database was migrated by a newer version of the portal (${newer.join(', ')}): copy it with that version.`);
	const missing = latest.filter((m) => !sourceMigrations.includes(m));
	if (missing.length)
		throw new CopyRefused(
			`The SQLite database is at an older version (it lacks ${missing.length} migration(s), from ${missing[0]}): bring it up to date first with DATABASE_PATH=<it> npm run migrate.`
		);
	if (targetMigrations.join() !== latest.join())
		throw new CopyRefused(`The PostgreSQL database is not at this version's migration (${latest.at(-1)}): it stands at ${targetMigrations.at(-1) ?? 'none'}.`);
	return latest.at(-1)!;
}

/** Opens a SQLite file for reading only; refuses a path with no database. */
export function openSqliteSource(path: string): SQLite.Database {
	if (!existsSync(path)) throw new CopyRefused(`There is no SQLite database at ${path}.`);
	return new SQLite(path, { readonly: true, fileMustExist: true });
}

/** Refuses a target holding rows beyond what the migrations seed; returns the tables they seeded. */
async function refuseUnlessEmpty(db: AnyKysely, tables: { name: string }[]): Promise<Set<string>> {
	const seeded = await rowsTheMigrationsAdd();
	const occupied: string[] = [];
	for (const { name } of tables) {
		const { n } = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db)).rows[0];
		if (n > (seeded.get(name) ?? 0)) occupied.push(`${name} (${n} rows)`);
	}
	if (occupied.length)
		throw new CopyRefused(`The PostgreSQL database is not empty: ${occupied.join(', ')}. Copy into a new, empty database (created and migrated for the purpose).`);
	return new Set(seeded.keys());
}

/**
 * Refuses a PostgreSQL database that holds data, before anything (migrations included) is
 * written to it: db:copy asks this first, so that it never migrates someone's database.
 */
export async function refuseNonEmptyTarget(target: Kysely<Database>): Promise<void> {
	const { rows } = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(target);
	await refuseUnlessEmpty(target as unknown as AnyKysely, rows.filter((r) => !BOOKKEEPING.test(r.name)));
}

const PARAMETERS_PER_INSERT = 30_000;

async function copyTable(trx: AnyKysely, source: SQLite.Database, table: TargetTable): Promise<TableCopy> {
	const checksum = new TableChecksum(table.columns);
	const select = source.prepare(`select ${table.columns.map(quote).join(', ')} from ${quote(table.name)}`);
	const batchSize = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / table.columns.length));
	const insert = async (rows: Row[]) => {
		if (!rows.length) return;
		const into = trx.insertInto(table.name).values(rows);
		if (table.name === VERSIONS) await into.onConflict((oc) => oc.column('round_id').doUpdateSet({ version: sql`excluded.version` })).execute();
		else await into.execute();
	};
	if (table.selfReferences.length) {
		const rows = parentsFirst(select.all() as Row[], table.selfReferences);
		for (const row of rows) checksum.add(row);
		for (let i = 0; i < rows.length; i += batchSize) await insert(rows.slice(i, i + batchSize));
	} else {
		// Streamed: the source's connection does nothing else while its rows are read.
		let batch: Row[] = [];
		for (const row of select.iterate() as IterableIterator<Row>) {
			checksum.add(row);
			batch.push(row);
			if (batch.length === batchSize) {
				await insert(batch);
				batch = [];
			}
		}
		await insert(batch);
	}
	return { table: table.name, rows: checksum.count, checksum: checksum.hex };
}

/** The target's rows of `table` read back through a cursor, checked against what was copied. */
async function verifyTable(trx: AnyKysely, table: TargetTable, copied: TableCopy) {
	const checksum = new TableChecksum(table.columns);
	const cursor = sql.id(`copy_check_${table.name}`);
	await sql`declare ${cursor} no scroll cursor for select * from ${sql.table(table.name)}`.execute(trx);
	for (;;) {
		const { rows } = await sql<Row>`fetch forward 5000 from ${cursor}`.execute(trx);
		for (const row of rows) checksum.add(row);
		if (rows.length < 5000) break;
	}
	await sql`close ${cursor}`.execute(trx);
	if (checksum.count !== copied.rows || checksum.hex !== copied.checksum)
		throw new Error(
			`${table.name}: the copy differs from the source (${checksum.count} rows, checksum ${checksum.hex}; source ${copied.rows} rows, ${copied.checksum}); nothing was kept.`
		);
}

async function resetSequence(trx: AnyKysely, table: TargetTable): Promise<number> {
	const { next } = (
		await sql<{ next: number }>`select coalesce(max(${sql.ref(table.identity!)}), 0)::int + 1 as next from ${sql.table(table.name)}`.execute(trx)
	).rows[0];
	await sql`select setval(pg_get_serial_sequence(${table.name}, ${table.identity!}), ${next}, false)`.execute(trx);
	return next;
}

function refuseUnlessSameColumns(source: SQLite.Database, tables: TargetTable[]) {
	const sourceTables = (source.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]).filter((t) => !BOOKKEEPING.test(t));
	const extra = sourceTables.filter((t) => !tables.some((x) => x.name === t));
	if (extra.length) throw new CopyRefused(`The SQLite database has tables the PostgreSQL one lacks: ${extra.join(', ')}.`);
	for (const table of tables) {
		const columns = (source.prepare(`select name from pragma_table_info(?)`).pluck().all(table.name) as string[]).sort();
		if (columns.join() !== [...table.columns].sort().join())
			throw new CopyRefused(`${table.name} has other columns in the SQLite database (${columns.join(', ')}) than in the PostgreSQL one (${table.columns.join(', ')}).`);
	}
}

/**
 * Copies the SQLite database `source` (opened with openSqliteSource) into the PostgreSQL database
 * `target`, which the caller has migrated; `onTransaction` runs last inside the copy's transaction
 * (the audit entry), so it is kept only with the copy.
 */
export async function copySqliteToPostgres(
	source: SQLite.Database,
	target: Kysely<Database>,
	onTransaction: (trx: Transaction<Database>, report: CopyReport) => Promise<void> = async () => {}
): Promise<CopyReport> {
	if (engineOf(target) !== 'postgres') throw new CopyRefused('The target must be a PostgreSQL database (postgres://…).');
	const sourceMigrations = appliedMigrations(source);
	const targetMigrations = (await target.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never).execute()).map(
		(r) => (r as { name: string }).name
	);
	const migration = refuseUnlessSameVersion(sourceMigrations, targetMigrations);
	source.exec('begin'); // one snapshot of the source for every table
	try {
		return await target.transaction().execute(async (trx) => {
			const any = trx as unknown as AnyKysely;
			// Nothing else may start filling the target while the copy runs.
			await sql`select pg_advisory_xact_lock(hashtext('db:copy'))`.execute(trx);
			const tables = await targetTables(any);
			refuseUnlessSameColumns(source, tables);
			const seeded = await refuseUnlessEmpty(any, tables);
			// What the migrations seeded gives way to the source's own rows (children first).
			for (const { name } of [...tables].reverse()) if (seeded.has(name)) await sql`delete from ${sql.table(name)}`.execute(trx);
			const copies: TableCopy[] = [];
			for (const table of tables) copies.push(await copyTable(any, source, table));
			for (const [i, table] of tables.entries()) await verifyTable(any, table, copies[i]);
			const sequences: Record<string, number> = {};
			for (const table of tables) if (table.identity) sequences[table.name] = await resetSequence(any, table);
			const report: CopyReport = { migration, tables: copies, rows: copies.reduce((n, t) => n + t.rows, 0), sequences };
			await onTransaction(trx, report);
			return report;
		});
	} finally {
		source.exec('rollback');
	}
}
