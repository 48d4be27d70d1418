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
});
