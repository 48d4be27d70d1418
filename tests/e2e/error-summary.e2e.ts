import { expect, test } from '@playwright/test';
import { fixtures, hydrated, signIn } from './helpers';

/**
 * A form sent from the bottom of a long page on a phone: the server's error summary, far above
 * the button, comes into view and takes focus instead of appearing unseen off-screen.
 */
test('on a phone, the error summary of a refused form scrolls into view and takes focus', async ({ browser }) => {
	const page = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
	await signIn(page, 'admin');
	await page.goto('/admin/rounds/new');
	await hydrated(page);
	await page.getByLabel('名称').fill('重复网址的轮次');
	// A slug already taken: only the server can tell.
	await page.getByLabel('网址标识').fill(fixtures().roundSlug);
	const submit = page.getByRole('button', { name: '新建轮次' });
	await submit.scrollIntoViewIfNeeded();
	const summary = page.getByRole('alert').filter({ hasText: '需要修改' });
	const before = await page.evaluate(() => window.scrollY);
	expect(before, 'the button is far below the top of the form').toBeGreaterThan(740);
	await submit.click();
	await expect(page.getByText('该网址标识已被使用')).toBeAttached();
	await expect(summary).toBeFocused();
	await expect(summary).toBeInViewport();
	await page.screenshot({ path: test.info().outputPath('error-summary-375.png') });
});
