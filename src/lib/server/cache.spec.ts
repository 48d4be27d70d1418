import { describe, expect, it } from 'vitest';
import { PageCache, cacheableRequest, pageCacheHandle, replay, storable, type CachedPage } from './cache';
import type { RequestEvent } from '@sveltejs/kit';
import type { DB } from './db';

function page(body = '<p>board</p>', nonce: string | null = null): CachedPage {
	return { status: 200, headers: [['content-type', 'text/html']], body, nonce, bytes: body.length * 2 };
}

function cacheWith(state: { version: number; now: number }) {
	return new PageCache({
		ttlMs: 5_000,
		maxEntries: 3,
		maxBytes: 1_000_000,
		fingerprint: () => String(state.version),
		now: () => state.now
	});
}

describe('PageCache', () => {
	it('serves a stored page until it expires', () => {
		const state = { version: 1, now: 0 };
		const cache = cacheWith(state);
		expect(cache.set('/', page(), cache.begin())).toBe(true);
		state.now = 4_999;
		expect(cache.get('/')?.body).toBe('<p>board</p>');
		state.now = 5_000;
		expect(cache.get('/')).toBeUndefined();
	});

	it('drops a page once the database changed', () => {
		const state = { version: 1, now: 0 };
		const cache = cacheWith(state);
		cache.set('/', page(), cache.begin());
		state.version = 2;
		expect(cache.get('/')).toBeUndefined();
	});

	it('never stores a page rendered before a write finished', () => {
		const state = { version: 1, now: 0 };
		const cache = cacheWith(state);
		const token = cache.begin();
		cache.clear(); // a POST succeeded while the page was rendering
		expect(cache.set('/', page(), token)).toBe(false);
		const other = cache.begin();
		state.version = 2; // or another process wrote to the database
		expect(cache.set('/', page(), other)).toBe(false);
		expect(cache.size).toBe(0);
	});

	it('keeps at most maxEntries, dropping the least recently used', () => {
		const state = { version: 1, now: 0 };
		const cache = cacheWith(state);
		for (const key of ['a', 'b', 'c']) cache.set(key, page(key), cache.begin());
		cache.get('a');
		cache.set('d', page('d'), cache.begin());
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('a')?.body).toBe('a');
		expect(cache.size).toBe(3);
	});
});

function event(path: string, init: { method?: string; cookie?: string; routeId?: string } = {}) {
	const headers = new Headers();
	if (init.cookie) headers.set('cookie', init.cookie);
	return {
		request: new Request(`http://localhost${path}`, { method: init.method ?? 'GET', headers }),
		url: new URL(`http://localhost${path}`),
		route: { id: init.routeId ?? null }
	} as unknown as RequestEvent;
}

describe('cacheableRequest', () => {
	it('takes anonymous GETs of public pages', () => {
		expect(cacheableRequest(event('/rounds/x/needs?district=海珠区'), 'session')).toBe(true);
		expect(cacheableRequest(event('/', { cookie: 'locale=en' }), 'session')).toBe(true);
	});

	it('refuses signed-in visitors, writes, private areas and form pages', () => {
		expect(cacheableRequest(event('/', { cookie: 'locale=en; session=abc' }), 'session')).toBe(false);
		expect(cacheableRequest(event('/', { method: 'POST' }), 'session')).toBe(false);
		for (const path of ['/admin', '/station/proposals/1', '/review', '/track/abc', '/invite/t', '/login', '/account']) {
			expect(cacheableRequest(event(path), 'session'), path).toBe(false);
		}
		expect(cacheableRequest(event('/rounds/x/needs/new', { routeId: '/rounds/[slug]/needs/new' }), 'session')).toBe(false);
	});
});

describe('storable', () => {
	const html = { 'content-type': 'text/html' };
	it('keeps a plain 200 page', async () => {
		expect(await storable(new Response('<p>ok</p>', { headers: html }))).not.toBeNull();
	});

	it('refuses what must not be shared', async () => {
		const refused = [
			new Response('x', { status: 404, headers: html }),
			new Response('x', { headers: { ...html, 'set-cookie': 'a=b' } }),
			new Response('x', { headers: { ...html, 'cache-control': 'private, no-store' } }),
			new Response('<input name="submission_key" value="k">', { headers: html }),
			new Response('x', { headers: { 'content-type': 'text/csv' } })
		];
		for (const r of refused) expect(await storable(r)).toBeNull();
	});

	it('gives every served copy a nonce of its own', async () => {
		const stored = await storable(
			new Response('<script nonce="n0nce123">x</script>', {
				headers: { ...html, 'content-security-policy': "script-src 'self' 'nonce-n0nce123'" }
			})
		);
		const a = replay(stored!);
		const b = replay(stored!);
		const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')![1];
		const na = nonceOf(a.headers.get('content-security-policy'));
		const nb = nonceOf(b.headers.get('content-security-policy'));
		expect(na).not.toBe('n0nce123');
		expect(na).not.toBe(nb);
		expect(await a.text()).toBe(`<script nonce="${na}">x</script>`);
	});
});

describe('pageCacheHandle', () => {
	it('renders once for many anonymous visitors and again after a write', async () => {
		const state = { version: 1, now: 0 };
		const cache = cacheWith(state);
		const handle = pageCacheHandle({ cache: () => cache, sessionCookie: 'session', variant: () => 'zh-CN' });
		let renders = 0;
		const resolve = async () => {
			renders += 1;
			return new Response(`<p>render ${renders}</p>`, { headers: { 'content-type': 'text/html' } });
		};
		const get = (cookie?: string) => handle({ event: event('/rounds/x', { cookie }), resolve } as never);
		const bodies = await Promise.all([get(), get(), get()].map(async (r) => (await r).text()));
		expect(bodies).toEqual(['<p>render 1</p>', '<p>render 1</p>', '<p>render 1</p>']);
		// A signed-in visitor is always rendered for themselves.
		expect(await (await get('session=abc')).text()).toBe('<p>render 2</p>');
		await handle({
			event: event('/rounds/x/needs/new', { method: 'POST' }),
			resolve: async () => new Response(null, { status: 303 })
		} as never);
		expect(await (await get()).text()).toBe('<p>render 3</p>');
	});
});

/** Waits until the fingerprint is steady (PostgreSQL: its listener is connected). */
async function listening(db: DB) {
	const { databaseFingerprint } = await import('./cache');
	await expect.poll(() => databaseFingerprint(db) === databaseFingerprint(db), { timeout: 15_000 }).toBe(true);
}

describe('databaseFingerprint and memoUntilWrite', () => {
	it('recomputes only after a write, by this connection or another', async () => {
		const { openTestDatabase, freshDatabaseTarget } = await import('../../../tests/helpers/db');
		const { databaseFingerprint, memoUntilWrite } = await import('./cache');
		const target = await freshDatabaseTarget();
		const app = openTestDatabase(target);
		const other = openTestDatabase(target);
		await listening(app);
		let computed = 0;
		const read = () => memoUntilWrite(app, 'rounds', async () => ++computed);
		const before = databaseFingerprint(app);
		expect(await read()).toBe(1);
		expect(await read()).toBe(1);
		const row = { name: '机构', kind: 'station', district: '海珠区', created_at: new Date().toISOString() };
		await app.insertInto('organisations').values(row).execute();
		expect(databaseFingerprint(app)).not.toBe(before);
		expect(await read()).toBe(2);
		const seen = databaseFingerprint(app);
		await other.insertInto('organisations').values({ ...row, name: '另一机构' }).execute();
		// PostgreSQL tells the other connection's commit a moment later, without a poll.
		await expect.poll(() => databaseFingerprint(app), { timeout: 15_000 }).not.toBe(seen);
		expect(await read()).toBe(3);
		expect(await read()).toBe(3);
		await other.destroy();
		await app.destroy();
	});
});
