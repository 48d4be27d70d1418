import { expect, test } from '@playwright/test';
import { sql } from 'kysely';
import { CITY_EARLIER_SLUG, CITY_PASSWORD, CITY_ROUND_SLUG } from '../../src/lib/server/seed/city';
import { CALL_SLUG, freePort, needForm, prepareDatabase, startServer, stop, submissionKey } from '../helpers/scale';
import { isPostgres, withDatabase } from '../helpers/test-targets';
import { e2eEngine } from './db';

/** SQLite's own check of its file ('ok' when sound); PostgreSQL's durability is its own business (the tests never kill it). */
async function integrity(target: string): Promise<string> {
	if (isPostgres(target)) return 'ok';
	return withDatabase(target, async (db) => (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows[0].integrity_check);
}

/**
 * Each test here runs its OWN production server (`npm start`'s scripts/start.js) on its own
 * database under tests/.tmp and a port in 5500–5599, so it may kill it and load it without
 * touching the shared end-to-end server. Bounded in count and time: a few hundred requests,
 * seconds each.
 */

async function submitNeed(base: string, form: Record<string, string>, key: string): Promise<number> {
	const response = await fetch(`${base}/rounds/${CALL_SLUG}/needs/new`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ ...form, submission_key: key })
	});
	await response.arrayBuffer();
	return response.status;
}

test.describe('resilience', () => {
	test.describe.configure({ timeout: 120_000 });

	test('a server killed mid-stream keeps every acknowledged submission and a sound database', async () => {
		const path = await prepareDatabase('resilience-kill', e2eEngine());
		const form = await needForm(path);
		const port = await freePort();
		let server = await startServer(path, port);
		const acknowledged: string[] = [];
		let killed = false;
		try {
			// Eight residents submitting back to back; the server dies once 120 have their receipt.
			const residents = Array.from({ length: 8 }, async () => {
				for (let i = 0; i < 100 && !killed; i++) {
					const key = submissionKey('kill');
					let status: number;
					try {
						status = await submitNeed(server.base, form, key);
					} catch {
						break; // the connection died with the server: not acknowledged
					}
					if (status === 303) acknowledged.push(key);
					else if (!killed) expect(status, `submission answered ${status}: ${server.log.join('').slice(-2000)}`).toBe(303);
					if (acknowledged.length >= 120 && !killed) {
						killed = true;
						server.child.kill('SIGKILL');
					}
				}
			});
			await Promise.all(residents);
			expect(killed, 'the stream reached the kill point').toBe(true);
			await stop(server, 'SIGKILL');

			server = await startServer(path, port);
			expect(await integrity(path)).toBe('ok');
			const { stored, receipt } = await withDatabase(path, async (db) => ({
				stored: new Set(
					(await db.selectFrom('needs').select('submission_key').where('submission_key', 'like', 'kill%').execute()).map((r) => r.submission_key)
				),
				receipt: (await db.selectFrom('needs').select('receipt_code').where('submission_key', '=', acknowledged[0]).executeTakeFirstOrThrow())
					.receipt_code
			}));
			expect(acknowledged.filter((k) => !stored.has(k))).toEqual([]);
			// The restarted server serves what was stored before the crash.
			const tracked = await fetch(`${server.base}/track/${receipt}`);
			expect(tracked.status).toBe(200);
			// And a resent form after the crash still gets its first receipt, not a second need.
			expect(await submitNeed(server.base, form, acknowledged[0])).toBe(303);
			const copies = await withDatabase(path, (db) => db.selectFrom('needs').select('id').where('submission_key', '=', acknowledged[0]).execute());
			expect(copies).toHaveLength(1);
		} finally {
			await stop(server, 'SIGKILL');
		}
	});

	test('a mixed-load soak answers without a single 5xx', async () => {
		const path = await prepareDatabase('resilience-soak', e2eEngine());
		const form = await needForm(path);
		const server = await startServer(path, await freePort());
		const base = server.base;
		try {
			const { needIds, projectIds, reviewer, criteria } = await withDatabase(path, async (db) => ({
				needIds: (await db.selectFrom('needs').select('id').where('status', '=', 'published').orderBy('id').limit(40).execute()).map((r) => r.id),
				projectIds: (await db.selectFrom('proposals').select('id').where('status', '=', 'funded').orderBy('id').limit(20).execute()).map((r) => r.id),
				reviewer: await db
					.selectFrom('review_assignments as a')
					.innerJoin('users as u', 'u.id', 'a.reviewer_id')
					.select(['u.email', 'a.id'])
					.where('a.status', '=', 'assigned')
					.orderBy('a.id')
					.executeTakeFirstOrThrow(),
				criteria: await db
					.selectFrom('rubric_criteria as r')
					.innerJoin('rounds', 'rounds.id', 'r.round_id')
					.select(['r.id', 'r.scale_max'])
					.where('rounds.slug', '=', CITY_ROUND_SLUG)
					.execute()
			}));

			const login = await fetch(`${base}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ email: reviewer.email, password: CITY_PASSWORD })
			});
			expect(login.status).toBe(303);
			const cookie = login.headers.getSetCookie().find((c) => c.startsWith('session='))!.split(';')[0];

			const statuses = new Map<number, number>();
			const failures: string[] = [];
			const record = (what: string, status: number) => {
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
				if (status >= 500) failures.push(`${status} ${what}`);
			};
			const get = async (path: string, headers: Record<string, string> = {}) => {
				const r = await fetch(base + path, { redirect: 'manual', headers: { accept: 'text/html', ...headers } });
				await r.arrayBuffer();
				record(`GET ${path}`, r.status);
			};
			const mix: (() => Promise<void>)[] = [
				() => get('/'),
				() => get(`/rounds/${CITY_ROUND_SLUG}/needs`),
				() => get(`/rounds/${CITY_ROUND_SLUG}/needs?district=${encodeURIComponent('海珠区')}&page=2`),
				() => get(`/needs/${needIds[Math.floor(Math.random() * needIds.length)]}`),
				() => get(`/rounds/${CITY_EARLIER_SLUG}/results`),
				() => get(`/projects/${projectIds[Math.floor(Math.random() * projectIds.length)]}`),
				() => get(`/rounds/${CITY_ROUND_SLUG}/needs`, { cookie: 'locale=en' }),
				() => get('/review', { cookie }),
				async () => record('POST need', await submitNeed(base, form, submissionKey('soak'))),
				async () => {
					const body = new URLSearchParams({ comment: '建议补充成效指标。' });
					for (const c of criteria) body.set(`score_${c.id}`, String(Math.floor(Math.random() * (c.scale_max + 1))));
					const r = await fetch(`${base}/review/assignments/${reviewer.id}?/save`, {
						method: 'POST',
						redirect: 'manual',
						headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie },
						body
					});
					await r.arrayBuffer();
					record('POST review save', r.status);
				}
			];
			// Sixteen clients for six seconds, each request drawn from the mix.
			const until = Date.now() + 6_000;
			let sent = 0;
			await Promise.all(
				Array.from({ length: 16 }, async (_, client) => {
					for (let i = client; Date.now() < until; i++) {
						await mix[i % mix.length]();
						sent += 1;
					}
				})
			);
			expect(sent).toBeGreaterThan(100);
			expect(failures, `server log: ${server.log.join('').slice(-2000)}`).toEqual([]);
			// Writes happened alongside the reads and landed.
			expect(statuses.get(303) ?? 0).toBeGreaterThan(0);
			expect(await integrity(path)).toBe('ok');
		} finally {
			await stop(server);
		}
	});
});
