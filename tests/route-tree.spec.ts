import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionNames, exportedNames, guardedHandlers, routeTree } from './route-tree';
import { unclassified } from './route-access';

describe('the route reader', () => {
	test('finds an action however it is written', () => {
		const source = `
import type { Actions } from './$types';
const helper = (name: string) => async () => name;
export const actions = {
	plain: async (event) => {},
	arrow: (event) => save(event, false),
	helper: helper('x'),
	method(event) { return null; },
	async asyncMethod(event) {},
	'quoted': async () => {},
	shorthand,
	default: async () => {}
} satisfies Actions;`;
		expect(actionNames(source)).toEqual(['plain', 'arrow', 'helper', 'method', 'asyncMethod', 'quoted', 'shorthand', 'default']);
		// The pattern the access sweep used before found two of these eight.
		expect([...source.matchAll(/^\t(\w+): async/gm)].length).toBe(2);
	});

	test('follows actions exported under another name, and through `as`', () => {
		expect(actionNames(`const all = { a: async () => {}, b: async () => {} } as Actions;\nexport { all as actions };`)).toEqual(['a', 'b']);
		expect(actionNames(`export const load = () => ({});`)).toEqual([]);
	});

	test('refuses what it cannot read instead of finding less', () => {
		expect(() => actionNames(`export const actions = { ...shared, a: async () => {} };`)).toThrow(/spread/);
		expect(() => actionNames(`const k = 'x';\nexport const actions = { [k]: async () => {} };`)).toThrow(/computed/);
		expect(() => actionNames(`export const actions = makeActions();`)).toThrow(/object literal/);
		expect(() => exportedNames(`export * from './elsewhere';`)).toThrow(/export \*/);
	});

	test('reads endpoint methods written as functions, constants and re-exports', () => {
		const source = `export async function GET() {}\nexport const POST = async () => {};\nconst handler = () => {};\nexport { handler as DELETE };`;
		expect(exportedNames(source)).toEqual(['GET', 'POST', 'DELETE']);
	});
});

describe('the guard reader', () => {
	test('follows a handler into the functions of its file, and reports one that never reaches the guard', () => {
		const source = `
async function context(event) { const { round } = await requireRoundAccess(event, event.params.id); return round; }
async function save(event, submit) { const round = await context(event); return submit; }
export const load = async (event) => ({ round: await context(event) });
export const actions = {
	save: once((event) => save(event, false)),
	direct: async (event) => { await requireRoundAccess(event, event.params.id); },
	open: async (event) => { await loadRound(event); }
};
export async function GET(event) { return save(event, true); }`;
		expect(guardedHandlers(source, 'x.ts', 'requireRoundAccess')).toEqual([
			{ name: 'load', guarded: true },
			{ name: 'save', guarded: true },
			{ name: 'direct', guarded: true },
			{ name: 'open', guarded: false },
			{ name: 'GET', guarded: true }
		]);
	});
});

/** What a round's admin handler must call: the round's gate, or a gate that calls it (tested below). */
const ROUND_GATES = ['requireRoundAccess', 'requireRoundProject', 'requireRoundReport'] as const;

describe('the route tree', () => {
	const tree = routeTree();

	test('holds every page, action and endpoint, counted', () => {
		expect(tree.pages.length).toBe(73);
		expect(tree.actions.length).toBe(120);
		expect(tree.endpoints.length).toBe(19);
		expect(tree.actions).toContainEqual({ id: '/admin/rounds/[id]/decision', name: 'reduceClear' });
		expect(tree.actions).toContainEqual({ id: '/station/proposals/[id]', name: 'submit' });
		expect(tree.endpoints).toContainEqual({ id: '/rounds/[slug]/results.json', method: 'GET' });
	});

	test('has every route classified by audience in tests/route-access.ts, and nothing more', () => {
		expect(unclassified(tree)).toEqual([]);
	});

	test('has the gates of a funded project and its reports go through requireRoundAccess themselves', () => {
		const guard = readFileSync('src/lib/server/auth/guard.ts', 'utf8');
		const gates = guardedHandlers(
			`${guard}\nexport const load = requireRoundProject;\nexport const actions = { report: requireRoundReport };`,
			'guard.ts',
			'requireRoundAccess'
		);
		expect(gates).toEqual([
			{ name: 'load', guarded: true },
			{ name: 'report', guarded: true }
		]);
	});

	test('has every load, action and endpoint of a round’s admin pages go through requireRoundAccess', () => {
		// The one gate of a round's administration: when funds hold their own rounds, it is where a
		// fund's admins are kept to their own, so no handler may reach a round another way.
		const ids = new Set(tree.pages.map((p) => p.id).concat(tree.endpoints.map((e) => e.id)));
		const handlers = [...ids]
			.filter((id) => id.startsWith('/admin/rounds/[id]'))
			.flatMap((id) =>
				['+page.server.ts', '+server.ts'].flatMap((file) => {
					const path = join('src/routes', id, file);
					let text: string;
					try {
						text = readFileSync(path, 'utf8');
					} catch {
						return [];
					}
					return guardedHandlers(text, path, ROUND_GATES).map((h) => ({ route: `${id} ${h.name}`, guarded: h.guarded }));
				})
			);
		expect(handlers.filter((h) => !h.guarded)).toEqual([]);
		// 20 pages’ loads, their 52 actions and the 4 exports (needs, payments; CSV and .xlsx each).
		expect(handlers.length).toBe(76);
	});
});
