/**
 * `npm run retention`: erases the names and contacts of residents and objectors whose round closed
 * longer ago than the retention period (an admin setting, 12 months by default), as the server
 * does every few hours; prints how many were erased.
 */
import { databaseTarget, describeTarget, migrate, openDatabase } from '../src/lib/server/db';
import { eraseExpiredContacts, retentionMonths } from '../src/lib/server/privacy';

const db = openDatabase(databaseTarget());
await migrate(db);
const erased = await eraseExpiredContacts(db);
console.log(
	`${describeTarget(databaseTarget())}: retention ${await retentionMonths(db)} months; erased the contacts of ${erased.needs} needs and ${erased.objections} objections`
);
await db.destroy();
