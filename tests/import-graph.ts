/**
 * The import graph of src: every .ts, .js and .svelte file and the files of src it imports
 * (relative paths and `$lib/…`; type-only imports count too, since a circle of types still ties
 * the modules together). Read with the TypeScript compiler's pre-processor, not a pattern.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|js|svelte)$/;

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return filesUnder(path);
		return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The script blocks of a Svelte component, or the whole text of a module. */
function scriptOf(path: string, text: string): string {
	if (!path.endsWith('.svelte')) return text;
	return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

function resolve(from: string, spec: string, files: Set<string>, root: string): string | null {
	let base: string;
	if (spec === '$lib' || spec.startsWith('$lib/')) base = join(root, 'lib', spec.slice(5));
	else if (spec.startsWith('.')) base = join(dirname(from), spec);
	else return null;
	for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
		if (files.has(candidate)) return candidate;
	}
	return null;
}

/** The graph of `root` (src by default), with paths relative to the project, `/`-separated. */
export function importGraph(root = 'src'): ImportGraph {
	const files = filesUnder(root);
	const known = new Set(files);
	const name = (p: string) => relative('.', p).split(sep).join('/');
	const graph: ImportGraph = new Map();
	for (const file of files) {
		const info = ts.preProcessFile(scriptOf(file, readFileSync(file, 'utf8')), true, true);
		const deps = new Set<string>();
		for (const imported of info.importedFiles) {
			const target = resolve(file, imported.fileName, known, root);
			if (target) deps.add(name(target));
		}
		graph.set(name(file), [...deps].sort());
	}
	return graph;
}

/** Each circle of imports (a strongly connected group of two or more files, or a file importing itself). */
export function importCycles(graph: ImportGraph): string[][] {
	let next = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	// Tarjan's algorithm, iterative so a deep chain of imports cannot overflow the stack.
	for (const start of graph.keys()) {
		if (index.has(start)) continue;
		const work: { node: string; child: number }[] = [{ node: start, child: 0 }];
		index.set(start, next);
		low.set(start, next++);
		stack.push(start);
		onStack.add(start);
		while (work.length) {
			const frame = work[work.length - 1];
			const deps = graph.get(frame.node) ?? [];
			if (frame.child < deps.length) {
				const dep = deps[frame.child++];
				if (!index.has(dep)) {
					index.set(dep, next);
					low.set(dep, next++);
					stack.push(dep);
					onStack.add(dep);
					work.push({ node: dep, child: 0 });
				} else if (onStack.has(dep)) {
					low.set(frame.node, Math.min(low.get(frame.node)!, index.get(dep)!));
				}
				continue;
			}
			work.pop();
			if (work.length) {
				const parent = work[work.length - 1].node;
				low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
			}
			if (low.get(frame.node) === index.get(frame.node)) {
				const group: string[] = [];
				let member: string;
				do {
					member = stack.pop()!;
					onStack.delete(member);
					group.push(member);
				} while (member !== frame.node);
				if (group.length > 1 || deps.includes(frame.node)) cycles.push(group.sort());
			}
		}
	}
	return cycles;
}
