/**
 * npm run ledger:check — recomputes every balance of the ledger in DATABASE_URL (else
 * DATABASE_PATH) from its entries and exits 1 on any mismatch, printing each.
 * `-- --fresh-demo` checks a new demo seed in a temporary SQLite file instead (what npm test runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseTarget, describeTarget, migrate, openDatabase } from '../src/lib/server/db';
import { checkLedger } from '../src/lib/server/ledger-check';
import { seedDemo } from '../src/lib/server/seed/demo';

const fresh = process.argv.includes('--fresh-demo');
const folder = fresh ? mkdtempSync(join(tmpdir(), 'ledger-check-')) : null;
const target = folder ? join(folder, 'demo.db') : databaseTarget();
const db = openDatabase(target);
try {
	if (fresh) {
		await migrate(db);
		await seedDemo(db);
	}
	const problems = await checkLedger(db);
	const entries = await db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	const where = fresh ? 'a fresh demo seed' : describeTarget(target);
	if (problems.length) {
		for (const p of problems) console.error(`✗ ${p}`);
		console.error(`ledger:check: ${problems.length} problem(s) in ${where} (${entries.n} entries)`);
		process.exitCode = 1;
	} else {
		console.log(`ledger:check: ${entries.n} entries in ${where}, every balance recomputed and matching`);
	}
} finally {
	await db.destroy();
	if (folder) rmSync(folder, { recursive: true, force: true });
}
