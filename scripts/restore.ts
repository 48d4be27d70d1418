/**
 * `npm run restore -- backups/<time>`: puts a backup made by `npm run backup` (its app.db and
 * uploads/) in place of DATABASE_PATH and UPLOAD_DIR. Stop the server first, and start it after:
 * it applies any migrations newer than the backup. What was in place is renamed aside
 * (`….before-restore-<time>`), never deleted.
 */
import { existsSync } from 'node:fs';
import { databasePath } from '../src/lib/server/db';
import { restoreBackup } from '../src/lib/server/backup';
import { uploadDir } from '../src/lib/server/attachments';

if (process.env.DATABASE_URL) {
	// This script restores a SQLite file; PostgreSQL has its own tools (README, "Backup and restore").
	console.error('DATABASE_URL names a PostgreSQL database: use pg_dump and pg_restore for it, and copy UPLOAD_DIR beside the dump.');
	process.exit(1);
}
const source = process.argv[2];
if (!source || !existsSync(source)) {
	console.error('Name the backup folder to restore: npm run restore -- backups/<time>');
	process.exit(1);
}
try {
	const report = restoreBackup(source, { databasePath: databasePath(), uploads: uploadDir() });
	for (const path of report.movedAside) console.log(`moved aside: ${path}`);
	console.log(`Restored ${source} to ${databasePath()} and ${uploadDir()} (${report.check.files} attachment file(s)). Start the server now.`);
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
