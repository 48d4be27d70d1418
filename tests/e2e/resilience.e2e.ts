import { expect, test } from '@playwright/test';
import SQLite from 'better-sqlite3';
import { CITY_EARLIER_SLUG, CITY_PASSWORD, CITY_ROUND_SLUG } from '../../src/lib/server/seed/city';
import { CALL_SLUG, freePort, needForm, prepareDatabase, startServer, stop, submissionKey } from '../helpers/scale';

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
		const path = await prepareDatabase('resilience-kill');
		const form = needForm(path);
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
			const db = new SQLite(path);
			const integrity = db.pragma('integrity_check', { simple: true });
			const stored = new Set(
				(db.prepare("SELECT submission_key FROM needs WHERE submission_key LIKE 'kill%'").all() as { submission_key: string }[]).map(
					(r) => r.submission_key
				)
			);
			const receipt = db.prepare('SELECT receipt_code FROM needs WHERE submission_key = ?').pluck().get(acknowledged[0]) as string;
			db.close();
			expect(integrity).toBe('ok');
			expect(acknowledged.filter((k) => !stored.has(k))).toEqual([]);
			// The restarted server serves what was stored before the crash.
			const tracked = await fetch(`${server.base}/track/${receipt}`);
			expect(tracked.status).toBe(200);
			// And a resent form after the crash still gets its first receipt, not a second need.
			expect(await submitNeed(server.base, form, acknowledged[0])).toBe(303);
			const again = new SQLite(path, { readonly: true });
			expect(again.prepare('SELECT count(*) FROM needs WHERE submission_key = ?').pluck().get(acknowledged[0])).toBe(1);
			again.close();
		} finally {
			await stop(server, 'SIGKILL');
		}
	});

	test('a mixed-load soak answers without a single 5xx', async () => {
		const path = await prepareDatabase('resilience-soak');
		const form = needForm(path);
		const server = await startServer(path, await freePort());
		const base = server.base;
		try {
			const raw = new SQLite(path, { readonly: true });
			const needIds = raw.prepare("SELECT id FROM needs WHERE status = 'published' LIMIT 40").pluck().all() as number[];
			const projectIds = raw.prepare("SELECT id FROM proposals WHERE status = 'funded' LIMIT 20").pluck().all() as number[];
			const reviewer = raw
				.prepare(
					`SELECT u.email, a.id FROM review_assignments a JOIN users u ON u.id = a.reviewer_id
					 WHERE a.status = 'assigned' LIMIT 1`
				)
				.get() as { email: string; id: number };
			const criteria = raw.prepare('SELECT r.id, r.scale_max FROM rubric_criteria r JOIN rounds ON rounds.id = r.round_id WHERE rounds.slug = ?').all(CITY_ROUND_SLUG) as { id: number; scale_max: number }[];
			raw.close();

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
			const check = new SQLite(path, { readonly: true });
			expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
			check.close();
		} finally {
			await stop(server);
		}
	});
});
