import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importCycles, importGraph, type ImportGraph } from './import-graph';

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('the import reader', () => {
	test('finds a circle of any length, and only circles', () => {
		expect(importCycles(graphOf({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual([['a', 'b', 'c']]);
		expect(importCycles(graphOf({ a: ['a'] }))).toEqual([['a']]);
		expect(importCycles(graphOf({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
	});
});

describe('the modules of src', () => {
	const graph = importGraph();

	test('are all read, with their imports of each other', () => {
		// Every module, component and route file of src; a reader that silently found fewer fails here.
		expect(graph.size).toBeGreaterThan(250);
		expect(graph.get('src/lib/server/rounds.ts')).toContain('src/lib/server/audit.ts');
		expect(graph.get('src/routes/+layout.svelte')).toContain('src/lib/i18n/context.ts');
	});

	test('import each other without a circle', () => {
		expect(importCycles(graph)).toEqual([]);
	});

	const edges = [...graph].flatMap(([from, deps]) => deps.map((to) => ({ from, to })));
	/** The staff area or public tree a route file belongs to: `admin`, `station`, `review`, `rounds`… */
	const treeOf = (path: string) => (path.startsWith('src/routes/') ? path.split('/')[2] : null);

	test('keep data flowing one way: domain rules import only domain rules, components and pages nothing of lib/server', () => {
		expect(edges.filter((e) => e.from.startsWith('src/lib/domain/') && !e.to.startsWith('src/lib/domain/'))).toEqual([]);
		const shown = (path: string) => path.endsWith('.svelte') || path.startsWith('src/lib/components/');
		expect(edges.filter((e) => shown(e.from) && e.to.startsWith('src/lib/server/'))).toEqual([]);
		expect(edges.filter((e) => e.from.startsWith('src/lib/') && !e.from.endsWith('.spec.ts') && e.to.startsWith('src/routes/'))).toEqual([]);
	});

	test('keep each route tree to itself: what two trees use lives in lib', () => {
		const crossing = edges.filter((e) => treeOf(e.from) && treeOf(e.to) && treeOf(e.from) !== treeOf(e.to));
		expect(crossing).toEqual([]);
		// The rule reads the trees' imports of each other's files: it sees the admin pages' imports.
		expect(edges.filter((e) => treeOf(e.from) === 'admin' && e.to.startsWith('src/lib/components/')).length).toBeGreaterThan(20);
	});

	test('leave SQL to lib/server and form schemas to lib/schemas: routes parse, call and shape', () => {
		const routes = [...graph.keys()].filter((path) => path.startsWith('src/routes/') && /\.(ts|svelte)$/.test(path));
		expect(routes.length).toBeGreaterThan(150);
		const query = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto)\(|\bsql`|\bz\.object\(/;
		expect(routes.filter((path) => query.test(readFileSync(path, 'utf8')))).toEqual([]);
	});
});

