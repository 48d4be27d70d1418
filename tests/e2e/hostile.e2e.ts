import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { CITY_EARLIER_SLUG, CITY_PASSWORD, CITY_ROUND_SLUG } from '../../src/lib/server/seed/city';
import { CALL_SLUG, freePort, needForm, prepareDatabase, startServer, stop, submissionKey, type Server } from '../helpers/scale';
import { withDatabase } from '../helpers/test-targets';
import { e2eEngine } from './db';

/**
 * Property-based hostile input: random and nasty values at every form action and every JSON
 * endpoint of the route tree (found as access.e2e.ts finds pages, so new ones are covered),
 * signed in as the role each area belongs to. No answer may be a 5xx, and every page must still
 * render afterwards, with whatever was stored shown escaped.
 *
 * It runs against a server of its own (tests/helpers/scale.ts), not the shared one: thousands of
 * posts from one address would trip the shared server's rate limits for the other tests, and
 * random admin actions must not move the shared fixtures' rounds under them.
 */

interface Target {
	route: string;
	kind: 'page' | 'endpoint';
	actions: string[];
	methods: string[];
	fields: string[];
}

/** Every page with actions and every +server endpoint, with the field names its forms use. */
function targets(): Target[] {
	const found: Target[] = [];
	const walk = (dir: string) => {
		const names = readdirSync(dir);
		for (const name of names) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
		}
		const route = '/' + dir.replace(/^src\/routes\/?/, '').replace(/\([^)]+\)\/?/g, '');
		const fields = new Set<string>();
		for (const file of [...names.map((n) => join(dir, n)), ...readdirSync(join(dir, '..')).map((n) => join(dir, '..', n))]) {
			if (!file.endsWith('.svelte') || !statSync(file).isFile()) continue;
			for (const m of readFileSync(file, 'utf8').matchAll(/name="([a-zA-Z_][\w]*)"/g)) fields.add(m[1]);
		}
		if (names.includes('+page.server.ts')) {
			const source = readFileSync(join(dir, '+page.server.ts'), 'utf8');
			const at = source.indexOf('export const actions');
			if (at >= 0) {
				const actions = [...source.slice(at).matchAll(/^\t(\w+): (?:async )?\(?/gm)].map((m) => m[1]);
				found.push({ route, kind: 'page', actions, methods: ['POST'], fields: [...fields] });
			}
		}
		if (names.includes('+server.ts')) {
			const source = readFileSync(join(dir, '+server.ts'), 'utf8');
			const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
			found.push({ route, kind: 'endpoint', actions: [], methods, fields: [...fields] });
		}
	};
	walk('src/routes');
	return found;
}

interface World {
	roundId: number;
	proposalId: number;
	assignmentId: number;
	needId: number;
	projectId: number;
	receipt: string;
	reviewerEmail: string;
	stationEmail: string;
}

async function world(target: string): Promise<World> {
	return withDatabase(target, async (db) => {
		const round = await db.selectFrom('rounds').select('id').where('slug', '=', CITY_ROUND_SLUG).executeTakeFirstOrThrow();
		const reviewer = await db
			.selectFrom('review_assignments as a')
			.innerJoin('users as u', 'u.id', 'a.reviewer_id')
			.select(['u.email', 'a.id'])
			.where('a.round_id', '=', round.id)
			.where('a.status', '=', 'assigned')
			.orderBy('a.id')
			.executeTakeFirstOrThrow();
		const proposal = await db
			.selectFrom('proposals as p')
			.innerJoin('users as u', 'u.id', 'p.created_by')
			.select(['p.id', 'u.email'])
			.where('p.round_id', '=', round.id)
			.orderBy('p.id')
			.executeTakeFirstOrThrow();
		const need = await db.selectFrom('needs').select('id').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
		const project = await db.selectFrom('proposals').select('id').where('status', '=', 'funded').orderBy('id').executeTakeFirstOrThrow();
		const receipt = await db.selectFrom('needs').select('receipt_code').orderBy('id').executeTakeFirstOrThrow();
		return {
			roundId: round.id,
			proposalId: proposal.id,
			stationEmail: proposal.email,
			assignmentId: reviewer.id,
			reviewerEmail: reviewer.email,
			needId: need.id,
			projectId: project.id,
			receipt: receipt.receipt_code
		};
	});
}

/** A route with its parameters filled with records of the hostile server's city. */
function concrete(route: string, w: World): string {
	return route
		.replace('/admin/rounds/[id]', `/admin/rounds/${w.roundId}`)
		.replace('/station/proposals/[id]', `/station/proposals/${w.proposalId}`)
		.replace('/review/assignments/[id]', `/review/assignments/${w.assignmentId}`)
		.replace('/rounds/[slug]/needs/new', `/rounds/${CALL_SLUG}/needs/new`)
		.replace('/rounds/[slug]/results', `/rounds/${CITY_EARLIER_SLUG}/results`)
		.replace('[slug]', CITY_ROUND_SLUG)
		.replace('/needs/[id]', `/needs/${w.needId}`)
		.replace('/projects/[id]', `/projects/${w.projectId}`)
		.replace('/track/[code]', `/track/${w.receipt}`)
		.replace(/\[[^\]]+\]/g, '1');
}

type Role = 'admin' | 'station' | 'reviewer' | null;
function roleFor(route: string): Role {
	const area = route.split('/')[1];
	if (area === 'admin') return 'admin';
	if (area === 'station' || area === 'account') return 'station';
	if (area === 'review') return 'reviewer';
	return null;
}

/** Values a careless or hostile client sends. */
const NASTY = [
	'',
	' ',
	'<script>alert("x")</script>',
	'"><img src=x onerror=alert(1)>',
	"' OR 1=1 --",
	'0',
	'-1',
	'1.5',
	'1e309',
	'NaN',
	'Infinity',
	'99999999999999999999999',
	'9007199254740993',
	'null',
	'undefined',
	'[]',
	'{"__proto__":{"admin":true}}',
	'../../etc/passwd',
	'\u0000',
	'\u202e反向',
	'🙏👨‍👩‍👧‍👦'.repeat(30),
	'２０２６',
	'2026-13-45T99:99',
	'a'.repeat(5_000),
	'on',
	'true',
	'review',
	'funded'
];
const value = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.integer().map(String));

async function signIn(base: string, email: string): Promise<string> {
	const r = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: CITY_PASSWORD })
	});
	expect(r.status, `sign-in as ${email}`).toBe(303);
	return r.headers.getSetCookie().find((c) => c.startsWith('session='))!.split(';')[0];
}

test.describe('hostile input', () => {
	test.describe.configure({ timeout: 120_000 });
	let server: Server;
	let w: World;
	let path: string;
	const cookies: Record<string, string> = {};

	test.beforeAll(async () => {
		path = await prepareDatabase('hostile', e2eEngine());
		server = await startServer(path, await freePort());
		w = await world(path);
		const adminEmail = await withDatabase(path, async (db) =>
			(await db.selectFrom('users').select('email').where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow()).email
		);
		cookies.admin = await signIn(server.base, adminEmail);
		cookies.station = await signIn(server.base, w.stationEmail);
		cookies.reviewer = await signIn(server.base, w.reviewerEmail);
	});

	test.afterAll(async () => {
		if (server) await stop(server);
	});

	test('finds form actions and endpoints to attack', () => {
		const all = targets();
		expect(all.filter((t) => t.kind === 'page').length).toBeGreaterThan(5);
		expect(all.some((t) => t.route === '/rounds/[slug]/needs/new')).toBe(true);
	});

	test('no form action or endpoint answers a random or hostile request with a 5xx', async () => {
		const all = targets().filter((t) => t.route !== '/logout');
		const failures: string[] = [];
		const request = fc.record({
			target: fc.constantFrom(...all),
			pick: fc.nat(),
			form: fc.array(fc.tuple(fc.nat(), value), { maxLength: 12 }),
			extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), value, { maxKeys: 3 }),
			enhanced: fc.boolean(),
			query: value
		});
		await fc.assert(
			fc.asyncProperty(request, async ({ target, pick, form, extra, enhanced, query }) => {
				const role = roleFor(target.route);
				const url = concrete(target.route, w);
				const body = new URLSearchParams(extra);
				for (const [i, v] of form) if (target.fields.length) body.set(target.fields[i % target.fields.length], v);
				const headers: Record<string, string> = {
					origin: server.base,
					'content-type': 'application/x-www-form-urlencoded',
					accept: enhanced ? 'application/json' : 'text/html'
				};
				if (enhanced) headers['x-sveltekit-action'] = 'true';
				if (role) headers.cookie = cookies[role];
				let method: string;
				let target_url: string;
				if (target.kind === 'page') {
					const action = target.actions[pick % target.actions.length];
					method = 'POST';
					target_url = action === 'default' ? url : `${url}?/${action}`;
				} else {
					method = target.methods[pick % target.methods.length] ?? 'GET';
					target_url = `${url}?q=${encodeURIComponent(query)}&page=${encodeURIComponent(query)}`;
				}
				const r = await fetch(server.base + target_url, {
					method,
					redirect: 'manual',
					headers,
					body: method === 'GET' ? undefined : body
				});
				await r.arrayBuffer();
				if (r.status >= 500) failures.push(`${method} ${target_url} → ${r.status} with ${body.toString().slice(0, 300)}`);
				return r.status < 500;
			}),
			{ numRuns: 300, seed: 20261126, endOnFailure: true }
		);
		expect(failures, server.log.join('').slice(-3000)).toEqual([]);
	});

	test('hostile text in a resident need is stored or refused clearly, and shown escaped', async () => {
		const base = await needForm(path);
		const stored: string[] = [];
		await fc.assert(
			fc.asyncProperty(value, value, value, async (title, description, group) => {
				const key = submissionKey('hostile');
				const r = await fetch(`${server.base}/rounds/${CALL_SLUG}/needs/new`, {
					method: 'POST',
					redirect: 'manual',
					headers: { origin: server.base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({ ...base, title, description, affected_group: group, submission_key: key })
				});
				const html = await r.text();
				// Stored with a receipt, or the form again with its errors: nothing else.
				expect([303, 400], html.slice(0, 500)).toContain(r.status);
				if (r.status === 303) stored.push(r.headers.get('location')!);
				else expect(html).toMatch(/alert error|aria-invalid="true"/);
			}),
			{ numRuns: 40, seed: 7 }
		);
		expect(stored.length).toBeGreaterThan(0);
		for (const location of stored) {
			const page = await fetch(server.base + location);
			const html = await page.text();
			expect(page.status, location).toBe(200);
			expect(html).not.toContain('<script>alert("x")</script>');
			expect(html).not.toContain('<img src=x onerror');
		}
	});

	test('every page still renders after the attack', async () => {
		const pages: [string, Role][] = [
			['/', null],
			[`/rounds/${CITY_ROUND_SLUG}`, null],
			[`/rounds/${CITY_ROUND_SLUG}/needs`, null],
			[`/rounds/${CALL_SLUG}/needs`, null],
			[`/rounds/${CALL_SLUG}/needs/new`, null],
			[`/needs/${w.needId}`, null],
			[`/rounds/${CITY_EARLIER_SLUG}/results`, null],
			[`/projects/${w.projectId}`, null],
			['/station', 'station'],
			[`/station/proposals/${w.proposalId}`, 'station'],
			['/review', 'reviewer'],
			[`/review/assignments/${w.assignmentId}`, 'reviewer'],
			['/admin', 'admin'],
			[`/admin/rounds/${w.roundId}`, 'admin'],
			[`/admin/rounds/${w.roundId}/needs`, 'admin']
		];
		for (const [url, role] of pages) {
			const r = await fetch(server.base + url, { redirect: 'manual', headers: role ? { cookie: cookies[role] } : {} });
			await r.arrayBuffer();
			// A random admin action may have ended a session or moved the round on; never a 5xx.
			expect(r.status, url).toBeLessThan(500);
		}
		const board = await fetch(`${server.base}/rounds/${CALL_SLUG}/needs`);
		expect(board.status).toBe(200);
	});
});
