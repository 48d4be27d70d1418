import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { migrate, openDatabase } from '../../src/lib/server/db';
import { createRound } from '../../src/lib/server/rounds';
import { createUser } from '../../src/lib/server/users';
import { drawLine } from '../../src/lib/server/decisions';
import { yearInBeijing } from '../../src/lib/server/work-calendar';
import type { Phase } from '../../src/lib/domain/phases';
import { ACCOUNTS, PASSWORD } from '../fixtures/accounts';
import { NOTICE_2025 } from '../fixtures/holiday-notices';
import { makeOrganisation, makeProposal, makeUser, scheduleFor, TEST_CALENDAR_SOURCE } from '../helpers/db';
import { addReviews } from '../helpers/decision';
import { freePort, startServer, stop, type Server } from '../helpers/scale';
import { hydrated } from './helpers';
import { browserAs } from './world-server';
import { ROUND_DEFAULTS } from '../../src/lib/domain/round-defaults';

/**
 * The holiday calendar in the browser, on a server of its own whose calendar ends before this
 * year (as a real install's would once its admins stopped recording years): publishing a notice
 * is refused with a link to the calendar, an admin records the year there, and the notice goes
 * out; and an admin without scripts replaces a year by pasting the State Council's notice.
 */

let server: Server;
let roundId: number;
const path = `tests/.tmp/calendar-${process.pid}.db`;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
	mkdirSync('tests/.tmp', { recursive: true });
	for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
	const db = openDatabase(path);
	try {
		await migrate(db);
		const admin = await createUser(db, { ...ACCOUNTS.admin, password: PASSWORD, role: 'admin' });
		roundId = await createRound(
			db,
			{
				...ROUND_DEFAULTS,
				slug: 'calendar-e2e',
				title: '日历测试轮次',
				year: 2026,
				pool_fen: 10_000_000,
				reviewers_per_proposal: 1,
				...scheduleFor('decision' as Phase)
			},
			admin
		);
		const proposal = await makeProposal(db, roundId, await makeOrganisation(db));
		await addReviews(db, roundId, proposal, [80], [(await makeUser(db, 'reviewer')).id]);
		if (!(await drawLine(db, { roundId, actorId: admin, shortReviewsReason: '测试：评审份数不足时仍划线' })).ok) throw new Error('draw failed');
		// A calendar that ends with last year: this year (and any later one) is not recorded.
		const thisYear = yearInBeijing();
		await db.deleteFrom('calendar_days').where('year', '>=', thisYear).execute();
		await db.deleteFrom('calendar_years').where('year', '>=', thisYear).execute();
	} finally {
		await db.destroy();
	}
	server = await startServer(path, await freePort());
});

test.afterAll(async () => {
	if (server) await stop(server);
});

/** Weekdays in `year`: what a year of weekends only has as working days. */
function weekdaysIn(year: number): number {
	let n = 0;
	for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) {
		if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n += 1;
	}
	return n;
}

async function publish(page: Page) {
	await page.goto(`/admin/rounds/${roundId}/decision`);
	await hydrated(page);
	await page.getByRole('button', { name: '发布公示' }).click();
}

test('a notice reaching a year not recorded is refused with a link; recording the year lets it out', async ({ browser }) => {
	const context = await browserAs(browser, server.base, 'admin');
	const page = await context.newPage();
	// Published today, the notice starts tomorrow: this year, or next year on 31 December.
	const missing = yearInBeijing(new Date(Date.now() + 86_400_000));
	await publish(page);
	await expect(page.getByRole('alert')).toContainText(`公示期将延续到 ${missing} 年，但节假日日历中还没有 ${missing} 年的放假和调休安排`);
	await page.getByRole('link', { name: `录入 ${missing} 年的放假安排` }).click();
	await expect(page).toHaveURL(new RegExp(`/admin/calendar\\?year=${missing}#record$`));
	await hydrated(page);
	await expect(page.getByLabel('年份')).toHaveValue(String(missing));
	await expect(page.getByText(`尚未录入 ${missing} 年的放假安排`)).toBeVisible();

	// Test data: a year of weekends only, which departs from the statutory pattern on purpose.
	await page.getByLabel('依据的通知').fill(TEST_CALENDAR_SOURCE);
	await page.getByRole('button', { name: '预览' }).click();
	await expect(page.getByText('是固定日期的法定节假日')).toBeVisible();
	await page.getByLabel(/与法定节假日的常规安排不一致/).check();
	await page.getByRole('button', { name: '预览' }).click();
	const preview = page.locator('#preview');
	await expect(preview.getByRole('heading', { name: `${missing} 年预览` })).toBeVisible();
	await expect(preview).toContainText(`全年 ${weekdaysIn(missing)} 个工作日`);
	await expect(preview).toContainText(`${missing} 年尚未录入：保存将新增这一年。`);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status')).toHaveText(`已保存 ${missing} 年的放假安排。`);
	const recorded = page.locator(`#year-${missing}`);
	await expect(recorded).toContainText(`依据：${TEST_CALENDAR_SOURCE}`);
	await expect(recorded).toContainText(`${ACCOUNTS.admin.name}于`);
	await expect(recorded).toContainText('与法定节假日的常规安排不一致（录入人已确认）');

	// On 31 December the period may reach one more year; it is recorded the same way.
	await publish(page);
	const refusal = page.getByRole('link', { name: /^录入 \d{4} 年的放假安排$/ });
	if (await refusal.isVisible()) {
		const next = missing + 1;
		await refusal.click();
		await page.getByLabel('依据的通知').fill(TEST_CALENDAR_SOURCE);
		await page.getByLabel(/与法定节假日的常规安排不一致/).check();
		await page.getByRole('button', { name: '保存' }).click();
		await expect(page.getByRole('status')).toHaveText(`已保存 ${next} 年的放假安排。`);
		await publish(page);
	}
	await expect(page.getByText(/公示发布于 .+，截止 .+。/)).toBeVisible();
	await context.close();
});

test('without scripts, in English, an admin replaces a year by pasting the State Council’s notice', async ({ browser }) => {
	const context = await browserAs(browser, server.base, 'admin', { javaScriptEnabled: false });
	await context.addCookies([{ name: 'lang', value: 'en', url: server.base }]);
	const page = await context.newPage();
	await page.goto('/admin/calendar');
	await page.getByRole('link', { name: 'Replace the 2025 arrangement' }).click();
	await expect(page.getByLabel('Year', { exact: true })).toHaveValue('2025');
	await expect(page.getByText('2025 is recorded already: saving replaces it, and needs a reason.')).toBeVisible();

	// The notice's items pasted into both lists, but with Labour Day's line left out of the days off.
	const slip = NOTICE_2025.split('\n')
		.filter((line) => !line.startsWith('四、'))
		.join('\n');
	await page.getByLabel('Days off (放假)').fill(slip);
	await page.getByLabel('Weekend days worked (调休上班)').fill(NOTICE_2025);
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByText('The days off lack 2025-05-01: New Year’s Day (1 January), Labour Day (1–2 May)')).toBeVisible();
	// What was typed is still there.
	await expect(page.getByLabel('Days off (放假)')).toHaveValue(slip);

	await page.getByLabel('Days off (放假)').fill(NOTICE_2025);
	await page.getByLabel('The notice it comes from').fill('国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）');
	await page.getByRole('button', { name: 'Preview' }).click();
	const preview = page.locator('#preview');
	await expect(preview).toContainText('248 working days in the year');
	await expect(preview).toContainText('18 weekdays off, less 5 weekend days worked, make 13 statutory holidays');
	await expect(preview).toContainText('2025-01-28 (Tue) to 2025-02-04 (Tue), 8 days');
	await expect(preview).toContainText('No published notice is affected.');
	await expect(preview).toContainText('Saving replaces the arrangement recorded on');

	// Replacing a year needs a reason.
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('This year is recorded already: give a reason to replace it.')).toBeVisible();
	await page.getByLabel(/^Reason/).fill('补充通知文号');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('The 2025 arrangement is saved.');
	await expect(page.locator('#year-2025')).toContainText('Source: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）');
	await expect(page.locator('#year-2025')).toContainText('248 working days in the year');

	await page.goto('/admin/audit?action=calendar.replace');
	await expect(page.locator('tbody tr')).toHaveCount(1);
	await expect(page.locator('tbody tr')).toContainText('补充通知文号');
	await context.close();
});
