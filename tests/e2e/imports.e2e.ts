import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('an admin imports places from a CSV that Excel on Chinese Windows saved, and is told it was GBK', async ({ browser }) => {
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');
	await admin.goto('/admin/places');
	await admin.getByLabel('CSV 或 Excel（.xlsx）文件').setInputFiles('tests/fixtures/places-gbk.csv');
	await admin.getByRole('button', { name: '导入', exact: true }).click();
	const status = admin.getByRole('status').filter({ hasText: '已读取' });
	await expect(status).toContainText('已读取 3 行');
	await expect(status).toContainText('文件按 GBK/GB18030 编码读取');
	// The names arrive intact, not as mojibake.
	await expect(admin.locator('.tree')).toContainText('谢村村');
	await expect(admin.locator('.tree')).not.toContainText('\uFFFD');
});
