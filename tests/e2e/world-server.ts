import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ACCOUNTS, PASSWORD, type AccountKey } from '../fixtures/accounts';
import { prepareWorld, type WorldIds } from '../fixtures/world';
import { freePort, startServer, stop, type Server } from '../helpers/scale';
import { withDatabase } from '../helpers/test-targets';
import { e2eEngine } from './db';
import { browserPost } from './helpers';

/**
 * The test world (tests/fixtures/world.ts) served by a production server of its own, so a sweep
 * may post every form without moving the shared fixtures under the other tests.
 */
export interface WorldServer {
	server: Server;
	base: string;
	ids: WorldIds;
	/** Its database: a SQLite path or a PostgreSQL URL. */
	target: string;
}

/** Starts the world on the engine of the running test's project. */
export async function startWorld(name: string): Promise<WorldServer> {
	const { target, ids } = await prepareWorld(name, e2eEngine());
	const server = await startServer(target, await freePort(), { UPLOAD_DIR: ids.uploadDir });
	return { server, base: server.base, ids, target };
}

export async function stopWorld(world: WorldServer | undefined) {
	if (world) await stop(world.server);
}

async function signInto(request: APIRequestContext, base: string, who: AccountKey) {
	const response = await request.post(`${base}/login`, {
		form: { email: ACCOUNTS[who].email, password: PASSWORD },
		headers: browserPost(base),
		maxRedirects: 0
	});
	if (response.status() !== 303) throw new Error(`sign-in as ${who}: ${response.status()}`);
}

/** A request context, signed in as `who` (or anonymous). */
export async function apiAs(base: string, who: AccountKey | null): Promise<APIRequestContext> {
	const request = await playwrightRequest.newContext({ baseURL: base });
	if (who) await signInto(request, base, who);
	return request;
}

/** A browser context signed in as `who` (or anonymous); its `request` shares the cookies. */
export async function browserAs(
	browser: Browser,
	base: string,
	who: AccountKey | null,
	options: { javaScriptEnabled?: boolean; width?: number } = {}
): Promise<BrowserContext> {
	const width = options.width ?? 1280;
	const context = await browser.newContext({
		baseURL: base,
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		viewport: { width, height: 900 },
		isMobile: width < 600,
		hasTouch: width < 600
	});
	if (who) await signInto(context.request, base, who);
	return context;
}

export interface RenderedForm {
	/** Where the form posts: path and query, e.g. `/admin/rounds/4/decision?/draw`. */
	target: string;
	path: string;
	/** `default` for a page's unnamed action; null for a form that posts to an endpoint. */
	action: string;
	multipart: boolean;
	fields: [string, string][];
	/** File inputs: a file is needed to send this form for real. */
	files: string[];
}

/** The action a URL's query names (`?/save`, `?round=x&/save`), or `default`. */
export function actionOf(search: string): string {
	const named = [...new URLSearchParams(search).keys()].find((k) => k.startsWith('/'));
	return named ? named.slice(1) : 'default';
}

/**
 * Every POST form on the page, one per submit button, with the values the browser would send for
 * that button (FormData with its submitter: hidden fields, checked boxes, chosen options, text).
 */
export async function formsOn(page: Page): Promise<RenderedForm[]> {
	const raw = await page.evaluate(() => {
		const out: { target: string; multipart: boolean; fields: [string, string][]; files: string[] }[] = [];
		const buttons = [...document.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input[type=submit]')].filter(
			(b) => b.type === 'submit' && b.form
		);
		for (const button of buttons) {
			const form = button.form!;
			const method = (button.getAttribute('formmethod') ?? form.getAttribute('method') ?? 'get').toLowerCase();
			if (method !== 'post') continue;
			const enctype = button.getAttribute('formenctype') ?? form.getAttribute('enctype') ?? '';
			const data = new FormData(form, button);
			const fields: [string, string][] = [];
			const files: string[] = [];
			for (const [name, value] of data) {
				if (typeof value === 'string') fields.push([name, value]);
				else files.push(name);
			}
			// A button's formAction is the document's URL when it has no formaction of its own.
			const url = new URL(button.hasAttribute('formaction') ? button.formAction : form.action, location.href);
			out.push({ target: url.pathname + url.search, multipart: enctype === 'multipart/form-data', fields, files });
		}
		return out;
	});
	return raw.map((f) => {
		const url = new URL(f.target, 'http://x');
		return { ...f, path: url.pathname, action: actionOf(url.search) };
	});
}

/**
 * A digest of every table but `ignored`, one hash per table: what a refused request must leave
 * exactly as it was. Rows are hashed in sorted order, so the digest does not depend on the order
 * an engine returns them in.
 */
export async function tableDigests(target: string, ignored: readonly string[]): Promise<Map<string, string>> {
	return withDatabase(target, async (db) => {
		const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
		const digests = new Map<string, string>();
		for (const table of tables) {
			if (ignored.includes(table)) continue;
			const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
			const lines = rows.map((row) => JSON.stringify(Object.values(row))).sort();
			digests.set(table, createHash('sha256').update(lines.join('\n')).digest('hex'));
		}
		return digests;
	});
}

/** The names of the tables whose digests differ. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
	const names = new Set([...before.keys(), ...after.keys()]);
	return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}
