/**
 * Every page, form action and endpoint method under src/routes, read with the TypeScript compiler
 * rather than a pattern over the text, so an action written as `save: (event) => …`, a method,
 * a helper call or a re-export is found as surely as `save: async (event) => …`. A shape it cannot
 * read (a spread, a computed name, `export *`) is an error, never a silent miss.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface PageRoute {
	/** The route id as SvelteKit writes it, e.g. `/admin/rounds/[id]` (groups removed). */
	id: string;
}
export interface ActionRoute {
	id: string;
	/** `default` for a page's unnamed action. */
	name: string;
}
export interface EndpointRoute {
	id: string;
	method: string;
}
export interface RouteTree {
	pages: PageRoute[];
	actions: ActionRoute[];
	endpoints: EndpointRoute[];
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];
/** The route files this reader understands; any other `+` file stops it. */
const ROUTE_FILES = new Set([
	'+page.svelte',
	'+page.server.ts',
	'+page.ts',
	'+layout.svelte',
	'+layout.server.ts',
	'+layout.ts',
	'+error.svelte',
	'+server.ts'
]);

function sourceOf(text: string, fileName: string): ts.SourceFile {
	return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function exported(node: ts.Node): boolean {
	return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The names a module exports, each with its local declaration's initialiser when it has one. */
function exports(file: ts.SourceFile): Map<string, ts.Expression | undefined> {
	const locals = new Map<string, ts.Expression | undefined>();
	const found = new Map<string, ts.Expression | undefined>();
	for (const statement of file.statements) {
		if (ts.isVariableStatement(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (!ts.isIdentifier(d.name)) {
					if (exported(statement)) throw new Error(`${file.fileName}: a destructured export cannot be read`);
					continue;
				}
				locals.set(d.name.text, d.initializer);
				if (exported(statement)) found.set(d.name.text, d.initializer);
			}
		} else if (ts.isFunctionDeclaration(statement) && statement.name) {
			locals.set(statement.name.text, undefined);
			if (exported(statement)) found.set(statement.name.text, undefined);
		}
	}
	for (const statement of file.statements) {
		if (ts.isExportDeclaration(statement)) {
			if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) {
				throw new Error(`${file.fileName}: \`export *\` cannot be read; name the exports`);
			}
			for (const e of statement.exportClause.elements) {
				const local = (e.propertyName ?? e.name).getText(file);
				found.set(e.name.text, statement.moduleSpecifier ? undefined : locals.get(local));
			}
		}
	}
	return found;
}

/** `x as T`, `x satisfies T`, `(x)`, `<T>x` → x. */
function unwrap(node: ts.Expression): ts.Expression {
	let n = node;
	while (ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isParenthesizedExpression(n) || ts.isTypeAssertionExpression(n)) {
		n = n.expression;
	}
	return n;
}

/** The exported names of a route module (`load`, `actions`, `GET`, …). */
export function exportedNames(text: string, fileName = 'module.ts'): string[] {
	return [...exports(sourceOf(text, fileName)).keys()];
}

/** The names of the form actions a `+page.server.ts` exports (`default` included). */
export function actionNames(text: string, fileName = '+page.server.ts'): string[] {
	const file = sourceOf(text, fileName);
	const all = exports(file);
	if (!all.has('actions')) return [];
	const init = all.get('actions');
	const object = init && unwrap(init);
	if (!object || !ts.isObjectLiteralExpression(object)) {
		throw new Error(`${fileName}: \`actions\` must be an object literal declared in the file`);
	}
	return object.properties.map((p) => {
		if (ts.isSpreadAssignment(p)) throw new Error(`${fileName}: a spread in \`actions\` cannot be read`);
		const name = p.name;
		if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) {
			throw new Error(`${fileName}: an action with a computed name cannot be read`);
		}
		return name.text;
	});
}

/** The route id of a folder under `root`: `(group)` segments are dropped, as in URLs. */
function routeId(root: string, dir: string): string {
	const segments = relative(root, dir)
		.split(sep)
		.filter((s) => s && !/^\(.+\)$/.test(s));
	return '/' + segments.join('/');
}

export function routeTree(root = 'src/routes'): RouteTree {
	const tree: RouteTree = { pages: [], actions: [], endpoints: [] };
	const walk = (dir: string) => {
		const names = readdirSync(dir).sort();
		const id = routeId(root, dir);
		for (const name of names) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) continue;
			if (name.startsWith('+') && !ROUTE_FILES.has(name)) {
				throw new Error(`${path}: a route file this reader does not know; teach tests/route-tree.ts`);
			}
			if (name === '+layout.server.ts' || name === '+layout.ts') {
				const unknown = exportedNames(readFileSync(path, 'utf8'), path).filter((n) => n !== 'load' && !isPageOption(n));
				if (unknown.length) throw new Error(`${path}: unexpected exports ${unknown.join(', ')}`);
			}
		}
		if (names.includes('+page.svelte') || names.includes('+page.server.ts')) {
			if (/\[\[|\[\.\.\./.test(id)) throw new Error(`${dir}: optional and rest parameters are not walked yet`);
			tree.pages.push({ id });
			if (names.includes('+page.server.ts')) {
				const path = join(dir, '+page.server.ts');
				for (const name of actionNames(readFileSync(path, 'utf8'), path)) tree.actions.push({ id, name });
			}
		}
		if (names.includes('+server.ts')) {
			const path = join(dir, '+server.ts');
			for (const name of exportedNames(readFileSync(path, 'utf8'), path)) {
				if (METHODS.includes(name)) tree.endpoints.push({ id, method: name });
				else if (!isPageOption(name)) throw new Error(`${path}: unexpected export ${name}`);
			}
		}
		for (const name of names) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
		}
	};
	walk(root);
	return tree;
}

function isPageOption(name: string): boolean {
	return ['prerender', 'ssr', 'csr', 'trailingSlash', 'config', 'entries'].includes(name);
}

export interface Handler {
	/** `load`, an action's name (`default` included) or an endpoint's method. */
	name: string;
	/** Whether the handler calls `guard`, itself or through functions declared in the same file. */
	guarded: boolean;
}

/**
 * The handlers of a route module (its `load`, its actions, its endpoint methods) and whether each
 * reaches a call of `guard`: in its own body, or in a function of the same file that it calls or
 * hands on (`once(save)`, `(event) => save(event, true)`, a shared `context(event)`).
 */
export function guardedHandlers(text: string, fileName: string, guard: string | readonly string[]): Handler[] {
	const guards: readonly string[] = typeof guard === 'string' ? [guard] : guard;
	const file = sourceOf(text, fileName);
	const locals = new Map<string, ts.Node>();
	for (const statement of file.statements) {
		if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) locals.set(statement.name.text, statement.body);
		if (ts.isVariableStatement(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (ts.isIdentifier(d.name) && d.initializer) locals.set(d.name.text, d.initializer);
			}
		}
	}
	const reaches = (node: ts.Node, seen: Set<string>): boolean => {
		let found = false;
		const visit = (n: ts.Node) => {
			if (found) return;
			if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && guards.includes(n.expression.text)) {
				found = true;
				return;
			}
			if (ts.isIdentifier(n) && locals.has(n.text) && !seen.has(n.text)) {
				seen.add(n.text);
				if (reaches(locals.get(n.text)!, seen)) found = true;
				return;
			}
			ts.forEachChild(n, visit);
		};
		visit(node);
		return found;
	};
	const all = exports(file);
	const handlers: Handler[] = [];
	const check = (name: string, node: ts.Node | undefined) => {
		const body = node;
		if (!body) throw new Error(`${fileName}: the handler ${name} cannot be read`);
		handlers.push({ name, guarded: reaches(body, new Set()) });
	};
	if (all.has('load')) check('load', all.get('load') ?? locals.get('load'));
	const actions = all.get('actions');
	const object = actions && unwrap(actions);
	if (object && ts.isObjectLiteralExpression(object)) {
		for (const p of object.properties) {
			const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '?';
			check(name, ts.isShorthandPropertyAssignment(p) ? locals.get(p.name.text) : p);
		}
	}
	for (const method of METHODS) if (all.has(method)) check(method, all.get(method) ?? locals.get(method));
	return handlers;
}
