import { sql, type Kysely } from 'kysely';
import { engineOf } from './engine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
type AnyKysely = Kysely<any>;

/**
 * Makes the database itself refuse UPDATE and DELETE on `table`, so its rows stay as written
 * whatever code runs against it (the ledger: a mistake is corrected by a reversing entry).
 * Triggers are the one thing the schema builder cannot write, and each engine writes them its
 * own way; this is the only place that does. `table` is a name from a migration, never input.
 */
export async function refuseChanges(db: AnyKysely, table: string): Promise<void> {
	const name = sql.raw(table);
	const message = sql.lit(`${table} is append-only: correct with a reversing entry`);
	if (engineOf(db) === 'postgres') {
		await sql`create or replace function ${sql.raw(`${table}_append_only`)}() returns trigger language plpgsql as $$
			begin raise exception ${message}; end $$`.execute(db);
	}
	// One trigger per verb on both engines, named alike, so both engines show the same schema.
	for (const verb of ['update', 'delete'] as const) {
		const trigger = sql.raw(`${table}_no_${verb}`);
		if (engineOf(db) === 'postgres') {
			await sql`create trigger ${trigger} before ${sql.raw(verb)} on ${name}
				for each row execute function ${sql.raw(`${table}_append_only`)}()`.execute(db);
		} else {
			await sql`create trigger ${trigger} before ${sql.raw(verb)} on ${name}
				begin select raise(abort, ${message}); end`.execute(db);
		}
	}
}

/** Undoes refuseChanges after `table` was dropped (its triggers went with it): PostgreSQL's function stays otherwise. */
export async function dropRefusalFunction(db: AnyKysely, table: string): Promise<void> {
	if (engineOf(db) === 'postgres') await sql`drop function if exists ${sql.raw(`${table}_append_only`)}()`.execute(db);
}
