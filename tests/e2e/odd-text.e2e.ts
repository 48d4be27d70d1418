import { expect, test } from '@playwright/test';
import { makeRound } from '../helpers/db';
import { placeIds } from '../helpers/needs';
import { withE2eDb } from './db';
import { browserPost, hydrated, signIn } from './helpers';

/**
 * Text that rewrites the page, typed by a resident: a right-to-left override, Arabic, controls,
 * text made only of invisible characters, and the full-width digits of a Chinese IME.
 */

async function needsCall() {
	const slug = `odd-text-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
	return withE2eDb(async (db) => {
		await makeRound(db, 'needs_call', { slug, title: `奇怪文字测试 ${slug}` });
		return { slug, ...(await placeIds(db, '海珠区', '沙园街')) };
	});
}

test('an override or control character cannot rewrite the page, and invisible text is no answer', async ({ page, baseURL }) => {
	const round = await needsCall();
	const url = `/rounds/${round.slug}/needs/new`;
	const valid = {
		title: '楼道灯坏了',
		description: '三号楼的灯坏了两个月。',
		category: 'elderly',
		district_id: round.district_id,
		street_id: round.street_id,
		urgency: 'medium'
	};
	const post = (form: Record<string, string>) => page.request.post(url, { form: { ...valid, ...form }, headers: browserPost(baseURL!), maxRedirects: 0 });

	// A title of zero-width characters and spaces is as empty as a blank one.
	const invisible = await post({ title: '\u200b\u200c\u3000\u200d\ufeff', affected_group: '长者' });
	expect(invisible.status()).toBe(400);
	expect(await invisible.text()).toContain('此项必填。');

	// The override and the NUL are dropped; the Arabic group sits in <bdi>, the app's "（约 30 人）" intact.
	const stored = await post({ title: '楼道灯\u0000坏了\u202e', affected_group: '\u202eمسنين', affected_count: '３０' });
	expect(stored.status()).toBe(303);
	const code = stored.headers().location.split('/').pop()!.split('?')[0].replaceAll('-', '').toLowerCase();
	const need = await withE2eDb(async (db) => {
		const row = await db.selectFrom('needs').select(['id', 'title', 'affected_group', 'affected_count']).where('receipt_code', '=', code).executeTakeFirstOrThrow();
		await db.updateTable('needs').set({ status: 'published', published_at: new Date().toISOString() }).where('id', '=', row.id).execute();
		return row;
	});
	expect(need).toMatchObject({ title: '楼道灯坏了', affected_group: 'مسنين', affected_count: 30 });

	await page.goto(`/needs/${need.id}`);
	const affected = page.locator('dd', { has: page.locator('bdi') });
	await expect(affected.locator('bdi')).toHaveText('مسنين');
	await expect(affected).toHaveText('مسنين（约 30 人）');
	expect(await page.content()).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000]/);
});

test('full-width digits from a Chinese IME count in the live total and are saved the same', async ({ page }) => {
	const slug = `ime-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
	await withE2eDb((db) => makeRound(db, 'applications', { slug, title: `输入法测试 ${slug}` }));
	await signIn(page, 'stationA');
	await page.goto(`/station/proposals/new?round=${slug}`);
	await hydrated(page);
	await page.getByLabel('项目名称').fill('输入法数字测试');
	await page.locator('#line-0-category').selectOption('materials');
	await page.locator('#line-0-item').fill('活动物资');
	await page.locator('#line-0-unit').fill('份');
	await page.locator('#line-0-quantity').fill('１５０');
	await page.locator('#line-0-price').fill('１２．５０');
	await page.getByLabel('配套资金：合作方现金（元）').fill('１，５００');
	await expect(page.getByTestId('budget-total')).toHaveText('¥1,875.00');
	await page.getByRole('button', { name: '保存草稿' }).last().click();
	await expect(page.getByRole('status').first()).toContainText('草稿已保存');
	// The saved draft holds the same amounts, in ordinary digits.
	await expect(page.locator('#line-0-quantity')).toHaveValue('150');
	await expect(page.locator('#line-0-price')).toHaveValue('12.50');
	await expect(page.getByTestId('budget-total')).toHaveText('¥1,875.00');
	await expect(page.getByLabel('配套资金：合作方现金（元）')).toHaveValue('1500.00');
});
