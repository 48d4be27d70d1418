/**
 * `npm run seed:city`: migrates the database (DATABASE_URL, else DATABASE_PATH, default
 * data/city.db, never the demo's) and seeds a whole city's round into it (see
 * src/lib/server/seed/city.ts). `-- --seed N` picks another deterministic city; `-- --reset`
 * empties the database first.
 */
import { describeTarget, migrate, openDatabase, resetDatabase } from '../src/lib/server/db';
import { CITY_ROUND_SLUG, seedCity } from '../src/lib/server/seed/city';

function option(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

const target = process.env.DATABASE_URL || process.env.DATABASE_PATH || 'data/city.db';
const path = describeTarget(target);
const seed = Number(option('seed') ?? 2026);
if (!Number.isSafeInteger(seed)) throw new Error('--seed takes a whole number');
if (process.argv.includes('--reset')) await resetDatabase(target);
const db = openDatabase(target);
await migrate(db);
const existing = await db.selectFrom('rounds').select('id').where('slug', '=', CITY_ROUND_SLUG).executeTakeFirst();
if (existing) {
	console.log(`The city is already in ${path}; run with --reset to start again.`);
} else {
	const started = Date.now();
	const city = await seedCity(db, { seed });
	console.log(`Seeded the city (seed ${seed}) into ${path} in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
	console.table(city.counts);
	console.log(`Accounts (password ${city.password}): ${city.adminEmail}, station1…${city.stationEmails.length}@city.gz.cn, reviewer1…${city.reviewerEmails.length}@city.gz.cn`);
}
await db.destroy();
