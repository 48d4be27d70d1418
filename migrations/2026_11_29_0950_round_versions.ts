import { sql, type Kysely } from 'kysely';
import { dropVersionTriggers, dropChangeNotifications } from '../src/lib/server/db/versions';

/**
 * A version per round (and round 0 for what no round owns), moved on by triggers with every
 * write a public page may show: the page cache and memoUntilWrite compare only the versions of
 * what they depend on (see src/lib/server/db/versions.ts; `migrate` installs the triggers).
 * They replace PostgreSQL's change notifications, whose triggers go.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('round_versions')
		.addColumn('round_id', 'integer', (c) => c.primaryKey())
		.addColumn('version', 'bigint', (c) => c.notNull())
		.execute();
	await sql`insert into round_versions (round_id, version) select 0, 1 union all select id, 1 from rounds`.execute(db);
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the triggers' helper takes any schema
	await dropChangeNotifications(db as Kysely<any>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the triggers' helper takes any schema
	await dropVersionTriggers(db as Kysely<any>);
	await db.schema.dropTable('round_versions').execute();
}
