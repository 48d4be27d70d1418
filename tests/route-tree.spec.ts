import { describe, expect, test } from 'vitest';
import { actionNames, exportedNames, routeTree } from './route-tree';
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

describe('the route tree', () => {
	const tree = routeTree();

	test('holds every page, action and endpoint, counted', () => {
		expect(tree.pages.length).toBe(43);
		expect(tree.actions.length).toBe(64);
		expect(tree.endpoints.length).toBe(10);
		expect(tree.actions).toContainEqual({ id: '/admin/rounds/[id]/decision', name: 'reduceClear' });
		expect(tree.actions).toContainEqual({ id: '/station/proposals/[id]', name: 'submit' });
		expect(tree.endpoints).toContainEqual({ id: '/rounds/[slug]/results.json', method: 'GET' });
	});

	test('has every route classified by audience in tests/route-access.ts, and nothing more', () => {
		expect(unclassified(tree)).toEqual([]);
	});
});
