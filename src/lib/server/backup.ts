import SQLite from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DB } from './db';
import { sqliteOf } from './db';

export interface BackupReport {
	path: string;
	pages: number;
	integrity: string;
	tables: Record<string, number>;
}

/** The tables whose row counts a backup report shows, to compare with the live database. */
export const COUNTED_TABLES = ['rounds', 'needs', 'proposals', 'review_assignments', 'review_scores', 'users', 'audit_log'];

/**
 * Writes a consistent copy of the live database to `target` while the server keeps serving:
 * SQLite's online backup copies the pages under a read transaction, so the copy is one committed
 * state. It is written next to `target` and
 * renamed into place, so a crash never leaves a half-written file under the final name; then
 * the copy is opened read-only and checked.
 */
export async function backupDatabase(db: DB, target: string): Promise<BackupReport> {
	mkdirSync(dirname(target), { recursive: true });
	const partial = `${target}.partial`;
	rmSync(partial, { force: true });
	// After a first small step, the rest in one step: a commit by another connection between
	// steps restarts the copy, so under a steady stream of submissions small steps never finish.
	// One step holds only a read transaction, which WAL lets writers work beside.
	const { totalPages } = await sqliteOf(db).backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
	renameSync(partial, target);
	return { path: target, pages: totalPages, ...checkDatabaseFile(target) };
}

/** `PRAGMA integrity_check` and row counts of a database file, opened read-only. */
export function checkDatabaseFile(path: string): { integrity: string; tables: Record<string, number> } {
	const copy = new SQLite(path, { readonly: true, fileMustExist: true });
	try {
		const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
		const tables: Record<string, number> = {};
		for (const table of COUNTED_TABLES) {
			tables[table] = (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
		}
		return { integrity, tables };
	} finally {
		copy.close();
	}
}
