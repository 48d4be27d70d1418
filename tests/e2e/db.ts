import { test } from '@playwright/test';
import { openDatabase, type DB } from '../../src/lib/server/db';
import { e2eTarget, type E2eEngine } from '../fixtures/accounts';

/** The engine of the running test's project (`sqlite` or `postgres`, see playwright.config.ts). */
export function e2eEngine(): E2eEngine {
	return test.info().project.name === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * The running server's database, for arranging a test's records directly or checking what was
 * stored (beside the server: WAL on SQLite, connections of its own on PostgreSQL).
 */
export async function withE2eDb<T>(fn: (db: DB) => Promise<T>): Promise<T> {
	const db = openDatabase(e2eTarget(e2eEngine()));
	try {
		return await fn(db);
	} finally {
		await db.destroy();
	}
}
