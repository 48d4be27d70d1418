import { describe, expect, it } from 'vitest';
import { PageCache, cacheableRequest, pageCacheHandle, replay, scopeOfPath, storable, type CachedPage } from './cache';
import type { RequestEvent } from '@sveltejs/kit';
import type { DB } from './db';

function page(body = '<p>board</p>', nonce: string | null = null): CachedPage {
	return { status: 200, headers: [['content-type', 'text/html']], body, nonce, bytes: body.length * 2 };
}

function cacheWith(state: { now: number }) {
	return new PageCache({ ttlMs: 5_000, maxEntries: 3, maxBytes: 1_000_000, now: () => state.now });
}

describe('PageCache', () => {
	it('serves a stored page until it expires', () => {
		const state = { now: 0 };
		const cache = cacheWith(state);
		expect(cache.set('/', page(), cache.begin('1'))).toBe(true);
		state.now = 4_999;
		expect(cache.get('/', '1')?.body).toBe('<p>board</p>');
		state.now = 5_000;
		expect(cache.get('/', '1')).toBeUndefined();
	});

	it('serves a page only at the versions it was rendered at', () => {
		const cache = cacheWith({ now: 0 });
		cache.set('/', page(), cache.begin('1'));
		expect(cache.get('/', '2')).toBeUndefined();
		expect(cache.get('/', '1')).toBeUndefined();
	});

	it('never stores a page rendered before the cache was cleared', () => {
		const cache = cacheWith({ now: 0 });
		const token = cache.begin('1');
		cache.clear();
		expect(cache.set('/', page(), token)).toBe(false);
		expect(cache.size).toBe(0);
	});

	it('keeps at most maxEntries, dropping the least recently used', () => {
		const cache = cacheWith({ now: 0 });
		for (const key of ['a', 'b', 'c']) cache.set(key, page(key), cache.begin('1'));
		cache.get('a', '1');
		cache.set('d', page('d'), cache.begin('1'));
		expect(cache.get('b', '1')).toBeUndefined();
		expect(cache.get('a', '1')?.body).toBe('a');
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
		expect(cacheableRequest(event('/rounds/x/needs?district=海珠区'), ['session', 'supporter'])).toBe(true);
		expect(cacheableRequest(event('/', { cookie: 'locale=en' }), ['session', 'supporter'])).toBe(true);
	});

	it('refuses signed-in visitors, writes, private areas and form pages', () => {
		expect(cacheableRequest(event('/', { cookie: 'locale=en; session=abc' }), ['session', 'supporter'])).toBe(false);
		// A browser that said "me too" sees its own state on a need's page: never shared.
		expect(cacheableRequest(event('/needs/5', { cookie: 'supporter=abcdefghjkmnpqrstuvwxyz2' }), ['session', 'supporter'])).toBe(false);
		expect(cacheableRequest(event('/needs/5', { cookie: 'locale=zh-CN' }), ['session', 'supporter'])).toBe(true);
		expect(cacheableRequest(event('/', { method: 'POST' }), ['session', 'supporter'])).toBe(false);
		for (const path of ['/admin', '/station/proposals/1', '/review', '/track/abc', '/invite/t', '/login', '/account']) {
			expect(cacheableRequest(event(path), ['session', 'supporter']), path).toBe(false);
		}
		expect(cacheableRequest(event('/rounds/x/needs/new', { routeId: '/rounds/[slug]/needs/new' }), ['session', 'supporter'])).toBe(false);
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
	it('renders once for many anonymous visitors, and again once the versions of the page moved on', async () => {
		const versions: Record<string, number> = { '/rounds/x': 1, '/rounds/y': 1 };
		const cache = cacheWith({ now: 0 });
		const handle = pageCacheHandle({
			cache: () => cache,
			personalCookies: ['session'],
			version: async (e) => String(versions[e.url.pathname]),
			variant: () => 'zh-CN'
		});
		let renders = 0;
		const resolve = async () => {
			renders += 1;
			return new Response(`<p>render ${renders}</p>`, { headers: { 'content-type': 'text/html' } });
		};
		const get = (path: string, cookie?: string) => handle({ event: event(path, { cookie }), resolve } as never);
		const bodies = await Promise.all([get('/rounds/x'), get('/rounds/x'), get('/rounds/x')].map(async (r) => (await r).text()));
		expect(bodies).toEqual(['<p>render 1</p>', '<p>render 1</p>', '<p>render 1</p>']);
		// A signed-in visitor is always rendered for themselves.
		expect(await (await get('/rounds/x', 'session=abc')).text()).toBe('<p>render 2</p>');
		expect(await (await get('/rounds/y')).text()).toBe('<p>render 3</p>');
		versions['/rounds/x'] = 2;
		expect(await (await get('/rounds/x')).text()).toBe('<p>render 4</p>');
		const other = await get('/rounds/y');
		expect(other.headers.get('x-page-cache')).toBe('hit');
		expect(await other.text()).toBe('<p>render 3</p>');
	});
});

describe('pageCacheHandle without versions', () => {
	it('answers as the page does when the versions cannot be read (the database is down)', async () => {
		const cache = cacheWith({ now: 0 });
		const handle = pageCacheHandle({
			cache: () => cache,
			personalCookies: ['session'],
			version: async () => {
				throw new Error('connection refused');
			},
			variant: () => 'zh-CN'
		});
		const resolve = async () => new Response('database unavailable', { status: 503 });
		const response = await handle({ event: event('/healthz'), resolve } as never);
		expect(response.status).toBe(503);
		expect(cache.size).toBe(0);
	});
});

describe('scopeOfPath', () => {
	it("gives a round's pages, a need's and a project's their round, any other page every round", () => {
		expect(scopeOfPath('/rounds/2026-haizhu/needs')).toEqual({ roundSlug: '2026-haizhu' });
		expect(scopeOfPath('/rounds/%E6%B5%B7')).toEqual({ roundSlug: '海' });
		expect(scopeOfPath('/needs/12')).toEqual({ need: 12 });
		expect(scopeOfPath('/projects/7')).toEqual({ proposal: 7 });
		expect(scopeOfPath('/')).toBe('all');
		expect(scopeOfPath('/funds/3')).toBe('all');
		expect(scopeOfPath('/needs/abc')).toBe('all');
	});
});

describe('memoUntilWrite', () => {
	it('recomputes only after a write in its round, by this connection or another', async () => {
		const { openTestDatabase, freshDatabaseTarget, makeRound } = await import('../../../tests/helpers/db');
		const { insertPublishedNeed } = await import('../../../tests/helpers/needs');
		const { memoUntilWrite } = await import('./cache');
		const target = await freshDatabaseTarget();
		const app = openTestDatabase(target);
		const other = openTestDatabase(target);
		const a = await makeRound(app, 'needs_call');
		const b = await makeRound(app, 'needs_call');
		let computedA = 0;
		let computedB = 0;
		const readA = () => memoUntilWrite(app, 'a', { round: a.id }, async () => ++computedA);
		const readB = () => memoUntilWrite(app, 'b', { round: b.id }, async () => ++computedB);
		expect([await readA(), await readB()]).toEqual([1, 1]);
		expect([await readA(), await readB()]).toEqual([1, 1]);
		await insertPublishedNeed(app, a.id);
		expect([await readA(), await readB()]).toEqual([2, 1]);
		await insertPublishedNeed(other, b.id);
		expect([await readA(), await readB()]).toEqual([2, 2]);
		// What no round owns (an organisation's name) is shown by every round.
		const row = { name: '机构', kind: 'station', district: '海珠区', created_at: new Date().toISOString() };
		await other.insertInto('organisations').values(row).execute();
		expect([await readA(), await readB()]).toEqual([3, 3]);
		await other.destroy();
		await app.destroy();
	});
});

describe('the page cache on the round versions', () => {
	it("serves round B's page from the cache after a write in round A, and A's page fresh at once", async () => {
		const { freshDb, makeRound } = await import('../../../tests/helpers/db');
		const { insertPublishedNeed } = await import('../../../tests/helpers/needs');
		const { readVersion } = await import('./db');
		const db = await freshDb();
		const a = await makeRound(db, 'needs_call');
		const b = await makeRound(db, 'needs_call');
		const cache = new PageCache({ ttlMs: 60_000, maxEntries: 100, maxBytes: 1_000_000 });
		const handle = pageCacheHandle({
			cache: () => cache,
			personalCookies: ['session'],
			version: (e) => readVersion(db, scopeOfPath(e.url.pathname)),
			variant: () => 'zh-CN'
		});
		// A stand-in page: the round's needs, counted now.
		const resolve = async (e: RequestEvent) => {
			const slug = e.url.pathname.split('/')[2];
			const { n } = await db
				.selectFrom('needs')
				.innerJoin('rounds', 'rounds.id', 'needs.round_id')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('rounds.slug', '=', slug)
				.executeTakeFirstOrThrow();
			return new Response(`<p>${Number(n)} needs</p>`, { headers: { 'content-type': 'text/html' } });
		};
		const get = async (slug: string) => {
			const e = event(`/rounds/${slug}/needs`);
			const response = await handle({ event: e, resolve: () => resolve(e) } as never);
			return { hit: response.headers.get('x-page-cache') === 'hit', body: await response.text() };
		};
		expect(await get(a.slug)).toEqual({ hit: false, body: '<p>0 needs</p>' });
		expect(await get(b.slug)).toEqual({ hit: false, body: '<p>0 needs</p>' });
		expect(await get(a.slug)).toEqual({ hit: true, body: '<p>0 needs</p>' });
		expect(await get(b.slug)).toEqual({ hit: true, body: '<p>0 needs</p>' });
		await insertPublishedNeed(db, a.id);
		expect(await get(a.slug)).toEqual({ hit: false, body: '<p>1 needs</p>' });
		expect(await get(b.slug)).toEqual({ hit: true, body: '<p>0 needs</p>' });
		expect(cache.stats.hits).toBe(3);
		await db.destroy();
	});
});
