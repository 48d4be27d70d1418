import { expect, test, type APIRequestContext, type APIResponse, type Browser, type BrowserContext } from '@playwright/test';
import type { AccountKey } from '../fixtures/accounts';
import { routeTree } from '../route-tree';
import { ACTIONS, ACTOR, ENDPOINTS, PAGES, fundAdminScope, ownRoundUrl, unclassified, type ActionRule, type Audience } from '../route-access';
import { browserPost } from './helpers';
import {
	apiAs,
	browserAs,
	changedTables,
	formsOn,
	startWorld,
	stopWorld,
	tableDigests,
	type WorldServer
} from './world-server';

/**
 * The access sweep: every page, form action and endpoint of the route tree (read with the
 * TypeScript compiler, tests/route-tree.ts), each walked
 * - anonymously: sent to sign in, unless it is public;
 * - by every role it is not for, and by accounts of its role whose record it is not: 403 or 404,
 *   with the very request the right account would send, and not one row of the database changed;
 *   a fund admin is refused every federation page (403) and every page, action and endpoint of a
 *   round its fund does not run (404), and opens its own fund's round (fundAdminScope);
 * - by the account it is for, on real records of the world (tests/fixtures/world.ts): the page
 *   opens, and the action's form, as the page renders it, is answered as the table says and
 *   never with 403, 404 or a 5xx.
 * The world has a server of its own, so these posts move nothing under the other tests.
 */

const tree = routeTree();
/** Tables a refused request may still write: the session's sliding expiry. */
// Written by signing in and by counting requests, whoever asks: sessions, the browsers an
// account signed in from, and rate-limit counters.
const BOOKKEEPING = ['sessions', 'trusted_devices', 'rate_limits'];
const ROLES = ['admin', 'station', 'reviewer'] as const;
const SIGNED_IN: AccountKey[] = ['admin', 'stationA', 'reviewer1'];
/** Walked in this order, so that what an admin does (assign reviewers, publish) comes last. */
const ORDER: Audience[] = ['public', 'signed-in', 'station', 'reviewer', 'admin'];

/** Who acts for an audience (anonymous for public routes). */
function actorsOf(audience: Audience): (AccountKey | null)[] {
	if (audience === 'public') return [null];
	if (audience === 'signed-in') return SIGNED_IN;
	return [ACTOR[audience]];
}

/** The accounts of the roles a route is not for (a fund admin: unless the route is a round's). */
function wrongRoles(audience: Audience, routeId: string): AccountKey[] {
	if (audience === 'public' || audience === 'signed-in') return [];
	const others = ROLES.filter((r) => r !== audience).map((r) => ACTOR[r]);
	return fundAdminScope(routeId) === 'refused' ? [...others, ACTOR.fund_admin] : others;
}

/** Accounts of the route's role whose record it is not; a fund admin on the world's rounds. */
function outsidersOf(outsiders: AccountKey[] | undefined, routeId: string): AccountKey[] {
	return fundAdminScope(routeId) === 'round' ? [...(outsiders ?? []), ACTOR.fund_admin] : (outsiders ?? []);
}

/**
 * What the fund admin must meet: the pages of admins (but the list of rounds), stations and
 * reviewers, their actions and endpoints, each refused once; its own round's 13 pages and 4 files
 * (ownRoundUrl) and the list of rounds opened.
 */
const REFUSED_PAGES = 49;
const REFUSED_ACTIONS = 108;
const REFUSED_ENDPOINTS = 6;
const OWN_ROUND_VISITS = 18;
/** What the fund admin met: refused requests (nothing changed), and its own round's pages opened. */
const fundAdminSeen = { refused: 0, allowed: 0 };
function tally(who: AccountKey | null, status: number) {
	if (who === ACTOR.fund_admin && (status === 403 || status === 404)) fundAdminSeen.refused++;
}

/** The page's error message, to say why a form was refused. */
function alertOf(html: string): string {
	const alert = /role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(html);
	return alert ? alert[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200) : html.slice(0, 200);
}

function toSignIn(response: APIResponse): boolean {
	return response.status() === 303 && /^\/login\?next=/.test(response.headers().location ?? '');
}

let world: WorldServer;
const api = new Map<AccountKey | 'anonymous', APIRequestContext>();
const pages = new Map<AccountKey | 'anonymous', BrowserContext>();

async function apiOf(who: AccountKey | null) {
	const key = who ?? 'anonymous';
	if (!api.has(key)) api.set(key, await apiAs(world.base, who));
	return api.get(key)!;
}

/** A context without scripts, to read forms as the server renders them. */
async function pagesOf(browser: Browser, who: AccountKey | null) {
	const key = who ?? 'anonymous';
	if (!pages.has(key)) pages.set(key, await browserAs(browser, world.base, who, { javaScriptEnabled: false }));
	return pages.get(key)!;
}

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
	world = await startWorld('access');
});

test.afterAll(async () => {
	for (const context of api.values()) await context.dispose();
	for (const context of pages.values()) await context.close();
	await stopWorld(world);
});

test('the route tree is read whole, and every route in it is classified', () => {
	// Counted so that a reader that silently finds less fails here.
	expect(tree.pages.length).toBe(73);
	expect(tree.actions.length).toBe(120);
	expect(tree.actions.filter((a) => a.name === 'default').length).toBe(18);
	expect(tree.endpoints.length).toBe(19);
	expect(unclassified(tree)).toEqual([]);
});

test('every endpoint answers its audience and refuses everyone else', async () => {
	const order = [...tree.endpoints].sort(
		(a, b) => ORDER.indexOf(ENDPOINTS[`${a.method} ${a.id}`].audience) - ORDER.indexOf(ENDPOINTS[`${b.method} ${b.id}`].audience)
	);
	for (const { id, method } of order) {
		const rule = ENDPOINTS[`${method} ${id}`];
		const url = rule.url(world.ids);
		const send = async (who: AccountKey | null) => {
			// Signing out ends the session: a context of its own.
			const request = method === 'POST' && id === '/logout' ? await apiAs(world.base, who) : await apiOf(who);
			const options = { maxRedirects: 0, headers: browserPost(world.base) };
			const response =
				method === 'GET' ? await request.get(url, options) : await request.post(url, { ...options, form: rule.form?.(world.ids) ?? {} });
			if (method === 'POST' && id === '/logout') await request.dispose();
			return response;
		};
		const label = `${method} ${url}`;
		const before = await tableDigests(world.target, BOOKKEEPING);
		if (rule.audience !== 'public') {
			expect.soft(toSignIn(await send(null)), `${label} anonymous → sign in`).toBe(true);
		}
		for (const who of wrongRoles(rule.audience, id)) {
			const status = (await send(who)).status();
			tally(who, status);
			expect.soft(status, `${label} as ${who}`).toBe(403);
		}
		for (const who of outsidersOf(rule.outsiders, id)) {
			const status = (await send(who)).status();
			tally(who, status);
			expect.soft([403, 404], `${label} as ${who}`).toContain(status);
		}
		if (method === 'GET') {
			expect.soft(changedTables(before, await tableDigests(world.target, BOOKKEEPING)), `${label}: refused, yet changed`).toEqual([]);
		}
		const actors = rule.audience === 'public' ? [null, ...SIGNED_IN] : actorsOf(rule.audience);
		for (const who of actors) {
			const response = await send(who);
			expect.soft(response.status(), `${label} as ${who ?? 'anonymous'}`).toBe(rule.status);
		}
		const own = ownRoundUrl(id, world.ids);
		if (own) {
			const response = await (await apiOf(ACTOR.fund_admin)).get(own, { maxRedirects: 0 });
			expect.soft(response.status(), `GET ${own} as the fund admin of its round`).toBe(rule.status);
			if (response.status() === rule.status) fundAdminSeen.allowed++;
		}
	}
});

for (const audience of ORDER) {
	for (const page of tree.pages.filter((p) => PAGES[p.id]?.audience === audience)) {
		const actions = tree.actions.filter((a) => a.id === page.id);
		test(`${page.id} (${audience}): ${['load', ...actions.map((a) => a.name)].join(', ')}`, async ({ browser }) => {
			const rule = PAGES[page.id];
			const url = rule.url(world.ids);
			const get = async (who: AccountKey | null, at = url) => (await apiOf(who)).get(at, { maxRedirects: 0 });

			// The page. (Opening it may write for the right account: a reviewer's first look.)
			if (audience === 'public') {
				expect.soft((await get(null)).status(), `GET ${url} anonymous`).toBe(rule.status ?? 200);
				for (const who of SIGNED_IN) expect.soft((await get(who)).status(), `GET ${url} as ${who}`).toBeLessThan(400);
			} else {
				const before = await tableDigests(world.target, BOOKKEEPING);
				expect.soft(toSignIn(await get(null)), `GET ${url} anonymous → sign in`).toBe(true);
				for (const who of wrongRoles(audience, page.id)) {
					const status = (await get(who)).status();
					tally(who, status);
					expect.soft(status, `GET ${url} as ${who}`).toBe(403);
				}
				for (const who of outsidersOf(rule.outsiders, page.id)) {
					const status = (await get(who)).status();
					tally(who, status);
					expect.soft([403, 404], `GET ${url} as ${who}`).toContain(status);
				}
				expect.soft(changedTables(before, await tableDigests(world.target, BOOKKEEPING)), `GET ${url} refused, yet changed`).toEqual([]);
				for (const who of actorsOf(audience)) expect.soft((await get(who)).status(), `GET ${url} as ${who}`).toBe(rule.status ?? 200);
				const own = ownRoundUrl(page.id, world.ids);
				if (own) {
					const status = (await get(ACTOR.fund_admin, own)).status();
					expect.soft(status, `GET ${own} as the fund admin of its round`).toBe(200);
					if (status === 200) fundAdminSeen.allowed++;
				}
				if (fundAdminScope(page.id) === 'list') {
					// Its own fund's round, and none of the world's (the federation's or another fund's).
					const response = await get(ACTOR.fund_admin);
					const html = await response.text();
					expect.soft(response.status(), `GET ${url} as the fund admin`).toBe(200);
					expect.soft(html, 'the fund admin lists its own round').toContain(`/admin/rounds/${world.ids.fundRoundId}"`);
					for (const other of [world.ids.roundId, world.ids.callRoundId, world.ids.applyRoundId, world.ids.noticeRoundId, world.ids.resultsRoundId]) {
						expect.soft(html, 'the fund admin lists no other round').not.toContain(`/admin/rounds/${other}"`);
					}
					if (response.status() === 200) fundAdminSeen.allowed++;
				}
			}

			// Its actions, in the order the page's module lists them.
			for (const { name } of actions) {
				const key = `${page.id} ?/${name}`;
				const action = ACTIONS[key];
				for (const actor of actorsOf(audience)) {
					const request = await prepare(browser, actor, url, name, action);
					if (!request) {
						expect.soft(null, `${key}: the page offers no form for it as ${actor ?? 'anonymous'}`).not.toBeNull();
						continue;
					}
					if (audience !== 'public') {
						const untouched = await tableDigests(world.target, BOOKKEEPING);
						const anonymous = await request.send(await apiOf(null));
						expect.soft(toSignIn(anonymous), `POST ${request.target} anonymous → sign in (${anonymous.status()})`).toBe(true);
						for (const who of wrongRoles(audience, page.id)) {
							const status = (await request.send(await apiOf(who))).status();
							tally(who, status);
							expect.soft(status, `POST ${request.target} as ${who}`).toBe(403);
						}
						for (const who of outsidersOf(rule.outsiders, page.id)) {
							const status = (await request.send(await apiOf(who))).status();
							tally(who, status);
							expect.soft([403, 404], `POST ${request.target} as ${who}`).toContain(status);
						}
						expect
							.soft(changedTables(untouched, await tableDigests(world.target, BOOKKEEPING)), `POST ${request.target} refused, yet changed`)
							.toEqual([]);
					}
					// Public forms post from a fresh browser: a sign-in or an accepted invitation opens a session.
					const own = actor ? await apiOf(actor) : await apiAs(world.base, null);
					const response = await request.send(own);
					const status = response.status();
					const said = `POST ${request.target} as ${actor ?? 'anonymous'} → ${status} ${status >= 400 ? alertOf(await response.text()) : ''}`;
					expect.soft(status, said).toBeLessThan(500);
					expect.soft([403, 404], said).not.toContain(status);
					if (action.outcome === 'done') {
						expect.soft([200, 303], said).toContain(status);
						if (status === 303) expect.soft(toSignIn(response), said).toBe(false);
					} else {
						expect.soft(status >= 400 && status < 500, `${said}: refused by its rules`).toBe(true);
					}
					if (!actor) await own.dispose();
				}
			}
		});
	}
}

/**
 * The request the acting account would send for `name`: the page's own form for it (read from
 * the page as rendered just now), with the table's values laid over it.
 */
async function prepare(browser: Browser, actor: AccountKey | null, url: string, name: string, rule: ActionRule) {
	const path = new URL(url, world.base).pathname;
	let target = name === 'default' ? url : `${url}${url.includes('?') ? '&' : '?'}/${name}`;
	let fields: [string, string][] = [];
	let multipart = false;
	if (rule.from === 'page') {
		const context = await pagesOf(browser, actor);
		const page = await context.newPage();
		await page.goto(url);
		const form = (await formsOn(page)).find((f) => f.path === path && f.action === name);
		await page.close();
		if (!form) return null;
		target = form.target;
		fields = form.fields;
		multipart = form.multipart;
	}
	const set = rule.set?.(world.ids) ?? {};
	fields = fields.filter(([k]) => !(k in set));
	for (const [k, v] of Object.entries(set)) {
		if (v === null) continue;
		for (const one of Array.isArray(v) ? v : [v]) fields.push([k, one]);
	}
	return {
		target,
		send(request: APIRequestContext) {
			const data = new FormData();
			for (const [k, v] of fields) data.append(k, v);
			if (rule.file) {
				const { field, name: fileName, mimeType, text, base64 } = rule.file;
				const bytes = base64 ? Buffer.from(base64, 'base64') : Buffer.from(text ?? '', 'utf8');
				data.append(field, new File([bytes], fileName, { type: mimeType }));
			}
			const options = { headers: browserPost(world.base), maxRedirects: 0 };
			return multipart || rule.file ? request.post(target, { ...options, multipart: data }) : request.post(target, { ...options, form: data });
		}
	};
}

/**
 * Declared last, so it runs after the sweep above in this file's worker: the fund admin was
 * refused, with nothing changed, on every page load, action and endpoint of the admins', the
 * stations' and the reviewers' that is not its own round's (one refused request each), and opened
 * its own round's pages and files and the list of its rounds.
 */
test('the fund admin was refused everywhere but its own fund’s round, and counted', () => {
	const adminish = (audience: Audience) => audience !== 'public' && audience !== 'signed-in';
	const pages = tree.pages.filter((p) => adminish(PAGES[p.id].audience) && fundAdminScope(p.id) !== 'list');
	const actions = tree.actions.filter((a) => adminish(PAGES[a.id].audience) && fundAdminScope(a.id) !== 'list');
	const endpoints = tree.endpoints.filter((e) => adminish(ENDPOINTS[`${e.method} ${e.id}`].audience));
	expect([pages.length, actions.length, endpoints.length]).toEqual([REFUSED_PAGES, REFUSED_ACTIONS, REFUSED_ENDPOINTS]);
	expect(fundAdminSeen.refused).toBe(REFUSED_PAGES + REFUSED_ACTIONS + REFUSED_ENDPOINTS);
	expect(fundAdminSeen.allowed).toBe(OWN_ROUND_VISITS);
});
