import SQLite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, copyFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DB } from './db';
import { sqliteOf } from './db';

/**
 * A backup is a folder: `app.db`, a consistent copy of the database, and `uploads/`, the
 * attachments' files beside it. Restoring puts both back together.
 */
export const BACKUP_DATABASE = 'app.db';
export const BACKUP_UPLOADS = 'uploads';

export interface FilesCheck {
	/** Files in the backup's uploads folder. */
	files: number;
	bytes: number;
	/** Attachments the database lists whose file is not in the backup. */
	missing: string[];
	/** Attachments whose file in the backup has other contents than the database recorded. */
	corrupt: string[];
}

export interface BackupReport extends FilesCheck {
	path: string;
	pages: number;
	integrity: string;
	tables: Record<string, number>;
}

/** The tables whose row counts a backup report shows, to compare with the live database. */
export const COUNTED_TABLES = ['rounds', 'needs', 'proposals', 'review_assignments', 'review_scores', 'attachments', 'users', 'audit_log'];

/** Whether a backup can be trusted whole: the database is sound and every attachment is there. */
export function backupIsSound(report: Pick<BackupReport, 'integrity' | 'missing' | 'corrupt'>): boolean {
	return report.integrity === 'ok' && report.missing.length === 0 && report.corrupt.length === 0;
}

/** Copies the regular files of `from` into `to` (made), leaving out half-written `*.part` files. */
function copyFiles(from: string, to: string): void {
	mkdirSync(to, { recursive: true, mode: 0o700 });
	if (!existsSync(from)) return;
	for (const name of readdirSync(from)) {
		if (name.endsWith('.part') || !statSync(join(from, name)).isFile()) continue;
		// A copy-on-write clone where the file system has them, else a plain copy.
		copyFileSync(join(from, name), join(to, name), constants.COPYFILE_FICLONE);
	}
}

/**
 * Writes a consistent backup of the live database and its attachments to the folder `target`
 * while the server keeps serving.
 *
 * The database first: SQLite's online backup copies the pages under a read transaction, so the
 * copy is one committed state. Then the upload folder: an attachment's file is written (and
 * renamed into place) before its row is committed and never changes after, so every file the
 * copied database lists is already on disk; files uploaded meanwhile come along unused. Last,
 * each attachment the copy lists is checked against its recorded SHA-256.
 *
 * Everything is written to `<target>.partial` and renamed, so a crash never leaves half a backup
 * under the final name.
 */
export async function backup(db: DB, target: string, uploads: string): Promise<BackupReport> {
	const partial = `${target}.partial`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true, mode: 0o700 });
	// After a first small step, the rest in one step: a commit by another connection between
	// steps restarts the copy, so under a steady stream of submissions small steps never finish.
	// One step holds only a read transaction, which WAL lets writers work beside.
	const { totalPages } = await sqliteOf(db).backup(join(partial, BACKUP_DATABASE), {
		progress: ({ totalPages }) => Math.max(totalPages, 100)
	});
	copyFiles(uploads, join(partial, BACKUP_UPLOADS));
	mkdirSync(dirname(target), { recursive: true });
	renameSync(partial, target);
	return { path: target, pages: totalPages, ...checkBackup(target) };
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

/** Each attachment the database at `databasePath` lists, checked against the files in `uploads`. */
export function checkAttachmentFiles(databasePath: string, uploads: string): FilesCheck {
	const copy = new SQLite(databasePath, { readonly: true, fileMustExist: true });
	let rows: { id: string; sha256: string }[];
	try {
		rows = copy.prepare('SELECT id, sha256 FROM attachments').all() as { id: string; sha256: string }[];
	} finally {
		copy.close();
	}
	const names = existsSync(uploads) ? readdirSync(uploads) : [];
	const present = new Set(names);
	const missing: string[] = [];
	const corrupt: string[] = [];
	for (const { id, sha256 } of rows) {
		if (!present.has(id)) missing.push(id);
		else if (createHash('sha256').update(readFileSync(join(uploads, id))).digest('hex') !== sha256) corrupt.push(id);
	}
	const bytes = names.reduce((sum, name) => sum + statSync(join(uploads, name)).size, 0);
	return { files: names.length, bytes, missing, corrupt };
}

/** The integrity of a backup folder: its database, and its attachments against that database. */
export function checkBackup(path: string): Omit<BackupReport, 'path' | 'pages'> {
	const database = join(path, BACKUP_DATABASE);
	return { ...checkDatabaseFile(database), ...checkAttachmentFiles(database, join(path, BACKUP_UPLOADS)) };
}

export interface RestoreReport {
	/** Where the database and upload folder that were in place now are (nothing is deleted). */
	movedAside: string[];
	check: Omit<BackupReport, 'path' | 'pages'>;
}

/**
 * Puts the backup folder `source` in place of the database at `databasePath` and the upload
 * folder `uploads`. The server must be stopped. What was there is renamed aside with a
 * `.before-restore-<time>` suffix, never deleted; an unsound backup is refused before anything
 * moves. The server applies any newer migrations when it starts.
 */
export function restoreBackup(source: string, to: { databasePath: string; uploads: string }, now = new Date()): RestoreReport {
	const check = checkBackup(source);
	if (!backupIsSound(check)) {
		throw new Error(
			`The backup at ${source} is not sound (integrity: ${check.integrity}; ${check.missing.length} attachment(s) missing, ${check.corrupt.length} damaged); nothing was changed.`
		);
	}
	const suffix = `.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
	const movedAside: string[] = [];
	for (const path of [to.databasePath, `${to.databasePath}-wal`, `${to.databasePath}-shm`, to.uploads]) {
		if (!existsSync(path)) continue;
		renameSync(path, `${path}${suffix}`);
		movedAside.push(`${path}${suffix}`);
	}
	mkdirSync(dirname(to.databasePath), { recursive: true });
	copyFileSync(join(source, BACKUP_DATABASE), `${to.databasePath}.partial`);
	renameSync(`${to.databasePath}.partial`, to.databasePath);
	rmSync(`${to.uploads}.partial`, { recursive: true, force: true });
	copyFiles(join(source, BACKUP_UPLOADS), `${to.uploads}.partial`);
	renameSync(`${to.uploads}.partial`, to.uploads);
	return { movedAside, check };
}
