import { expect, test, type Page } from '@playwright/test';
import { PASSWORD } from '../fixtures/accounts';
import { createUser } from '../../src/lib/server/users';
import { insertPublishedNeed } from '../helpers/needs';
import { fixtures, hydrated, signIn } from './helpers';
import { e2eEngine, withE2eDb } from './db';

/** A station account of organisation A made for this test alone, so that disabling it moves no other test. */
async function newStaff(label: string): Promise<{ id: number; email: string; name: string }> {
	const email = `${label}-${e2eEngine()}-${Date.now()}@e2e.test`;
	const name = `临时社工${Date.now() % 100000}`;
	const id = await withE2eDb((db) => createUser(db, { email, name, password: PASSWORD, role: 'station', organisationId: fixtures().organisationA }));
	return { id, email, name };
}

async function signInAs(page: Page, email: string, password = PASSWORD) {
	await page.goto('/login');
	await hydrated(page);
	await page.getByLabel('电子邮箱').fill(email);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/station$/);
}

/** Opens the account's row actions on /admin/users. */
async function accountRow(admin: Page, name: string) {
	await admin.goto('/admin/users');
	const row = admin.getByRole('row').filter({ hasText: name });
	await row.locator('summary').click();
	return row;
}

test('a disabled account’s open session is refused on its next request, and it cannot sign in until enabled', async ({ browser }) => {
	const staff = await newStaff('disabled');
	const staffContext = await browser.newContext();
	const adminContext = await browser.newContext();
	const desk = await staffContext.newPage();
	const admin = await adminContext.newPage();
	await signInAs(desk, staff.email);
	await signIn(admin, 'admin');

	const row = await accountRow(admin, staff.name);
	await row.getByLabel('原因').fill('已离职，停用账户。');
	await row.getByRole('button', { name: '停用' }).click();
	await expect(admin.getByRole('status')).toContainText('已停用该账户');

	await desk.goto('/station');
	await expect(desk).toHaveURL(/\/login\?next=%2Fstation/);
	await desk.getByLabel('电子邮箱').fill(staff.email);
	await desk.getByLabel('密码').fill(PASSWORD);
	await desk.getByRole('button', { name: '登录' }).click();
	await expect(desk).toHaveURL(/\/login/);

	const again = await accountRow(admin, staff.name);
	await again.getByLabel('原因').fill('返岗，恢复账户。');
	await again.getByRole('button', { name: '启用' }).click();
	await expect(admin.getByRole('status')).toContainText('已启用该账户');
	await signInAs(desk, staff.email);

	const audit = await withE2eDb((db) =>
		db.selectFrom('audit_log').select('action').where('entity', '=', 'user').where('entity_id', '=', String(staff.id)).orderBy('id').execute()
	);
	expect(audit.map((a) => a.action)).toEqual(['user.disable', 'user.enable']);
	await staffContext.close();
	await adminContext.close();
});

test('a reset link an admin issues works once and ends every other session of the account', async ({ browser }) => {
	const staff = await newStaff('reset');
	const laptopContext = await browser.newContext();
	const phoneContext = await browser.newContext();
	const adminContext = await browser.newContext();
	const laptop = await laptopContext.newPage();
	const phone = await phoneContext.newPage();
	const admin = await adminContext.newPage();
	await signInAs(laptop, staff.email);
	await signIn(admin, 'admin');

	const row = await accountRow(admin, staff.name);
	await row.getByRole('button', { name: '重置密码链接' }).click();
	const link = await admin.getByLabel('重置密码链接').inputValue();
	expect(link).toMatch(/\/reset\/[^/]+\.[^/]+$/);

	await phone.goto(link);
	await phone.getByLabel('新密码', { exact: true }).fill('a-new-password-2026');
	await phone.getByLabel('再次输入新密码').fill('a-new-password-2026');
	await phone.getByRole('button', { name: '设置新密码并登录' }).click();
	await expect(phone).toHaveURL(/\/station$/);

	await laptop.goto('/station');
	await expect(laptop).toHaveURL(/\/login/);
	await phone.goto('/station');
	await expect(phone).toHaveURL(/\/station$/);

	// The same link a second time: spent.
	const thief = await browser.newContext();
	const thiefPage = await thief.newPage();
	await thiefPage.goto(link);
	await expect(thiefPage.getByRole('alert')).toContainText('已被使用');
	await expect(thiefPage.getByLabel('新密码', { exact: true })).toHaveCount(0);
	await signInAs(laptop, staff.email, 'a-new-password-2026');

	for (const context of [laptopContext, phoneContext, adminContext, thief]) await context.close();
});

test('a resident’s request: an admin looks up the receipt code (recorded), erases the contact at once, and the need stays public', async ({ page }) => {
	const code = `pv${Date.now().toString(36).slice(-6)}${e2eEngine() === 'sqlite' ? 'sq' : 'pg'}`.replace(/[01lo]/g, 'a').slice(0, 12).padEnd(12, 'a');
	const needId = await withE2eDb((db) =>
		insertPublishedNeed(db, fixtures().roundId, {
			receipt_code: code,
			title: '请求删除联系方式的需求',
			contact_name: '赵阿婆',
			contact_phone: '13700001111',
			contact_consent_at: new Date().toISOString()
		})
	);
	await signIn(page, 'admin');
	await page.goto('/admin/privacy');
	await page.getByLabel('回执码').fill(code.toUpperCase());
	await page.getByRole('button', { name: '查询' }).click();
	await expect(page.getByText('赵阿婆 13700001111')).toBeVisible();
	await page.getByLabel('如何核实了请求').fill('本人持回执单到站办理。');
	await page.getByRole('button', { name: '立即删除姓名和联系方式' }).click();
	await expect(page.getByRole('status')).toContainText('已删除');

	const stored = await withE2eDb(async (db) => ({
		need: await db.selectFrom('needs').select(['contact_name', 'contact_phone']).where('id', '=', needId).executeTakeFirstOrThrow(),
		log: await db.selectFrom('audit_log').select('action').where('entity', '=', 'need').where('entity_id', '=', String(needId)).orderBy('id').execute()
	}));
	expect(stored.need).toEqual({ contact_name: null, contact_phone: null });
	expect(stored.log.map((l) => l.action)).toEqual(['need.contact_view', 'privacy.erase_request']);
	await page.goto(`/needs/${needId}`);
	await expect(page.getByRole('heading', { name: '请求删除联系方式的需求' })).toBeVisible();
});
