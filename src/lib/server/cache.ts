import { randomBytes } from 'node:crypto';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import type { DB } from './db';
import { readVersion, type VersionScope } from './db';

/**
 * A short-lived in-memory cache of the pages anonymous visitors see, so that the last days
 * before a deadline (thousands of residents opening the same board on phones) cost one render
 * per page every few seconds instead of one per visit.
 *
 * What keeps it correct:
 * - Only requests without a session cookie, only GET, never the staff areas, the tracker, sign-in
 *   or invitations, never a form page that hands out a per-visit token (`…/new`).
 * - Only 200 answers that set no cookie and do not say `private` or `no-store`; so a page with
 *   per-visitor content opts out by setting `Cache-Control: private`.
 * - Keyed by URL (path and query), locale and whether HTML was asked for.
 * - An entry is served only while the versions of what the page shows are those read before its
 *   render began (see db/versions.ts: a round's pages depend on their round and the global
 *   version, other pages on all of them). The versions live in the database and move with every
 *   commit, by this process or any other (another worker, a script, the tests' fixtures), so a
 *   write in one round leaves the other rounds' pages cached. Entries also expire after `ttlMs`
 *   because pages depend on the clock (a round's phase moves on by its schedule).
 * - SvelteKit puts a fresh CSP nonce into every page; a served copy gets a new nonce of its own,
 *   so no two visitors ever share one.
 */

/**
 * The versions a public page depends on, from its path: a round's pages (and a need's or a
 * project's, which belong to one round) those of their round; any other page all of them.
 */
export function scopeOfPath(pathname: string): VersionScope {
	const [, area, key] = pathname.split('/');
	if (!key) return 'all';
	if (area === 'rounds') {
		try {
			return { roundSlug: decodeURIComponent(key) };
		} catch {
			return 'all';
		}
	}
	const id = /^\d{1,12}$/.test(key) ? Number(key) : NaN;
	if (area === 'needs' && Number.isSafeInteger(id)) return { need: id };
	if (area === 'projects' && Number.isSafeInteger(id)) return { proposal: id };
	return 'all';
}

const memos = new WeakMap<DB, Map<string, { fingerprint: string; value: Promise<unknown> }>>();

/**
 * `compute()` once per `key` until a write changes what `scope` covers: for a costly read many
 * requests share, such as a round's whole ranked list behind each of its project pages.
 */
export async function memoUntilWrite<T>(db: DB, key: string, scope: VersionScope, compute: () => Promise<T>): Promise<T> {
	// Inside a transaction the reader may see its own writes not yet committed: never remembered.
	if (db.isTransaction) return compute();
	let map = memos.get(db);
	if (!map) memos.set(db, (map = new Map()));
	// Read before computing: what is computed is at least as new as the version it is kept under.
	const fingerprint = await readVersion(db, scope);
	const hit = map.get(key);
	if (hit && hit.fingerprint === fingerprint) return hit.value as Promise<T>;
	const value = compute();
	if (map.size > 1_000) map.clear();
	map.set(key, { fingerprint, value });
	// A failure is not remembered.
	value.catch(() => {
		if (map.get(key)?.value === value) map.delete(key);
	});
	return value;
}

export interface CachedPage {
	status: number;
	headers: [string, string][];
	body: string;
	/** The CSP nonce the body was rendered with, replaced by a fresh one on every serve. */
	nonce: string | null;
	bytes: number;
}

interface Entry {
	page: CachedPage;
	storedAt: number;
	fingerprint: string;
}

export interface PageCacheOptions {
	ttlMs: number;
	maxEntries: number;
	maxBytes: number;
	now?: () => number;
}

export class PageCache {
	private readonly entries = new Map<string, Entry>();
	private bytes = 0;
	/** Bumped by `clear()`, so a render that began before a write is never stored after it. */
	private generation = 0;
	readonly stats = { hits: 0, misses: 0, stores: 0 };

	constructor(private readonly options: PageCacheOptions) {}

	private now(): number {
		return this.options.now ? this.options.now() : Date.now();
	}

	/** A token to take before rendering, with the versions read before it began, and hand back to `set`. */
	begin(fingerprint: string): { generation: number; fingerprint: string } {
		return { generation: this.generation, fingerprint };
	}

	/** The page stored under `key` if it was rendered at the versions `fingerprint` names. */
	get(key: string, fingerprint: string): CachedPage | undefined {
		const entry = this.entries.get(key);
		if (!entry) {
			this.stats.misses += 1;
			return undefined;
		}
		if (this.now() - entry.storedAt >= this.options.ttlMs || entry.fingerprint !== fingerprint) {
			this.remove(key, entry);
			this.stats.misses += 1;
			return undefined;
		}
		// Least recently used goes first: move this one to the end.
		this.entries.delete(key);
		this.entries.set(key, entry);
		this.stats.hits += 1;
		return entry.page;
	}

	set(key: string, page: CachedPage, token: { generation: number; fingerprint: string }): boolean {
		if (token.generation !== this.generation) return false;
		if (page.bytes > this.options.maxBytes / 8) return false;
		const old = this.entries.get(key);
		if (old) this.remove(key, old);
		this.entries.set(key, { page, storedAt: this.now(), fingerprint: token.fingerprint });
		this.bytes += page.bytes;
		while (this.entries.size > this.options.maxEntries || this.bytes > this.options.maxBytes) {
			const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
			this.remove(oldestKey, oldest);
		}
		this.stats.stores += 1;
		return true;
	}

	clear(): void {
		this.generation += 1;
		this.entries.clear();
		this.bytes = 0;
	}

	get size(): number {
		return this.entries.size;
	}

	private remove(key: string, entry: Entry): void {
		this.entries.delete(key);
		this.bytes -= entry.page.bytes;
	}
}

/** Areas whose pages belong to one person, or hand out secrets, and are never cached. */
const PRIVATE_AREAS = new Set(['admin', 'station', 'review', 'track', 'invite', 'login', 'logout', 'account', 'lang']);

/** Whether a request may be answered from, or stored in, the cache. */
export function cacheableRequest(
	event: Pick<RequestEvent, 'request' | 'url' | 'route'>,
	personalCookies: readonly string[]
): boolean {
	if (event.request.method !== 'GET') return false;
	const cookie = event.request.headers.get('cookie');
	if (personalCookies.some((name) => hasCookie(cookie, name))) return false;
	if (event.request.headers.has('authorization')) return false;
	const area = event.url.pathname.split('/')[1] ?? '';
	if (PRIVATE_AREAS.has(area)) return false;
	// Form pages carry a per-visit submission key (a double click makes one record, not two).
	if (/\/new(\/|$)/.test(event.url.pathname) || event.route.id?.endsWith('/new')) return false;
	return true;
}

function hasCookie(header: string | null, name: string): boolean {
	if (!header) return false;
	return header.split(';').some((part) => part.trim().startsWith(`${name}=`));
}

const NONCE = /'nonce-([^']+)'/;

/** The parts of a response worth keeping, or null when it must not be shared between visitors. */
export async function storable(response: Response): Promise<CachedPage | null> {
	if (response.status !== 200) return null;
	if (response.headers.has('set-cookie')) return null;
	const cacheControl = response.headers.get('cache-control') ?? '';
	if (/private|no-store/i.test(cacheControl)) return null;
	const type = response.headers.get('content-type') ?? '';
	if (!/^(text\/html|application\/json)/.test(type)) return null;
	const body = await response.clone().text();
	// A page that hands out a per-visit token must never be shared, whatever its route.
	if (body.includes('name="submission_key"')) return null;
	const csp = response.headers.get('content-security-policy') ?? '';
	const headers: [string, string][] = [];
	response.headers.forEach((value, name) => headers.push([name, value]));
	return { status: 200, headers, body, nonce: NONCE.exec(csp)?.[1] ?? null, bytes: body.length * 2 + 512 };
}

/** A fresh response from a cached page, under a nonce of its own. */
export function replay(page: CachedPage): Response {
	const headers = new Headers(page.headers);
	let body = page.body;
	if (page.nonce) {
		const nonce = randomBytes(16).toString('base64');
		body = body.replaceAll(page.nonce, nonce);
		const csp = headers.get('content-security-policy');
		if (csp) headers.set('content-security-policy', csp.replaceAll(page.nonce, nonce));
	}
	headers.set('x-page-cache', 'hit');
	return new Response(body, { status: page.status, headers });
}

export interface PageCacheHandleOptions {
	cache: () => PageCache | null;
	/**
	 * Cookies that make a page one person's: a session, or a browser's own "me too" token. A
	 * request carrying one is neither answered from the cache nor stored in it.
	 */
	personalCookies: readonly string[];
	/** The versions of what the requested page shows, now (see scopeOfPath). */
	version: (event: RequestEvent) => Promise<string>;
	/** What else, besides the URL, a page depends on for an anonymous visitor (the locale). */
	variant: (event: RequestEvent) => string;
}

/** The `handle` step: answers anonymous GETs from the cache while what they show is unchanged. */
export function pageCacheHandle(options: PageCacheHandleOptions): Handle {
	const pending = new Map<string, Promise<CachedPage | null>>();
	return async ({ event, resolve }) => {
		const cache = options.cache();
		if (!cache) return resolve(event);
		if (!cacheableRequest(event, options.personalCookies)) return resolve(event);
		const wantsHtml = (event.request.headers.get('accept') ?? '').includes('text/html') ? 'h' : 'o';
		const base = `${wantsHtml}|${options.variant(event)}|${event.url.pathname}${event.url.search}`;
		// Versions that cannot be read (the database is down) serve nothing from the cache; the page
		// itself then answers as it does without one (/healthz: 503).
		const version = await options.version(event).catch(() => null);
		if (version === null) return resolve(event);
		const hit = cache.get(base, version);
		if (hit) return replay(hit);
		// Many visitors asking for the same page at once, at the same versions, wait for one render.
		const key = `${version}|${base}`;
		const inFlight = pending.get(key);
		if (inFlight) {
			const page = await inFlight;
			if (page) return replay(page);
			return resolve(event);
		}
		const token = cache.begin(version);
		let settle: (page: CachedPage | null) => void = () => {};
		pending.set(key, new Promise((r) => (settle = r)));
		try {
			const response = await resolve(event);
			const page = await storable(response).catch(() => null);
			if (page) cache.set(base, page, token);
			settle(page);
			return response;
		} catch (e) {
			settle(null);
			throw e;
		} finally {
			pending.delete(key);
		}
	};
}
