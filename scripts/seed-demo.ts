/**
 * `npm run seed:demo` (part of `npm run demo`): migrates the database (DATABASE_URL, else
 * DATABASE_PATH, default data/app.db) and, when it holds no demo round yet, seeds one; then prints
 * the demo accounts. `--reset` empties the database first (see resetDatabase).
 */
import { databaseTarget, describeTarget, migrate, openDatabase, resetDatabase } from '../src/lib/server/db';
import { DEMO_PASSWORD, DEMO_ROUND_SLUG, seedDemo } from '../src/lib/server/seed/demo';

const target = databaseTarget();
const path = describeTarget(target);
if (process.argv.includes('--reset')) await resetDatabase(target);
const db = openDatabase(target);
await migrate(db);
const existing = await db.selectFrom('rounds').select('id').where('slug', '=', DEMO_ROUND_SLUG).executeTakeFirst();
if (existing) {
	console.log(`The demo round is already in ${path}; run with --reset to start again.`);
} else {
	const started = Date.now();
	const accounts = await seedDemo(db);
	console.log(`Seeded the demo into ${path} in ${Date.now() - started} ms.\n`);
	console.log(`Demo accounts (password for all: ${DEMO_PASSWORD})`);
	console.log(`  admin     ${accounts.admin}  (the federation: every fund, round, payment and audit entry)`);
	console.log(`  fund admin ${accounts.fundAdmin.email}  ${accounts.fundAdmin.fund}: its own round only`);
	for (const s of accounts.stations.slice(0, 3)) console.log(`  station   ${s.email}  ${s.organisation}`);
	console.log(`  station   … station01–station${String(accounts.stations.length).padStart(2, '0')}@demo.gz.cn`);
	console.log(`  reviewer  ${accounts.reviewers[0]} … ${accounts.reviewers.at(-1)}`);
	console.log(`  evaluator ${accounts.evaluator}  (graded the 2025 round's reports: /review/evaluations)`);
	console.log('Two-step verification (TOTP) is offered at /account/two-factor; to require it of admins,');
	console.log('tick it at /admin/users (or start the server with TWO_FACTOR_REQUIRED=admins) and enrol there.');
}
console.log('\nOpen http://localhost:3000 once the server below is listening.');
await db.destroy();
