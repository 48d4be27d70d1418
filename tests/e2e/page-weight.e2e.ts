import { expect, test } from '@playwright/test';
import { fixtures, hydrated } from './helpers';

test.describe('what a first visit downloads', () => {
	test('pages without a widget ship no scripts at all', async ({ request }) => {
		const slug = fixtures().roundSlug;
		const pages = ['/', `/rounds/${slug}`, `/rounds/${slug}/results`, `/rounds/${slug}/stats`];
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
		expect(checked).toBe(4);
	});

	test('a reader downloads the words of their language only', async ({ page, context, baseURL }) => {
		const board = `/rounds/${fixtures().roundSlug}/needs`;
		const loaded: string[] = [];
		page.on('response', (r) => {
			const name = /\/messages-([\w-]+)\.\w+\.js$/.exec(new URL(r.url()).pathname)?.[1];
			if (name) loaded.push(name);
		});

		await page.goto(board);
		await hydrated(page);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(loaded).toEqual(['zh-CN']);

		loaded.length = 0;
		await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
		await page.goto(board);
		await hydrated(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		expect(loaded).toEqual(['en']);
	});
});
