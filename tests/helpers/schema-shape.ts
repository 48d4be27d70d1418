import { sql, type Kysely } from 'kysely';
import { engineOf } from '../../src/lib/server/db';

/**
 * A database's schema as sorted lines that mean the same on both engines, so that what the
 * migrations built on SQLite and on PostgreSQL can be compared line by line: tables, columns
 * (type, not null, default, identity), primary keys, unique constraints, foreign keys (with their
 * on delete), indexes and triggers. Kysely's own tables are left out, and so are the triggers the
 * app adds on PostgreSQL to announce changes (`<table>_changed`, see db/changes.ts).
 *
 * Types are compared by kind: SQLite stores every integer in up to 8 bytes whatever the column
 * says, so `integer` there matches `integer` or `bigint` on PostgreSQL; which money columns are
 * `bigint` on PostgreSQL is checked on its own (postgresColumnTypes).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database's Kysely
type AnyKysely = Kysely<any>;

const TYPE: Record<string, string> = {
	integer: 'integer',
	bigint: 'integer',
	text: 'text',
	real: 'double',
	'double precision': 'double'
};

function typeOf(sqliteOrPostgres: 'sqlite' | 'postgres', declared: string): string {
	const t = declared.toLowerCase();
	// PostgreSQL's `real` has 4 bytes, never what a SQLite `real` (8 bytes) holds.
	if (sqliteOrPostgres === 'postgres' && t === 'real') return 'float4 (use double precision)';
	return TYPE[t] ?? `unexpected type ${t}`;
}

/** A default as written, without PostgreSQL's `::type` casts. */
function defaultOf(value: string | null): string {
	if (value === null) return '';
	return ` default ${value.replace(/::[a-z ]+$/i, '')}`;
}

export async function schemaShape(db: AnyKysely): Promise<string[]> {
	return engineOf(db) === 'postgres' ? postgresShape(db) : sqliteShape(db);
}

async function sqliteShape(db: AnyKysely): Promise<string[]> {
	const lines: string[] = [];
	const tables = await sql<{ name: string; sql: string }>`
		select name, sql from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like 'kysely\\_%' escape '\\'`.execute(db);
	for (const table of tables.rows) {
		const t = table.name;
		lines.push(`table ${t}`);
		const identity = /autoincrement/i.test(table.sql);
		const columns = await sql<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>`
			select name, type, "notnull", dflt_value, pk from pragma_table_info(${t})`.execute(db);
		const pk = columns.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
		for (const c of columns.rows) {
			const isIdentity = identity && c.pk > 0;
			const notNull = c.notnull === 1 || c.pk > 0;
			lines.push(`column ${t}.${c.name} ${typeOf('sqlite', c.type)}${notNull ? ' not null' : ''}${isIdentity ? ' identity' : defaultOf(c.dflt_value)}`);
		}
		if (pk.length) lines.push(`primary key ${t} (${pk.map((c) => c.name).join(', ')})`);
		const keys = await sql<{ id: number; seq: number; table: string; from: string; to: string; on_delete: string }>`
			select id, seq, "table", "from", "to", on_delete from pragma_foreign_key_list(${t})`.execute(db);
		for (const k of keys.rows) lines.push(`foreign key ${t}.${k.from} -> ${k.table}.${k.to} on delete ${k.on_delete.toLowerCase()}`);
		const indexes = await sql<{ name: string; unique: number; origin: string; partial: number }>`
			select name, "unique", origin, partial from pragma_index_list(${t})`.execute(db);
		for (const index of indexes.rows) {
			if (index.origin === 'pk') continue;
			const cols = await sql<{ name: string | null; seqno: number }>`select name, seqno from pragma_index_info(${index.name})`.execute(db);
			const list = cols.rows.sort((a, b) => a.seqno - b.seqno).map((c) => c.name ?? '<expression>').join(', ');
			if (index.origin === 'u') lines.push(`unique ${t} (${list})`);
			else lines.push(`index ${index.name} on ${t} (${list})${index.unique ? ' unique' : ''}${index.partial ? ' partial' : ''}`);
		}
		for (const check of table.sql.matchAll(/constraint\s+"?(\w+)"?\s+check/gi)) lines.push(`check ${t} ${check[1]}`);
	}
	const triggers = await sql<{ name: string; tbl_name: string }>`select name, tbl_name from sqlite_master where type = 'trigger'`.execute(db);
	for (const trigger of triggers.rows) lines.push(`trigger ${trigger.name} on ${trigger.tbl_name}`);
	return lines.sort();
}

async function postgresShape(db: AnyKysely): Promise<string[]> {
	const lines: string[] = [];
	const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string }>`
		select table_name, column_name, data_type, is_nullable, column_default, is_identity
		from information_schema.columns
		where table_schema = current_schema() and table_name not like 'kysely\\_%'`.execute(db);
	const tables = new Set(columns.rows.map((c) => c.table_name));
	for (const t of tables) lines.push(`table ${t}`);
	for (const c of columns.rows) {
		const identity = c.is_identity === 'YES';
		lines.push(
			`column ${c.table_name}.${c.column_name} ${typeOf('postgres', c.data_type)}${c.is_nullable === 'NO' ? ' not null' : ''}${identity ? ' identity' : defaultOf(c.column_default)}`
		);
	}
	const constraints = await sql<{ table: string; name: string; type: string; columns: string[]; ref_table: string | null; ref_columns: string[] | null; on_delete: string }>`
		select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
			(select array_agg(a.attname::text order by k.n) from unnest(c.conkey) with ordinality k(attnum, n)
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum)::text[] as columns,
			c.confrelid::regclass::text as ref_table,
			(select array_agg(a.attname::text order by k.n) from unnest(c.confkey) with ordinality k(attnum, n)
				join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum)::text[] as ref_columns,
			c.confdeltype as on_delete
		from pg_constraint c join pg_namespace n on n.oid = c.connamespace
		where n.nspname = current_schema() and c.conrelid <> 0 and c.conrelid::regclass::text not like 'kysely\\_%'`.execute(db);
	const onDelete: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };
	for (const c of constraints.rows) {
		if (c.type === 'p') lines.push(`primary key ${c.table} (${c.columns.join(', ')})`);
		else if (c.type === 'u') lines.push(`unique ${c.table} (${c.columns.join(', ')})`);
		else if (c.type === 'c') lines.push(`check ${c.table} ${c.name}`);
		else if (c.type === 'f') {
			// One line per column, as SQLite lists them.
			c.columns.forEach((column, i) =>
				lines.push(`foreign key ${c.table}.${column} -> ${c.ref_table}.${c.ref_columns?.[i]} on delete ${onDelete[c.on_delete]}`)
			);
		}
	}
	const indexes = await sql<{ table: string; name: string; unique: boolean; partial: boolean; columns: string[] }>`
		select t.relname as table, i.relname as name, x.indisunique as unique, x.indpred is not null as partial,
			(select array_agg(coalesce(a.attname::text, '<expression>') order by k.n) from unnest(x.indkey) with ordinality k(attnum, n)
				left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum and k.attnum <> 0)::text[] as columns
		from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
		join pg_namespace n on n.oid = t.relnamespace
		where n.nspname = current_schema() and t.relname not like 'kysely\\_%'
			and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`.execute(db);
	for (const index of indexes.rows) {
		lines.push(`index ${index.name} on ${index.table} (${index.columns.join(', ')})${index.unique ? ' unique' : ''}${index.partial ? ' partial' : ''}`);
	}
	const triggers = await sql<{ name: string; table: string }>`
		select t.tgname as name, c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
		join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = current_schema() and not t.tgisinternal`.execute(db);
	for (const trigger of triggers.rows) lines.push(`trigger ${trigger.name} on ${trigger.table}`);
	return lines.sort();
}

/** PostgreSQL only: every column's type by `table.column`. */
export async function postgresColumnTypes(db: AnyKysely): Promise<{ types: Map<string, string> }> {
	const columns = await sql<{ name: string; data_type: string }>`
		select table_name || '.' || column_name as name, data_type from information_schema.columns
		where table_schema = current_schema() and table_name not like 'kysely\\_%'`.execute(db);
	return { types: new Map(columns.rows.map((c) => [c.name, c.data_type])) };
}
