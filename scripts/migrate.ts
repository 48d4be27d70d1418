/** `npm run migrate`: brings the database (DATABASE_URL, else DATABASE_PATH, default data/app.db) up to date. */
import { databaseTarget, describeTarget, migrate, openDatabase } from '../src/lib/server/db';

const db = openDatabase(databaseTarget());
const applied = await migrate(db);
console.log(`${describeTarget(databaseTarget())}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
await db.destroy();
