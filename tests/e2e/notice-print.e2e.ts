import { expect, test } from '@playwright/test';
import { hydrated } from './helpers';
import { withE2eDb } from './db';
import { seedNoticeRound } from '../fixtures/world';

function receiptCode(): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
	return Array.from({ length: 12 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

/**
 * The public notice on a phone and on paper: one card per project at 375 px, a print button only
 * where it works, and a printed copy that says where it came from (address, QR code, publisher,
 * print date, page numbers).
 */
test('the notice reads as cards on a phone and prints with its address, QR code and page numbers', async ({ browser, baseURL }) => {
	const slug = `notice-${Date.now().toString(36)}`;
	await withE2eDb((db) => seedNoticeRound(db, { slug, title: `公示打印测试 ${slug}`, receiptCode: receiptCode() }));
	const path = `/rounds/${slug}/notice`;

	const phone = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
	await phone.goto(path);
	await hydrated(phone);
	const funded = phone.getByRole('region', { name: '拟资助项目' });
	const rows = funded.locator('tbody tr');
	expect(await rows.count()).toBeGreaterThanOrEqual(2);
	// Nothing wider than the phone, and each project a card the width of the screen.
	expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	for (const row of await rows.all()) {
		const box = (await row.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(375);
		expect(box.width).toBeGreaterThan(300);
		const title = (await row.locator('td').nth(1).boundingBox())!;
		expect(title.width, 'the title has the card’s whole width').toBeGreaterThan(250);
	}
	// Each value is named by its column on the card.
	const organisation = rows.first().locator('td').nth(3);
	expect(await organisation.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"申报主体"');
	await expect(phone.getByRole('button', { name: '打印公示（A4）' })).toBeVisible();
	await phone.screenshot({ path: test.info().outputPath('notice-375.png'), fullPage: true });

	// On paper: the address as text and as a QR code, the publisher, the print date, page numbers.
	await phone.emulateMedia({ media: 'print' });
	await expect(phone.getByText(`${baseURL}${path}`, { exact: true })).toBeVisible();
	await expect(phone.getByRole('img', { name: '本页网址的二维码' }).locator('svg path').first()).toBeAttached();
	await expect(phone.getByRole('img', { name: '本页网址的二维码' })).toBeVisible();
	await expect(phone.getByText('广州市慈善会')).toBeVisible();
	await expect(phone.getByText(/^打印时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2} 北京时间$/)).toBeVisible();
	await expect(phone.getByRole('button', { name: '打印公示（A4）' })).toBeHidden();
	const pageNumbers = await phone.evaluate(() => {
		const found: string[] = [];
		const walk = (rules: CSSRuleList) => {
			for (const rule of Array.from(rules)) {
				if (rule instanceof CSSPageRule && /counter\(pages\)/.test(rule.cssText)) found.push(rule.cssText);
				if ('cssRules' in rule && rule.cssRules) walk(rule.cssRules as CSSRuleList);
			}
		};
		for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules);
		return found.length;
	});
	expect(pageNumbers, 'one @page rule numbers the printed pages').toBe(1);
	await phone.pdf({ path: test.info().outputPath('notice.pdf'), format: 'A4' });

	// Without scripts there is no print button that would do nothing.
	const plain = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } })).newPage();
	await plain.goto(path);
	await expect(plain.getByRole('heading', { name: /资助名单公示/ })).toBeVisible();
	await expect(plain.getByRole('button', { name: '打印公示（A4）' })).toHaveCount(0);
});
