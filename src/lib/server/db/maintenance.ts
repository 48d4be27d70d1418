import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { engineOf } from './engine';

/**
 * After a bulk load (the city seed, an import): let the query planner see the new data, so the
 * first requests use the indexes (SQLite `PRAGMA optimize`, PostgreSQL `ANALYZE`).
 */
export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
	if (engineOf(db) === 'postgres') await sql`analyze`.execute(db);
	else await sql`pragma optimize`.execute(db);
}
