import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database } from '../schema';
import { engineOf } from './engine';
import { postgresStateOf, type PostgresState } from './postgres';
import { sqliteOf } from './sqlite';

/**
 * "Has the database changed?" asked synchronously, for the page cache and memoUntilWrite: a string
 * that changes whenever the data may have changed, by this process or by any other.
 *
 * - SQLite: `PRAGMA data_version` moves on with every commit by another connection (the tests'
 *   fixtures, scripts, a restore), `total_changes()` with every write by this one.
 * - PostgreSQL: every table has a statement trigger that sends a notification on channel
 *   `app_changed` when its transaction commits (installed by `migrate`, see
 *   installChangeNotifications). A connection of its own listens and counts them; this process's
 *   own writes are also counted as they are sent, so a change is seen before its commit arrives.
 *   Until the listener is connected, and after it lost its connection, the fingerprint is new on
 *   every call: nothing is served from a cache that could be stale.
 */
export function changeFingerprint(db: Kysely<Database>): string {
	const state = postgresStateOf(db);
	return state ? postgresFingerprint(state) : sqliteFingerprint(db);
}

const sqliteReaders = new WeakMap<Kysely<Database>, () => string>();

function sqliteFingerprint(db: Kysely<Database>): string {
	let read = sqliteReaders.get(db);
	if (!read) {
		const sqlite = sqliteOf(db);
		const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
		const ownChanges = sqlite.prepare('SELECT total_changes()').pluck();
		read = () => `${dataVersion.get()}:${ownChanges.get()}`;
		sqliteReaders.set(db, read);
	}
	return read();
}

export const CHANGE_CHANNEL = 'app_changed';

interface Listener {
	notifications: number;
	listening: boolean;
	client: pg.Client | null;
	closed: boolean;
	/** Resolved once the first LISTEN took. */
	ready: Promise<void>;
	started: () => void;
}

const listeners = new WeakMap<PostgresState, Listener>();

function listenerOf(state: PostgresState): Listener {
	let listener = listeners.get(state);
	if (!listener) {
		let started = () => {};
		const ready = new Promise<void>((resolve) => (started = resolve));
		const created: Listener = { notifications: 0, listening: false, client: null, closed: false, ready, started };
		listeners.set(state, created);
		state.onEnd.push(async () => {
			created.closed = true;
			created.started();
			await created.client?.end().catch(() => {});
		});
		void listen(state.url, created, 0);
		listener = created;
	}
	return listener;
}

function postgresFingerprint(state: PostgresState): string {
	const listener = listenerOf(state);
	if (!listener.listening) return `unknown:${randomBytes(8).toString('hex')}`;
	return `${listener.notifications}:${state.localWrites}`;
}

/**
 * Starts watching for changes (PostgreSQL: connects the listener) and resolves once the
 * fingerprint is steady, so that caches work from the first request. At once on SQLite.
 */
export async function watchChanges(db: Kysely<Database>): Promise<void> {
	const state = postgresStateOf(db);
	if (state) await listenerOf(state).ready;
}

async function listen(url: string, listener: Listener, failures: number): Promise<void> {
	if (listener.closed) return;
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
	listener.client = client;
	const lost = () => {
		if (!listener.listening && listener.client !== client) return;
		listener.listening = false;
		listener.client = null;
		client.end().catch(() => {});
		if (!listener.closed) setTimeout(() => void listen(url, listener, failures + 1), Math.min(100 * 2 ** failures, 5_000)).unref();
	};
	client.on('notification', () => {
		listener.notifications += 1;
	});
	client.on('error', lost);
	client.on('end', lost);
	try {
		await client.connect();
		await client.query(`LISTEN ${CHANGE_CHANNEL}`);
		if (listener.closed) return void (await client.end());
		// Whatever happened while no one listened is a change too.
		listener.notifications += 1;
		listener.listening = true;
		listener.started();
		failures = 0;
	} catch {
		lost();
	}
}

/**
 * PostgreSQL only: gives every table of the app the trigger that announces its changes (see
 * changeFingerprint). Run by `migrate` after the migrations, for the tables that lack it, so a
 * table a new migration adds is covered without the migration saying so.
 */
export async function installChangeNotifications(db: Kysely<Database>): Promise<void> {
	if (engineOf(db) !== 'postgres') return;
	await db.transaction().execute(async (trx) => {
		// Several servers starting at once: one installs, the others then find nothing to do.
		await sql`select pg_advisory_xact_lock(hashtext('app_changed triggers'))`.execute(trx);
		await sql`create or replace function app_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify(${sql.lit(CHANGE_CHANNEL)}, '');
  return null;
end $$`.execute(trx);
		const missing = await sql<{ name: string }>`
			select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname not like 'kysely\\_%'
			  and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_changed')
			order by c.relname`.execute(trx);
		for (const { name } of missing.rows) {
			await sql`create trigger ${sql.id(`${name}_changed`)} after insert or update or delete or truncate on ${sql.table(name)}
				for each statement execute function app_changed()`.execute(trx);
		}
	});
}
