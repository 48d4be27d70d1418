/**
 * `npm run db:copy -- --from data/app.db --to postgres://user@host/portal`: moves a SQLite install
 * up to PostgreSQL. The target must be an empty database (create it first, `createdb portal`); it
 * is migrated to this version, then every table is copied in one transaction, checked by row
 * count and checksum, the id sequences are set past the copied ids, and the copy is written to the
 * audit log. Anything wrong rolls the whole copy back. The attachments' files stay where they are:
 * point the new servers' UPLOAD_DIR at them (README, "PostgreSQL").
 */
import { parseArgs } from 'node:util';
import { describeTarget, isPostgresTarget, migrate, openDatabase } from '../src/lib/server/db';
import { CopyRefused, copySqliteToPostgres, openSqliteSource, refuseNonEmptyTarget } from '../src/lib/server/db/copy';
import { audit } from '../src/lib/server/audit';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
const from = values.from ?? process.env.DATABASE_PATH ?? 'data/app.db';
const to = values.to ?? process.env.DATABASE_URL;
if (!to || !isPostgresTarget(to)) {
	console.error('Name the PostgreSQL database to copy into: npm run db:copy -- --from data/app.db --to postgres://user@host/portal');
	process.exit(2);
}

let source;
try {
	source = openSqliteSource(from);
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
const target = openDatabase(to);
const started = Date.now();
try {
	await refuseNonEmptyTarget(target);
	await migrate(target);
	const report = await copySqliteToPostgres(source, target, async (trx, report) => {
		await audit(trx, {
			actorId: null,
			action: 'database.copy',
			entity: 'database',
			reason: 'db:copy',
			detail: { from, migration: report.migration, tables: report.tables.length, rows: report.rows, ms: Date.now() - started }
		});
	});
	console.log(`Copied ${from} into ${describeTarget(to)} (migration ${report.migration}) in ${Date.now() - started} ms: ${report.rows} rows in ${report.tables.length} tables, every count and checksum the same.`);
	console.table(report.tables);
	console.log('Next ids:', report.sequences);
} catch (e) {
	console.error(e instanceof CopyRefused ? e.message : `The copy failed and nothing was kept: ${(e as Error).message}`);
	process.exitCode = 1;
} finally {
	source.close();
	await target.destroy();
}
