import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * The two database engines the portal runs on: SQLite (one file, the embedded default) and
 * PostgreSQL (`DATABASE_URL=postgres://…`). Only the files in this folder ask which one is in use;
 * data modules call the small functions here instead of branching on the engine.
 */
export type Engine = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
type AnyKysely = Kysely<any>;

/** The engine under `db`: a Kysely instance, a transaction, or a migration's handle alike. */
export function engineOf(db: AnyKysely): Engine {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Whether a database target (`DATABASE_URL` or a path) names a PostgreSQL database. */
export function isPostgresTarget(target: string): boolean {
	return /^postgres(ql)?:\/\//i.test(target);
}

/** A target fit to print: a URL's password is masked. */
export function describeTarget(target: string): string {
	if (!isPostgresTarget(target)) return target;
	try {
		const url = new URL(target);
		if (url.password) url.password = '***';
		return url.toString();
	} catch {
		return 'postgres://…';
	}
}
