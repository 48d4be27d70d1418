import { sql, type Kysely } from 'kysely';
import { engineOf } from './engine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
type AnyKysely = Kysely<any>;

/**
 * Lets `column` of `table` hold null (drops its NOT NULL). PostgreSQL alters the column in place;
 * SQLite cannot, so the table is rebuilt by SQLite's documented procedure: its own CREATE
 * statement without the constraint, the rows copied, the old table dropped and the new one renamed,
 * then its indexes and triggers (an append-only table's) created again from their stored SQL. The
 * columns are whatever the table has now, so a column another migration added is kept. The one
 * place that edits SQLite's schema text; `table` and `column` come from a migration, never input.
 */
export async function dropNotNull(db: AnyKysely, table: string, column: string): Promise<void> {
	if (engineOf(db) === 'postgres') {
		await db.schema.alterTable(table).alterColumn(column, (c) => c.dropNotNull()).execute();
		return;
	}
	const objects = await sql<{ type: string; name: string; sql: string | null }>`
		select type, name, sql from sqlite_master where tbl_name = ${table} order by type = 'table' desc, rowid`.execute(db);
	const create = objects.rows.find((o) => o.type === 'table')?.sql;
	if (!create) throw new Error(`no table ${table}`);
	const constraint = new RegExp(`(["\`]?${column}["\`]?\\s+\\w+[^,]*?)\\s+not null`, 'i');
	if (!constraint.test(create)) throw new Error(`${table}.${column} is not declared not null`);
	const rebuilt = create.replace(constraint, '$1').replace(/^create table\s+["`]?\w+["`]?/i, `create table "${table}__relaxed"`);
	const others = objects.rows.filter((o) => o.type !== 'table' && o.sql).map((o) => o.sql!);
	await db.transaction().execute(async (trx) => {
		// The table may reference itself (a reversal names the entry it reverses): checked at commit.
		await sql`pragma defer_foreign_keys = on`.execute(trx);
		await sql.raw(rebuilt).execute(trx);
		await sql.raw(`insert into "${table}__relaxed" select * from "${table}"`).execute(trx);
		await sql.raw(`drop table "${table}"`).execute(trx);
		await sql.raw(`alter table "${table}__relaxed" rename to "${table}"`).execute(trx);
		for (const statement of others) await sql.raw(statement).execute(trx);
	});
}
