import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema';

/**
 * `text` as a JavaScript number, refusing what a number cannot hold exactly. pg hands int8
 * (`bigint` money columns, `count(*)`, `sum` of integers) and numeric (`sum` of bigints) over as
 * strings, since they may pass 2^53; fen sums never get near ¥90 trillion, so numbers it is, and
 * a value that did would fail loudly instead of being rounded.
 */
export function exactInteger(text: string): number {
	const n = Number(text);
	if (!Number.isSafeInteger(n)) throw new RangeError(`${text} is not an integer a number holds exactly`);
	return n;
}

/** numeric: an integer (a sum) exactly as above; one with a fraction (an average) as a double. */
function numeric(text: string): number {
	return /[.eE]/.test(text) ? Number(text) : exactInteger(text);
}

/**
 * The parsers of this app's pools only (not pg's global table, which every other pg client in
 * the process, such as a test's own, would share).
 */
const types: pg.CustomTypesConfig = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
		if (oid === pg.types.builtins.INT8) return exactInteger;
		if (oid === pg.types.builtins.NUMERIC) return numeric;
		return pg.types.getTypeParser(oid, format);
	}) as pg.CustomTypesConfig['getTypeParser']
};

export interface PostgresOptions {
	/** Connections in the pool: `DATABASE_POOL_SIZE`, default 10. */
	poolSize?: number;
	/** How long an unused connection stays open; tests use a short one. */
	idleTimeoutMillis?: number;
}

/** Opens a pool of connections to the PostgreSQL database at `url` (nothing connects until used). */
export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
	const pool = new pg.Pool({
		connectionString: url,
		max: options.poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || 10),
		idleTimeoutMillis: options.idleTimeoutMillis ?? 10_000,
		// An unreachable server fails a request (and /healthz) quickly instead of hanging it.
		connectionTimeoutMillis: 5_000,
		types
	});
	let ending = false;
	// A connection that breaks while idle (a restarted server) is dropped from the pool; without a
	// listener pg would throw it at the process. Once the pool is ending, its connections' last
	// words are expected.
	pool.on('error', (error) => {
		if (!ending) console.error(`database connection lost: ${error.message}`);
	});
	// A connection that breaks while checked out (between two statements of a transaction, say)
	// emits its error on the client, where the pool's listener does not hear it: unheard, it would
	// end the process. The statement in flight fails on its own; the client is then not reused.
	const heard = new WeakSet<pg.PoolClient>();
	const dialect = new PostgresDialect({
		pool: {
			connect: async () => {
				const client = await pool.connect();
				if (!heard.has(client)) {
					heard.add(client);
					client.on('error', (error) => {
						if (!ending) console.error(`database connection lost: ${error.message}`);
					});
				}
				return client;
			},
			end: async () => {
				ending = true;
				await pool.end();
			}
		}
	});
	return new Kysely<Database>({ dialect });
}
