import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README's "How the code is laid out" is the map a newcomer reads first: it names every folder
 * of the repository and src/lib, and every module of src/lib/server, and names nothing that is
 * gone. A module added without a word there, or one renamed, fails here.
 */
function layoutBlock(): string {
	const readme = readFileSync('README.md', 'utf8');
	const start = readme.indexOf('## How the code is laid out');
	expect(start).toBeGreaterThan(0);
	const open = readme.indexOf('```', start);
	const close = readme.indexOf('```', open + 3);
	return readme.slice(open + 3, close);
}

/** Whether the block names `name`, as itself or through a pattern such as `schema*.ts`. */
function mentioned(block: string, name: string): boolean {
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	if (new RegExp(`(^|[\\s,(/])${escape(name)}($|[\\s,)/.*:])`, 'm').test(block)) return true;
	const patterns = [...block.matchAll(/([a-z][\w-]*)\*\.ts/g)].map((m) => m[1]);
	return patterns.some((prefix) => name.startsWith(prefix));
}

const dirs = (path: string) => readdirSync(path).filter((n) => !n.startsWith('.') && statSync(join(path, n)).isDirectory());

/** src/lib/server's modules (without .ts) and folders, tests and seeds aside. */
function serverModules(): string[] {
	return readdirSync('src/lib/server')
		.filter((n) => !n.endsWith('.spec.ts'))
		.map((n) => (n.endsWith('.ts') ? n.slice(0, -3) : n));
}

/** Every file and folder of the repository (build output and dependencies aside), by base name. */
function allNames(dir = '.', names = new Set<string>()): Set<string> {
	for (const name of readdirSync(dir)) {
		if (['node_modules', '.git', 'build', '.svelte-kit', 'test-results', 'data'].includes(name)) continue;
		const path = join(dir, name);
		names.add(basename(path));
		if (statSync(path).isDirectory()) allNames(path, names);
	}
	return names;
}

describe("the README's layout", () => {
	const block = layoutBlock();

	it('names every top-level folder, every folder of src/lib and tests, and every server module', () => {
		const top = dirs('.').filter((d) => !['node_modules', 'build', 'test-results', 'data', 'bench'].includes(d));
		const lib = dirs('src/lib');
		const tests = dirs('tests');
		const server = serverModules();
		expect(top.length).toBeGreaterThanOrEqual(6);
		expect(server.length).toBeGreaterThan(60);
		const missing = [...top, ...lib, ...tests, ...server].filter((name) => !mentioned(block, name));
		expect(missing).toEqual([]);
	});

	it('names no file or folder that does not exist', () => {
		const names = allNames();
		const named = [...block.matchAll(/(?<![\w*.-])([a-z][\w-]*(?:\.[a-z]+)+|[a-z][\w-]*\/)(?=[\s,):]|$)/gm)].map((m) => m[1]);
		expect(named.length).toBeGreaterThan(20);
		const gone = named.filter((n) => !names.has(n.replace(/\/$/, '')) && !n.includes('*'));
		expect(gone).toEqual([]);
	});
});
