import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { migrate } from '../../src/lib/server/db';
import { DEMO_EARLIER_SLUG, DEMO_ROUND_SLUG, DEMO_SECOND_SLUG, seedDemo } from '../../src/lib/server/seed/demo';
import { seedOpenCall } from '../../src/lib/server/seed/city';
import { CALL_SLUG, freePort, needForm, startServer, stop, submissionKey, type Server } from '../helpers/scale';
import { emptyDatabase, withDatabase } from '../helpers/test-targets';
import { e2eEngine } from './db';

/**
 * Moving up: the demo install on SQLite, copied with the built `npm run db:copy` into an empty
 * PostgreSQL database, serves the same public pages and open-data files, byte for byte once the
 * per-response nonce is set aside, and takes new records afterwards.
 */

/**
 * What must differ between two answers of the same page: the CSP nonce of each response, the
 * fresh submission key a form gets (which makes a resent form one submission), and the moment a
 * printable page was rendered (its print date).
 */
const normalise = (body: string) =>
	body
		.replace(/nonce="[^"]*"/g, 'nonce=""')
		.replace(/'nonce-[^']*'/g, "'nonce-'")
		.replace(/submissionKey:"[a-z2-9]+"/g, 'submissionKey:""')
		.replace(/(name="submission_key"[^>]*value=")[a-z2-9]+"/g, '$1"')
		.replace(/renderedAt:"[^"]*"/g, 'renderedAt:""')
		.replace(/打印时间：[^<]*/g, '打印时间：');

/** Where two texts part, with a little of each around it. */
function firstDifference(a: string, b: string): string {
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	return `at ${i}: before …${a.slice(Math.max(0, i - 80), i + 80)}… after …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

async function read(server: Server, paths: string[]): Promise<Map<string, string>> {
	const pages = new Map<string, string>();
	for (const path of paths) {
		const response = await fetch(server.base + path, { redirect: 'manual', headers: { accept: 'text/html' } });
		expect(response.status, path).toBe(200);
		pages.set(path, normalise(await response.text()));
	}
	return pages;
}

test.describe('db:copy from SQLite to PostgreSQL', () => {
	test.describe.configure({ timeout: 180_000 });
	let server: Server | undefined;
	test.afterEach(async () => {
		if (server) await stop(server);
		server = undefined;
	});

	test('the copied demo serves the same public pages and JSON, and takes new records', async () => {
		test.skip(e2eEngine() !== 'postgres', 'the copy goes from SQLite into PostgreSQL: it needs the postgres project’s server');
		const from = await emptyDatabase('copy-demo', 'sqlite');
		const ids = await withDatabase(from, async (db) => {
			await migrate(db);
			await seedDemo(db);
			await seedOpenCall(db, { slug: CALL_SLUG, title: '需求征集（迁移测试）', year: 2026 });
			const round = (slug: string) => db.selectFrom('rounds').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
			return {
				needs: (await db.selectFrom('needs').select(['id', 'receipt_code']).where('status', '=', 'published').orderBy('id').limit(3).execute()),
				projects: (await db.selectFrom('proposals').select('id').where('status', '=', 'funded').orderBy('id').limit(2).execute()).map((r) => r.id),
				earlier: (await round(DEMO_EARLIER_SLUG)).id
			};
		});
		expect(ids.needs).toHaveLength(3);
		expect(ids.projects).toHaveLength(2);
		const paths = [
			'/',
			...[DEMO_ROUND_SLUG, DEMO_EARLIER_SLUG, DEMO_SECOND_SLUG, CALL_SLUG].map((slug) => `/rounds/${slug}`),
			`/rounds/${DEMO_ROUND_SLUG}/needs`,
			`/rounds/${DEMO_ROUND_SLUG}/needs?page=2`,
			`/rounds/${DEMO_EARLIER_SLUG}/needs`,
			`/rounds/${DEMO_EARLIER_SLUG}/results`,
			`/rounds/${DEMO_EARLIER_SLUG}/stats`,
			`/rounds/${DEMO_EARLIER_SLUG}/notice`,
			`/rounds/${DEMO_EARLIER_SLUG}/results.json`,
			`/rounds/${DEMO_EARLIER_SLUG}/results.csv`,
			`/rounds/${DEMO_EARLIER_SLUG}/decision-record.json`,
			...ids.needs.map((n) => `/needs/${n.id}`),
			`/track/${ids.needs[0].receipt_code}`,
			...ids.projects.map((id) => `/projects/${id}`)
		];
		expect(paths).toHaveLength(20);

		const port = await freePort();
		server = await startServer(from, port);
		const before = await read(server, paths);
		await stop(server);
		server = undefined;

		const to = await emptyDatabase('copy-demo', 'postgres');
		const copy = spawnSync(process.execPath, ['build/scripts/db-copy.js', '--from', from, '--to', to], { encoding: 'utf8' });
		expect(copy.status, copy.stderr + copy.stdout).toBe(0);
		expect(copy.stdout).toMatch(/every count and checksum the same/);

		server = await startServer(to, port);
		const after = await read(server, paths);
		const differing = paths.filter((path) => after.get(path) !== before.get(path)).map((path) => `${path}: ${firstDifference(before.get(path)!, after.get(path)!)}`);
		expect(differing).toEqual([]);
		// The JSON is the same data, not only the same text.
		const json = `/rounds/${DEMO_EARLIER_SLUG}/results.json`;
		expect(JSON.parse(after.get(json)!)).toEqual(JSON.parse(before.get(json)!));

		// New records get fresh ids, past the copied ones.
		const highest = await withDatabase(to, async (db) => (await db.selectFrom('needs').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id);
		const key = submissionKey('copied');
		const posted = await fetch(`${server.base}/rounds/${CALL_SLUG}/needs/new`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...(await needForm(to)), submission_key: key })
		});
		expect(posted.status).toBe(303);
		const stored = await withDatabase(to, async (db) => ({
			need: (await db.selectFrom('needs').select('id').where('submission_key', '=', key).executeTakeFirstOrThrow()).id,
			copies: (await db.selectFrom('audit_log').select('detail').where('action', '=', 'database.copy').execute()).length
		}));
		expect(stored).toEqual({ need: Number(highest) + 1, copies: 1 });
		expect((await fetch(server.base + posted.headers.get('location')!)).status).toBe(200);
	});
});
