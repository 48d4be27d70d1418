import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../src/lib/server/db';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A URL of the server's `postgres` database, to create and drop the tests' databases from. */
		postgresAdminUrl: string;
		/** The migrated database every test database is cloned from. */
		postgresTemplate: string;
	}
}

/**
 * Vitest's global setup for the `postgres` project: migrates one template database on the server
 * of TEST_POSTGRES_URL (the throw-away cluster of scripts/with-postgres.ts, or a developer's own),
 * and drops it at the end. The tests clone it (tests/helpers/test-database.ts).
 */
export default async function setup(project: TestProject) {
	const base = process.env.TEST_POSTGRES_URL;
	if (!base) throw new Error('TEST_POSTGRES_URL is not set: run the tests through scripts/with-postgres.ts');
	const adminUrl = new URL(base);
	adminUrl.pathname = '/postgres';
	const template = `app_template_${process.pid}`;
	const admin = new pg.Client({ connectionString: adminUrl.toString() });
	await admin.connect();
	await admin.query(`drop database if exists ${template} with (force)`);
	await admin.query(`create database ${template}`);
	const templateUrl = new URL(adminUrl);
	templateUrl.pathname = `/${template}`;
	const db = openDatabase(templateUrl.toString());
	await migrate(db);
	// A template must have no connection open while it is cloned.
	await db.destroy();
	project.provide('postgresAdminUrl', adminUrl.toString());
	project.provide('postgresTemplate', template);
	return async () => {
		const leftovers = await admin.query<{ datname: string }>(
			`select datname from pg_database where datname = $1 or starts_with(datname, $1 || '_')`,
			[template]
		);
		// Test files drop their own databases; what a crashed worker left goes here.
		for (const { datname } of leftovers.rows) await admin.query(`drop database if exists ${datname} with (force)`);
		await admin.end();
	};
}
