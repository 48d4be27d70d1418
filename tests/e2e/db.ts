import { openDatabase, type DB } from '../../src/lib/server/db';
import { E2E_DATABASE } from '../fixtures/accounts';

/**
 * The running server's database, for arranging a test's records directly or checking what was
 * stored (WAL lets this process read and write beside the server). Close it when done.
 */
export async function withE2eDb<T>(fn: (db: DB) => Promise<T>): Promise<T> {
	const db = openDatabase(E2E_DATABASE);
	try {
		return await fn(db);
	} finally {
		await db.destroy();
	}
}
