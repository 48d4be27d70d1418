import sharp from 'sharp';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';
import { withE2eDb } from './db';
import { ACCOUNTS } from '../fixtures/accounts';
import { createRound } from '../../src/lib/server/rounds';
import { fundRound, seedFund } from '../../src/lib/server/seed/funds';
import { ROUND_DEFAULTS } from '../../src/lib/domain/round-defaults';
import { recordAgreement } from '../../src/lib/server/grants';
import { todayIn } from '../../src/lib/server/grant-views';
import { scheduleFor } from '../helpers/db';

/**
 * Beside the reports, through the browser: a photo's GPS tags are gone from the file the public
 * gets once an admin approved it, and before that nobody but the station and admins gets it; a
 * budget change over 10 % of a line waits for the admin; the round's disclosure CSV lists the project.
 */

/** A signed project of station A worth ¥50,000: 课堂材料 ¥30,000 and 场地 ¥20,000. */
async function signedProject(slug: string) {
	return withE2eDb(async (db) => {
		const roundId = await createRound(
			db,
			{ ...ROUND_DEFAULTS, slug, title: `报告附件测试轮次 ${slug}`, year: 2026, pool_fen: 10_000_000, proposals_per_org: 10, reviewers_per_proposal: 3, ...scheduleFor('implementation') },
			null
		);
		const fundId = await seedFund(db, { name: `报告附件测试基金 ${slug}`, kind: 'federation' }, null);
		await fundRound(db, { fundId, roundId, amountFen: 10_000_000, on: '2026-01-05', actorId: null });
		const station = await db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', ACCOUNTS.stationA.email).executeTakeFirstOrThrow();
		const admin = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.admin.email).executeTakeFirstOrThrow();
		const now = new Date().toISOString();
		const { id } = await db
			.insertInto('proposals')
			.values({
				round_id: roundId, organisation_id: station.organisation_id!, title: `长者健康课堂 ${slug}`, summary: '项目简介', requested_fen: 5_000_000,
				status: 'funded', award_fen: 5_000_000, funding_reason: 'funded', funding_rank: 1, decision_reason: null,
				created_by: station.id, created_at: now, updated_at: now, submitted_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('budget_lines')
			.values([
				{ proposal_id: id, position: 0, category: 'activities', item: '课堂材料', unit: '套', quantity: 10, unit_price_fen: 300_000 },
				{ proposal_id: id, position: 1, category: 'activities', item: '场地', unit: '次', quantity: 10, unit_price_fen: 200_000 }
			])
			.execute();
		const confirmed = new Date(Date.now() - 86_400_000).toISOString();
		await db.updateTable('rounds').set({ results_confirmed_at: confirmed, results_published_at: confirmed }).where('id', '=', roundId).execute();
		const signed = await recordAgreement(db, { proposalId: id, roundId, actorId: admin.id, number: `GZ-${slug}`, signedOn: todayIn('Asia/Shanghai'), payeeAccountName: '社工站', amountsFen: null, planReason: null });
		expect(signed.ok).toBe(true);
		return { roundId, id };
	});
}

async function signedInPage(browser: import('@playwright/test').Browser, who: 'stationA' | 'stationB' | 'admin'): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, who);
	return page;
}

/** On a 375-px phone the page's form fits the screen: nothing scrolls sideways (and a screenshot to look at). */
async function fitsPhone(page: Page, name: string) {
	await page.setViewportSize({ width: 375, height: 812 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await page.screenshot({ path: test.info().outputPath(`${name}-375.png`), fullPage: true });
}

test('a report photo is served to the public only once approved, and without its GPS tags', async ({ browser, request }) => {
	test.setTimeout(180_000);
	const slug = `photo-${Date.now().toString(36)}`;
	const p = await signedProject(slug);
	const [station, other, admin] = [await signedInPage(browser, 'stationA'), await signedInPage(browser, 'stationB'), await signedInPage(browser, 'admin')];
	const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
		.jpeg()
		.withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 7/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 15/1 0/1' } })
		.toBuffer();
	// The phone's EXIF block is there, GPS IFD included (GPSLatitudeRef 'N' is tag 1 of IFD 3).
	const exif = (await sharp(photo).metadata()).exif;
	expect([exif?.includes(Buffer.from('PhoneCo')), exif?.includes(Buffer.from([0x01, 0x00, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, 0x4e]))]).toEqual([true, true]);

	await station.goto(`/station/proposals/${p.id}/reports/midterm`);
	await station.getByRole('link', { name: '照片与票据' }).click();
	await expect(station.getByRole('heading', { level: 1 })).toContainText('照片与票据');
	await fitsPhone(station, 'report-files');
	await station.getByLabel('文件（照片 JPEG/PNG；票据 PDF/JPEG/PNG；不超过 10 MB）').setInputFiles({ name: 'IMG_0042.JPG', mimeType: 'image/jpeg', buffer: photo });
	await station.getByLabel('说明').fill('长者健康讲座');
	await station.getByRole('button', { name: '上传' }).click();
	await expect(station.getByRole('status')).toHaveText('已上传。');
	const item = station.locator('li[data-file]');
	await expect(item).toHaveCount(1);
	await expect(item.getByText('待审核')).toBeVisible();
	const fileId = (await item.getAttribute('data-file'))!;

	// Before approval: the station and admins only; anonymous and another station get 404.
	expect((await request.get(`/report-files/${fileId}`)).status()).toBe(404);
	expect((await other.request.get(`/report-files/${fileId}`)).status()).toBe(404);
	expect((await station.request.get(`/report-files/${fileId}`)).status()).toBe(200);
	await admin.goto(`/projects/${p.id}`);
	await expect(admin.locator(`img[src="/report-files/${fileId}"]`)).toHaveCount(0);

	await admin.goto(`/admin/rounds/${p.roundId}/projects/${p.id}/reports/midterm/files`);
	await admin.getByRole('button', { name: '批准公开' }).click();
	await expect(admin.getByRole('status')).toHaveText('照片已批准公开。');

	const served = await request.get(`/report-files/${fileId}`);
	expect(served.status()).toBe(200);
	const bytes = await served.body();
	const meta = await sharp(bytes).metadata();
	expect([meta.format, meta.exif, meta.width, meta.height]).toEqual(['jpeg', undefined, 64, 48]);
	expect(bytes.includes(Buffer.from([0x01, 0x00, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, 0x4e]))).toBe(false);
	expect(bytes.includes(Buffer.from('PhoneCo'))).toBe(false);
	const page = await (await browser.newContext()).newPage();
	await page.goto(`/projects/${p.id}`);
	await expect(page.getByRole('img', { name: '长者健康讲座' })).toBeVisible();
});

test('a budget change over 10 % of a line waits for the admin; the disclosure CSV lists the project', async ({ browser, request }) => {
	test.setTimeout(180_000);
	const slug = `budget-${Date.now().toString(36)}`;
	const p = await signedProject(slug);
	const [station, admin] = [await signedInPage(browser, 'stationA'), await signedInPage(browser, 'admin')];

	await station.goto(`/station/proposals/${p.id}/budget`);
	await fitsPhone(station, 'budget');
	// ¥1,000 is 5 % of 场地 and under 4 % of 课堂材料: in force at once.
	await station.getByLabel('从此科目调出').selectOption({ label: '课堂材料（¥30,000.00）' });
	await station.getByLabel('调入此科目').selectOption({ label: '场地（¥20,000.00）' });
	await station.getByLabel('金额（元）').fill('1000');
	await station.getByLabel('调整理由').fill('场地租金上涨');
	await station.getByRole('button', { name: '提交调整' }).click();
	await expect(station.getByRole('status')).toHaveText('调整已生效。');
	// ¥5,000 is over 10 % of both lines: it waits.
	await station.getByLabel('从此科目调出').selectOption({ label: '课堂材料（¥29,000.00）' });
	await station.getByLabel('调入此科目').selectOption({ label: '场地（¥21,000.00）' });
	await station.getByLabel('金额（元）').fill('5000');
	await station.getByLabel('调整理由').fill('增加活动场次');
	await station.getByRole('button', { name: '提交调整' }).click();
	await expect(station.getByRole('status')).toHaveText('调整超过相关科目的 10%，已提交管理员审批。');
	const current = station.getByRole('region', { name: '当前预算' });
	await expect(current.getByRole('row', { name: '场地' })).toContainText('¥21,000.00');
	await expect(station.getByTestId('budget-change').first()).toContainText('待管理员审批');

	await admin.goto(`/admin/rounds/${p.roundId}/projects/${p.id}/budget`);
	await admin.getByRole('button', { name: '批准', exact: true }).click();
	await expect(admin.getByRole('status')).toHaveText('已批准该调整。');
	await expect(admin.getByRole('region', { name: '当前预算' }).getByRole('row', { name: '场地' })).toContainText('¥26,000.00');
	await expect(admin.getByRole('region', { name: '当前预算' }).getByRole('row', { name: '合计' })).toContainText('¥50,000.00');
	// Beside the report: the history, and the spending table's budget is the current one.
	await station.goto(`/station/proposals/${p.id}/reports/midterm`);
	await expect(station.getByTestId('budget-change')).toHaveCount(2);
	await expect(station.getByRole('row', { name: /场地/ }).first()).toContainText('¥26,000.00');

	const csv = await request.get(`/rounds/${slug}/disclosure.csv`);
	expect(csv.status()).toBe(200);
	const text = await csv.text();
	expect(text).toContain(`,${p.id},长者健康课堂 ${slug},`);
	expect(text).toContain(',signed,5000000,0,0,0,');
});
