import { expect, test } from '@playwright/test';
import { generateHOTP, generateTOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { ACCOUNTS, PASSWORD } from '../fixtures/accounts';
import { withDatabase } from '../helpers/test-targets';
import { browserAs, startWorld, stopWorld, type WorldServer } from './world-server';

/**
 * Two-factor sign-in required of admins. The requirement is a setting of the whole federation, so
 * this runs on a world of its own: turning it on moves nothing under the other tests.
 */

let world: WorldServer;
test.describe.configure({ timeout: 180_000 });
test.beforeAll(async () => {
	world = await startWorld('two-factor');
	await withDatabase(world.target, (db) =>
		db.insertInto('app_settings').values({ key: 'two_factor_required', value: 'admins', updated_at: new Date().toISOString(), updated_by: null }).execute()
	);
});
test.afterAll(async () => {
	await stopWorld(world);
});

test('an admin without a second factor reaches no admin page until enrolled; then signs in with password and code', async ({ browser }) => {
	const context = await browserAs(browser, world.base, 'admin');
	const page = await context.newPage();
	for (const path of ['/admin', '/admin/users', `/admin/rounds/${world.ids.roundId}/decision`, `/admin/rounds/${world.ids.callRoundId}/needs/export.csv`]) {
		const response = await context.request.get(`${world.base}${path}`, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers().location, path).toBe('/account/two-factor?required=1');
	}
	// Other roles are not asked.
	const station = await browserAs(browser, world.base, 'stationA');
	expect((await station.request.get(`${world.base}/station`, { maxRedirects: 0 })).status()).toBe(200);

	await page.goto(`${world.base}/admin/users`);
	await expect(page).toHaveURL(/\/account\/two-factor\?required=1$/);
	const key = (await page.getByTestId('totp-key').textContent())!.trim();
	const code = () => generateTOTP(decodeBase32IgnorePadding(key), 30, 6);
	await page.getByLabel('验证码').fill(code());
	await page.getByRole('button', { name: '开启两步验证' }).click();
	await expect(page.getByRole('list', { name: '恢复码' }).locator('li')).toHaveCount(10);
	await page.goto(`${world.base}/admin/users`);
	await expect(page.getByRole('heading', { name: '用户与邀请' })).toBeVisible();

	// A new browser: the password alone opens nothing.
	const fresh = await browser.newContext({ baseURL: world.base });
	const other = await fresh.newPage();
	await other.goto('/login');
	await other.getByLabel('电子邮箱').fill(ACCOUNTS.admin.email);
	await other.getByLabel('密码').fill(PASSWORD);
	await other.getByRole('button', { name: '登录' }).click();
	await expect(other).toHaveURL(/\/login\/two-factor/);
	expect((await fresh.request.get('/admin', { maxRedirects: 0 })).headers().location).toMatch(/^\/login\?next=/);
	await other.getByLabel('验证码').fill('000000' === code() ? '111111' : '000000');
	await other.getByRole('button', { name: '验证并登录' }).click();
	await expect(other.getByText('验证码不正确或已过期。')).toBeVisible();
	// Each code is good once: the enrolment spent the current one, so the app's next code (the
	// one a step ahead is accepted as a phone clock a little fast) signs in, and only once.
	const nextCode = generateHOTP(decodeBase32IgnorePadding(key), BigInt(Math.floor(Date.now() / 30_000) + 1), 6);
	await other.getByLabel('验证码').fill(nextCode);
	await other.getByRole('button', { name: '验证并登录' }).click();
	await expect(other).toHaveURL(/\/admin$/);

	const replayed = await browser.newContext({ baseURL: world.base });
	const third = await replayed.newPage();
	await third.goto('/login');
	await third.getByLabel('电子邮箱').fill(ACCOUNTS.admin.email);
	await third.getByLabel('密码').fill(PASSWORD);
	await third.getByRole('button', { name: '登录' }).click();
	await third.getByLabel('验证码').fill(nextCode);
	await third.getByRole('button', { name: '验证并登录' }).click();
	await expect(third.getByText('这个验证码已经用过')).toBeVisible();
	expect((await replayed.request.get('/admin', { maxRedirects: 0 })).headers().location).toMatch(/^\/login\?next=/);
	for (const c of [context, station, fresh, replayed]) await c.close();
});
