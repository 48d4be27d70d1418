/**
 * `npm run backup [-- path]`: a consistent copy of DATABASE_PATH (default data/app.db) while the
 * server runs, to `path` (default backups/app-<UTC time>.db), checked before it reports success.
 *
 * Restoring: stop the server, keep the damaged file aside, copy the backup over DATABASE_PATH
 * and delete any `-wal` and `-shm` files beside it, then start the server (it migrates a backup
 * taken before an upgrade on start):
 *
 *   systemctl stop grants   # or however the server runs
 *   mv data/app.db data/app.db.broken; rm -f data/app.db-wal data/app.db-shm
 *   cp backups/app-2026-….db data/app.db
 *   systemctl start grants
 */
import { existsSync } from 'node:fs';
import { databasePath, openDatabase } from '../src/lib/server/db';
import { backupDatabase } from '../src/lib/server/backup';

const source = databasePath();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = process.argv[2] ?? `backups/app-${stamp}.db`;
if (!existsSync(source)) {
	console.error(`There is no database at ${source}; set DATABASE_PATH.`);
	process.exit(1);
}
const db = openDatabase(source);
try {
	const started = Date.now();
	const report = await backupDatabase(db, target);
	if (report.integrity !== 'ok') {
		console.error(`The copy at ${target} failed its integrity check: ${report.integrity}`);
		process.exitCode = 1;
	} else {
		console.log(`Backed up ${source} to ${target} (${report.pages} pages) in ${Date.now() - started} ms; integrity ok.`);
		console.table(report.tables);
	}
} finally {
	await db.destroy();
}
