import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { CITY_ROUND_SLUG } from '../../src/lib/server/seed/city';
import { e2eEngine } from './db';
import { withDatabase } from '../helpers/test-targets';
import { CALL_SLUG, freePort, needForm, prepareDatabase, startServer, stop, submissionKey, type Server } from '../helpers/scale';

/**
 * `WORKERS=2 npm start`: two server processes on one port and one database (of the project's
 * engine), on a server and database of this file's own. Every request below opens a connection of its own, so the
 * cluster hands them to the workers in turn; each answer names its worker (`X-Worker`).
 */

interface Answer {
	status: number;
	worker: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

function send(base: string, path: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			base + path,
			{ method: options.method ?? 'GET', agent: false, headers: { accept: 'text/html', ...options.headers } },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (body += c));
				res.on('end', () => resolve({ status: res.statusCode!, worker: String(res.headers['x-worker']), headers: res.headers, body }));
			}
		);
		request.on('error', reject);
		request.end(options.body);
	});
}

/** The city round's first published needs, with their support. */
function publishedNeeds(path: string, limit: number) {
	return withDatabase(path, (db) =>
		db
			.selectFrom('needs as n')
			.innerJoin('rounds as r', 'r.id', 'n.round_id')
			.select(['n.id', 'n.support_count as supports'])
			.where('r.slug', '=', CITY_ROUND_SLUG)
			.where('n.status', '=', 'published')
			.orderBy('n.id')
			.limit(limit)
			.execute()
	);
}

const post = (base: string) => ({ origin: base, 'content-type': 'application/x-www-form-urlencoded' });

/** GETs `path` until `done` accepts an answer; at most `tries` requests. */
async function until(base: string, path: string, done: (a: Answer) => boolean, tries = 40): Promise<Answer> {
	let last: Answer | undefined;
	for (let i = 0; i < tries; i++) {
		last = await send(base, path);
		if (done(last)) return last;
	}
	throw new Error(`no answer to ${path} as wanted after ${tries} tries; last from worker ${last?.worker}: ${last?.status}`);
}

/** The worker processes of a primary (Linux: the kernel lists a process's children). */
function childrenOf(pid: number): number[] {
	return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

test.describe('several server processes (WORKERS=2)', () => {
	test.describe.configure({ timeout: 120_000 });
	let server: Server | undefined;
	test.afterEach(async () => {
		if (server) await stop(server);
		server = undefined;
	});

	test('both workers serve; what one stores the other reads; a killed worker is replaced', async () => {
		const path = await prepareDatabase('workers', e2eEngine());
		server = await startServer(path, await freePort(), { WORKERS: '2' });
		const base = server.base;
		const primary = server.child.pid!;
		const workers = childrenOf(primary);
		expect(workers).toHaveLength(2);

		// The server answers once one worker listens; on a busy machine the other may take a moment.
		const seen = new Set<string>();
		for (let i = 0; i < 100 && seen.size < 2; i++) {
			const r = await send(base, '/healthz');
			expect(r.status).toBe(200);
			seen.add(r.worker);
			if (seen.size < 2) await new Promise((resolve) => setTimeout(resolve, 50));
		}
		expect([...seen].sort()).toEqual(['1', '2']);

		// A resident's need, sent to one worker, is followed by its receipt on the other.
		const submitted = await send(base, `/rounds/${CALL_SLUG}/needs/new`, {
			method: 'POST',
			headers: post(base),
			body: new URLSearchParams({ ...(await needForm(path)), title: '两个进程之间的需求', submission_key: submissionKey('workers') }).toString()
		});
		expect(submitted.status, submitted.body.slice(0, 500)).toBe(303);
		const tracking = String(submitted.headers.location);
		expect(tracking).toMatch(/^\/track\//);
		const read = await until(base, tracking, (a) => a.worker !== submitted.worker);
		expect(read.status).toBe(200);
		expect(read.body).toContain('两个进程之间的需求');

		// One worker dies without warning: once the primary has noticed (a connection it handed over
		// in that instant is lost with the worker), every request is answered, and a new worker
		// (number 3) takes its place.
		process.kill(workers[0], 'SIGKILL');
		for (let i = 0; i < 1200 && !/died \(SIGKILL\)/.test(server.log.join('')); i++) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const statuses: number[] = [];
		let replaced = false;
		for (let i = 0; i < 1200 && !replaced; i++) {
			const r = await send(base, '/healthz');
			statuses.push(r.status);
			replaced = r.worker === '3';
			if (!replaced) await new Promise((resolve) => setTimeout(resolve, 50));
		}
		expect(replaced, server.log.join('')).toBe(true);
		expect(statuses.filter((s) => s !== 200)).toEqual([]);
		expect(server.log.join('')).toMatch(/worker \d+ \(pid \d+\) died \(SIGKILL\); starting another/);
		const now = childrenOf(primary);
		expect(now).toHaveLength(2);
		expect(now).not.toContain(workers[0]);

		// SIGTERM to the primary ends the workers too.
		await stop(server);
		expect(server.child.exitCode).toBe(0);
		expect(now.filter(alive)).toEqual([]);
		server = undefined;
	});

	test('a write through one worker is seen at once through the other, past its page cache', async () => {
		const path = await prepareDatabase('workers-cache', e2eEngine());
		server = await startServer(path, await freePort(), { WORKERS: '2' });
		const base = server.base;
		const needs = await publishedNeeds(path, 3);
		expect(needs).toHaveLength(3);
		const supports = (n: number) => `>${n} 人附议<`;

		// The other worker's cached copy must still be fresh (the cache keeps a page 5 s) when the
		// write lands, or a stale read could not happen anyway; on a slow machine, try another need.
		let checked = false;
		for (const { id, supports: before } of needs) {
			const page = `/needs/${id}`;
			// Both workers hold the page in their cache, with the support it has now.
			const hits = new Map<string, number>();
			for (let i = 0; i < 40 && hits.size < 2; i++) {
				const r = await send(base, page);
				expect(r.body).toContain(supports(before));
				if (r.headers['x-page-cache'] === 'hit' && !hits.has(r.worker)) hits.set(r.worker, Date.now());
			}
			expect(hits.size).toBe(2);
			const supported = await send(base, `${page}?/support`, { method: 'POST', headers: post(base), body: '' });
			expect(supported.status).toBe(303);
			const other = await until(base, page, (a) => a.worker !== supported.worker);
			if (Date.now() - hits.get(other.worker)! > 4_000) continue;
			expect(other.headers['x-page-cache']).toBeUndefined();
			expect(other.body).toContain(supports(before + 1));
			checked = true;
			break;
		}
		expect(checked, 'the other worker was read while its cached copy was fresh').toBe(true);
	});

	test("a write in one round leaves another round's cached pages served from every worker's cache, and its own fresh at once", async () => {
		const path = await prepareDatabase('workers-rounds', e2eEngine());
		// Pages kept for minutes, so that a busy machine cannot let them expire mid-test.
		server = await startServer(path, await freePort(), { WORKERS: '2', PAGE_CACHE_TTL_MS: '600000' });
		const base = server.base;
		const [need] = await publishedNeeds(path, 1);
		const written = `/needs/${need.id}`;
		const others = [`/rounds/${CALL_SLUG}`, `/rounds/${CALL_SLUG}/needs`];
		// Both workers hold every page in their cache.
		for (const page of [written, ...others]) {
			const hits = new Set<string>();
			for (let i = 0; i < 60 && hits.size < 2; i++) {
				const r = await send(base, page);
				expect(r.status).toBe(200);
				if (r.headers['x-page-cache'] === 'hit') hits.add(r.worker);
			}
			expect([...hits].sort(), page).toEqual(['1', '2']);
		}
		const supported = await send(base, `${written}?/support`, { method: 'POST', headers: post(base), body: '' });
		expect(supported.status).toBe(303);
		// The written round's page: each worker's first answer is a new render with the new count.
		const first = new Map<string, Answer>();
		for (let i = 0; i < 60 && first.size < 2; i++) {
			const r = await send(base, written);
			if (!first.has(r.worker)) first.set(r.worker, r);
		}
		expect([...first.keys()].sort()).toEqual(['1', '2']);
		for (const r of first.values()) {
			expect(r.headers['x-page-cache']).toBeUndefined();
			expect(r.body).toContain(`>${need.supports + 1} 人附议<`);
		}
		// The other round's pages are still served from both workers' caches.
		for (const page of others) {
			const seen = new Set<string>();
			for (let i = 0; i < 60 && seen.size < 2; i++) {
				const r = await send(base, page);
				expect(r.headers['x-page-cache'], `${page} from worker ${r.worker}`).toBe('hit');
				seen.add(r.worker);
			}
			expect([...seen].sort()).toEqual(['1', '2']);
		}
	});
});
