/**
 * Constraint violations, recognised on both engines: better-sqlite3 throws a SqliteError whose
 * `code` is `SQLITE_CONSTRAINT_…` and whose message names `table.column`; pg throws a
 * DatabaseError with the SQLSTATE in `code`, the table in `table` and the key in `detail`
 * (`Key (a, b)=(…) already exists.`).
 */

interface EngineError {
	code?: unknown;
	message?: unknown;
	table?: unknown;
	detail?: unknown;
}

function asEngineError(error: unknown): EngineError | null {
	return typeof error === 'object' && error !== null ? (error as EngineError) : null;
}

function sameColumns(found: string[], wanted: string[]): boolean {
	return found.length === wanted.length && wanted.every((c) => found.includes(c));
}

/**
 * Whether `error` is a unique (or primary key) violation on `table`; with `columns`, only one of
 * the key made of exactly those columns. Use it where a unique constraint decides a race (two
 * requests storing the same key at once): the loser's insert fails with this, on both engines.
 *
 * Inside a PostgreSQL transaction a failed statement aborts the whole transaction, so catch it
 * outside `writeTransaction` (or around a savepoint), never to carry on with the same transaction.
 */
export function isUniqueViolation(error: unknown, table: string, columns?: string | string[]): boolean {
	const e = asEngineError(error);
	if (!e) return false;
	const wanted = columns === undefined ? null : typeof columns === 'string' ? [columns] : columns;
	if (e.code === '23505') {
		if (e.table !== table) return false;
		if (!wanted) return true;
		const key = /^Key \((.+?)\)=/.exec(String(e.detail ?? ''));
		return !!key && sameColumns(key[1].split(', '), wanted);
	}
	if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
		const failed = /constraint failed: (.+)$/.exec(String(e.message ?? ''));
		if (!failed) return false;
		const named = failed[1].split(', ').map((c) => c.split('.'));
		if (!named.every(([t]) => t === table)) return false;
		return !wanted || sameColumns(named.map(([, c]) => c), wanted);
	}
	return false;
}

/** Whether `error` is a foreign key violation: a row that points at a missing one, or is still pointed at. */
export function isForeignKeyViolation(error: unknown): boolean {
	const e = asEngineError(error);
	return !!e && (e.code === '23503' || e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY');
}
