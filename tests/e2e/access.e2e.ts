import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import type { AccountKey } from '../fixtures/accounts';
import { apiSignIn, browserPost, fixtures } from './helpers';

/** Every page under a staff area, found in the route tree so new pages are walked too. */
function pages(area: string): { route: string; actions: string[] }[] {
	const found: { route: string; actions: string[] }[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name === '+page.svelte') {
				const route = '/' + dir.replace(/^src\/routes\//, '').replace(/\([^)]+\)\//g, '');
				const server = join(dir, '+page.server.ts');
				let actions: string[] = [];
				try {
					const source = readFileSync(server, 'utf8');
					const block = source.slice(source.indexOf('export const actions'));
					actions = [...block.matchAll(/^\t(\w+): async/gm)].map((m) => m[1]);
				} catch {
					actions = [];
				}
				found.push({ route, actions });
			}
		}
	};
	walk(join('src/routes', area));
	return found;
}

/** The URL a form posts to for a named action, keeping the page's own query. */
function actionUrl(url: string, action: string): string {
	if (action === 'default') return url;
	return `${url}${url.includes('?') ? '&' : '?'}/${action}`;
}

/** Fills a route's parameters with the fixture's records. */
function concrete(route: string): string {
	const ids = fixtures();
	const filled = route
		.replace('/admin/rounds/[id]/eligibility/[proposalId]', `/admin/rounds/${ids.roundId}/eligibility/${ids.proposalA}`)
		.replace('/admin/rounds/[id]', `/admin/rounds/${ids.roundId}`)
		.replace('/admin/organisations/[id]', `/admin/organisations/${ids.organisationA}`)
		.replace('/station/proposals/[id]', `/station/proposals/${ids.proposalA}`)
		.replace('/review/assignments/[id]', `/review/assignments/${ids.assignmentReviewer1}`);
	if (filled.includes('[')) throw new Error(`add a fixture record for ${route} in access.e2e.ts`);
	// The new-proposal page is always opened for a round.
	return filled === '/station/proposals/new' ? `${filled}?round=${ids.roundSlug}` : filled;
}

const AREAS: { area: string; owner: AccountKey; others: AccountKey[] }[] = [
	{ area: 'admin', owner: 'admin', others: ['stationA', 'reviewer1'] },
	{ area: 'station', owner: 'stationA', others: ['admin', 'reviewer1'] },
	{ area: 'review', owner: 'reviewer1', others: ['admin', 'stationA'] }
];

for (const { area, owner, others } of AREAS) {
	test.describe(`/${area}`, () => {
		const routes = pages(area);

		test('has pages to walk', () => {
			expect(routes.length).toBeGreaterThan(0);
		});

		test('sends anonymous visitors to sign in, for every page and action', async ({ baseURL }) => {
			const anonymous = await playwrightRequest.newContext({ baseURL });
			for (const { route, actions } of routes) {
				const url = concrete(route);
				const get = await anonymous.get(url, { maxRedirects: 0 });
				expect(get.status(), `GET ${url}`).toBe(303);
				expect(get.headers().location, `GET ${url}`).toMatch(/^\/login\?next=/);
				for (const action of actions) {
					const target = actionUrl(url, action);
					const post = await anonymous.post(target, { form: {}, headers: browserPost(baseURL!), maxRedirects: 0 });
					expect(post.status(), `POST ${target}`).toBe(303);
					expect(post.headers().location, `POST ${target}`).toMatch(/^\/login\?next=/);
				}
			}
			await anonymous.dispose();
		});

		for (const other of others) {
			test(`refuses ${other} with 403, for every page and action`, async ({ baseURL }) => {
				const context = await playwrightRequest.newContext({ baseURL });
				await apiSignIn(context, baseURL!, other);
				for (const { route, actions } of routes) {
					const url = concrete(route);
					const get = await context.get(url, { maxRedirects: 0 });
					expect(get.status(), `GET ${url} as ${other}`).toBe(403);
					for (const action of actions) {
						const target = actionUrl(url, action);
						const post = await context.post(target, { form: {}, headers: browserPost(baseURL!), maxRedirects: 0 });
						expect(post.status(), `POST ${target} as ${other}`).toBe(403);
					}
				}
				await context.dispose();
			});
		}

		test(`lets ${owner} in`, async ({ baseURL }) => {
			const context = await playwrightRequest.newContext({ baseURL });
			await apiSignIn(context, baseURL!, owner);
			for (const { route } of routes) {
				const url = concrete(route);
				const get = await context.get(url, { maxRedirects: 0 });
				expect([200, 303], `GET ${url} as ${owner}`).toContain(get.status());
			}
			await context.dispose();
		});
	});
}
