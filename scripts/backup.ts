/**
 * `npm run backup [-- folder]`: a consistent copy of the database at DATABASE_PATH (default
 * data/app.db) and of the attachments in UPLOAD_DIR (default data/uploads) while the server
 * runs, into `folder` (default backups/<UTC time>/: app.db and uploads/), checked before it
 * reports success. `npm run restore -- folder` puts one back.
 */
import { existsSync } from 'node:fs';
import { databasePath, openDatabase } from '../src/lib/server/db';
import { backup, backupIsSound } from '../src/lib/server/backup';
import { uploadDir } from '../src/lib/server/attachments';

if (process.env.DATABASE_URL) {
	// This script backs up a SQLite file; PostgreSQL has its own tools (README, "Backup and restore").
	console.error('DATABASE_URL names a PostgreSQL database: use pg_dump and pg_restore for it, and copy UPLOAD_DIR beside the dump.');
	process.exit(1);
}
const source = databasePath();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = process.argv[2] ?? `backups/${stamp}`;
if (!existsSync(source)) {
	console.error(`There is no database at ${source}; set DATABASE_PATH.`);
	process.exit(1);
}
if (existsSync(target)) {
	console.error(`${target} exists already; name a new folder.`);
	process.exit(1);
}
const db = openDatabase(source);
try {
	const started = Date.now();
	const report = await backup(db, target, uploadDir());
	if (!backupIsSound(report)) {
		console.error(`The backup at ${target} failed its check: integrity ${report.integrity}`);
		if (report.missing.length) console.error(`attachments without a file: ${report.missing.join(', ')}`);
		if (report.corrupt.length) console.error(`attachments whose file differs: ${report.corrupt.join(', ')}`);
		process.exitCode = 1;
	} else {
		console.log(
			`Backed up ${source} (${report.pages} pages) and ${report.files} attachment file(s) (${report.bytes} bytes) to ${target} in ${Date.now() - started} ms; integrity ok, every attachment present.`
		);
		console.table(report.tables);
	}
} finally {
	await db.destroy();
}
