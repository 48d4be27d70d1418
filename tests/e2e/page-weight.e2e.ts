import { expect, test } from '@playwright/test';
import { fixtures, hydrated } from './helpers';
import { e2eEngine } from './db';
import { freePort, startServer, stop, type Server } from '../helpers/scale';
import { emptyDatabase, withDatabase } from '../helpers/test-targets';
import { migrate } from '../../src/lib/server/db';
import { CITY_EARLIER_SLUG, seedCity } from '../../src/lib/server/seed/city';
import { RANKED_PAGE_SIZE } from '../../src/lib/domain/ranked-pages';

test.describe('what a first visit downloads', () => {
	test('pages without a widget ship no scripts at all', async ({ request }) => {
		const slug = fixtures().roundSlug;
		const pages = ['/', `/rounds/${slug}`, `/rounds/${slug}/needs`, `/rounds/${slug}/results`, `/rounds/${slug}/stats`];
		let checked = 0;
		for (const path of pages) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			const html = await response.text();
			expect(html, path).toContain('</main>');
			expect(html, path).not.toContain('<script');
			expect(html, path).not.toContain('modulepreload');
			expect(response.headers()['link'] ?? '', path).not.toContain('modulepreload');
			checked++;
		}
		expect(checked).toBe(5);
	});

	test('a reader downloads the words of their language only', async ({ page, context, baseURL }) => {
		// A need's page has a widget (the "me too" form, enhanced), so it loads scripts and words.
		const needPage = `/needs/${fixtures().needId}`;
		const loaded: string[] = [];
		page.on('response', (r) => {
			const name = /\/messages-([\w-]+)\.\w+\.js$/.exec(new URL(r.url()).pathname)?.[1];
			if (name) loaded.push(name);
		});

		await page.goto(needPage);
		await hydrated(page);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(loaded).toEqual(['zh-CN']);

		loaded.length = 0;
		await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
		await page.goto(needPage);
		await hydrated(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		expect(loaded).toEqual(['en']);
	});
});

test.describe('the ranked list at scale', () => {
	test.describe.configure({ timeout: 180_000 });
	let server: Server | undefined;

	test.beforeAll(async () => {
		const path = await emptyDatabase('ranked-pages', e2eEngine());
		await withDatabase(path, async (db) => {
			await migrate(db);
			await seedCity(db, { seed: 5, scale: 0.3 });
		});
		server = await startServer(path, await freePort());
	});

	test.afterAll(async () => {
		if (server) await stop(server);
	});

	test('the results and the notice come in pages; the print view and the open data hold every project', async ({ page }) => {
		const base = server!.base;
		const open = (await (await fetch(`${base}/rounds/${CITY_EARLIER_SLUG}/results.json`)).json()) as { proposals: unknown[] };
		const total = open.proposals.length;
		expect(total).toBeGreaterThan(2 * RANKED_PAGE_SIZE);
		const pages = Math.ceil(total / RANKED_PAGE_SIZE);

		for (const list of ['results', 'notice']) {
			const path = `${base}/rounds/${CITY_EARLIER_SLUG}/${list}`;
			const seen: string[] = [];
			for (let n = 1; n <= pages; n++) {
				await page.goto(n === 1 ? path : `${path}?page=${n}`);
				const rows = page.locator('table tbody tr');
				expect(await rows.count(), `${list} page ${n}`).toBe(n < pages ? RANKED_PAGE_SIZE : total - (pages - 1) * RANKED_PAGE_SIZE);
				seen.push(...(await rows.allInnerTexts()));
				const current = page.getByRole('navigation', { name: '排名列表分页' }).locator('[aria-current="page"]');
				await expect(current).toHaveText(String(n));
			}
			// Every project once over the pages (a row's title and organisation tell it apart).
			expect(seen).toHaveLength(total);
			expect(new Set(seen).size).toBe(total);

			await page.goto(path);
			await page.getByRole('link', { name: '完整名单（打印版）' }).click();
			await expect(page).toHaveURL(/[?&]all=1/);
			await expect(page.locator('table tbody tr')).toHaveCount(total);
		}
		// The score rule and the reasons stay on every page.
		await page.goto(`${base}/rounds/${CITY_EARLIER_SLUG}/results?page=${pages}`);
		await expect(page.getByText('评审得分为')).toBeVisible();
		const html = await (await fetch(`${base}/rounds/${CITY_EARLIER_SLUG}/results`)).text();
		expect(html.length).toBeLessThan(60_000);
	});
});
