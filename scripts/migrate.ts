/** `npm run migrate`: brings the database at DATABASE_PATH (default data/app.db) up to date. */
import { databasePath, migrate, openDatabase } from '../src/lib/server/db';

const db = openDatabase(databasePath());
const applied = await migrate(db);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
await db.destroy();
