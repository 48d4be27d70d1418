import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './helpers';

/** The audit log reads as sentences on a phone: actions and details in words, no keys or JSON. */
test('the audit log names each action and reads its detail, without keys or JSON', async ({ browser }) => {
	const page = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
	await signIn(page, 'admin');
	await page.goto('/admin/audit?action=round.create');
	await hydrated(page);
	const table = page.getByRole('region', { name: '审计日志' });
	const rows = table.locator('tbody tr');
	expect(await rows.count()).toBeGreaterThan(0);
	await expect(rows.first()).toContainText('新建轮次');
	await expect(rows.first()).toContainText('资助总额');
	await expect(rows.first()).toContainText('¥');
	await expect(table).not.toContainText('round.create');
	await expect(table).not.toContainText('{"');
	await expect(page.locator('#f-action')).toContainText('新建轮次');
	await expect(page.locator('#f-action')).not.toContainText('round.');
	await page.screenshot({ path: test.info().outputPath('audit-375.png'), fullPage: true });
});
