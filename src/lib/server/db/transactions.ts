import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { engineOf } from './engine';
import type { Database } from '../schema';

/**
 * Runs `work` in one transaction that reads, checks and then writes: "payments never exceed the
 * award", "no more proposals than the round allows", "the assignment is still open". Both engines
 * commit all of it or none of it; what keeps the check true until the write differs:
 *
 * - SQLite: every transaction begins with `BEGIN IMMEDIATE` (see db/sqlite.ts), so it holds the
 *   database's one write lock from its first statement, and nothing else writes until it ends.
 * - PostgreSQL: transactions run side by side (READ COMMITTED). A row you read to decide must be
 *   locked as you read it: `.forUpdate()` on that select, or `lockRows` first. A second
 *   transaction that wants the same row then waits until the first commits, and reads what it
 *   wrote. Lock the row the rule hangs on (the project for its payments, the organisation for its
 *   proposal count, the round for its funding line), parents before children, and several rows in
 *   ascending id order (lockRows does): that order keeps two transactions from waiting on each
 *   other for ever. SQLite leaves `for update` out of the SQL, so the same query serves both.
 *
 * A statement that only writes (`update … where status = 'open'`, then look at numUpdatedRows;
 * an insert a unique constraint may refuse, see isUniqueViolation) needs no lock on either engine:
 * PostgreSQL re-checks the `where` after waiting for a row another transaction is changing.
 *
 * ```ts
 * await writeTransaction(db, async (trx) => {
 *   const project = await trx.selectFrom('proposals').select(['award_fen']).where('id', '=', id)
 *     .forUpdate().executeTakeFirstOrThrow();
 *   const paid = await paidSoFar(trx, id);
 *   if (paid + amount > project.award_fen) return refuse('over_award');
 *   await trx.insertInto('payments').values({ … }).execute();
 * });
 * ```
 */
export function writeTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
	return db.transaction().execute(work);
}

/** Tables whose rows have an integer `id`: the ones a transaction may lock with lockRows. */
type TableWithId = {
	[T in keyof Database]: Selectable<Database[T]> extends { id: number } ? T : never;
}[keyof Database];

/**
 * Locks rows of `table` by id for the rest of the transaction `trx` (PostgreSQL `select … for
 * update`, in ascending id order; nothing on SQLite, whose transaction holds the whole database
 * already). For when the rows are not read otherwise; a select the rule reads anyway can say
 * `.forUpdate()` itself. Outside a transaction a lock ends with its statement: it guards nothing.
 */
export async function lockRows(trx: Kysely<Database>, table: TableWithId, ids: readonly number[]): Promise<void> {
	if (ids.length === 0) return;
	const sorted = [...new Set(ids)].sort((a, b) => a - b);
	// The table is one of a closed list, so the loose typing below is only Kysely's generics.
	await (trx as unknown as Kysely<Record<string, { id: number }>>)
		.selectFrom(table)
		.select('id')
		.where('id', 'in', sorted)
		.orderBy('id')
		.forUpdate()
		.execute();
}

/**
 * Takes a lock named `name` for the rest of the transaction `trx`, for a rule that hangs on no
 * single row (a new row may be what the rule is about): every transaction that takes the same
 * name runs after the one holding it (PostgreSQL `pg_advisory_xact_lock`; nothing on SQLite,
 * whose transaction holds the whole database already).
 */
export async function lockName(trx: Kysely<Database>, name: string): Promise<void> {
	if (engineOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
}
