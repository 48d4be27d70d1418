import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD } from '../fixtures/accounts';
import { browserPost, fixtures, signIn } from './helpers';

test('health check answers ok', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.text()).toBe('ok');
});

test('pages carry the security headers', async ({ request }) => {
	const response = await request.get('/login');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	// A page that ships no scripts (the home page) allows no inline one either.
	const home = (await request.get('/')).headers();
	expect(home['content-security-policy']).toContain("script-src 'self';");
	expect(home['x-content-type-options']).toBe('nosniff');
});

test('a cross-site form post is refused', async ({ request }) => {
	const response = await request.post('/login', {
		form: { email: ACCOUNTS.admin.email, password: PASSWORD },
		headers: browserPost('https://evil.example'),
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
});

test('is Chinese by default and switches to English and back without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('link', { name: '社区公益微创投' })).toBeVisible();
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'Community Micro-grants' })).toBeVisible();
	await page.getByRole('button', { name: '中文' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await context.close();
});

test('sign-in says the same for an unknown email as for a wrong password', async ({ page, request, baseURL }) => {
	await page.goto('/login');
	await page.getByLabel('电子邮箱').fill('nobody@e2e.test');
	await page.getByLabel('密码').fill('whatever-password');
	await page.getByRole('button', { name: '登录' }).click();
	const unknown = await page.getByRole('alert').textContent();
	await page.getByLabel('电子邮箱').fill(ACCOUNTS.reviewer3.email);
	await page.getByLabel('密码').fill('wrong-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText(unknown!);
	expect(unknown).toContain('邮箱或密码不正确');
	// The typed email is kept; the password is never sent back by the server.
	await expect(page.getByLabel('电子邮箱')).toHaveValue(ACCOUNTS.reviewer3.email);
	const html = await (
		await request.post('/login', {
			form: { email: ACCOUNTS.reviewer3.email, password: 'wrong-password-echo' },
			headers: browserPost(baseURL!)
		})
	).text();
	expect(html).toContain(ACCOUNTS.reviewer3.email);
	expect(html).not.toContain('wrong-password-echo');
});

test('the session cookie is HttpOnly and SameSite=Lax, and signing out ends it', async ({ page, context }) => {
	await signIn(page, 'reviewer2');
	const cookie = (await context.cookies()).find((c) => c.name === 'session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	await page.getByRole('button', { name: '退出' }).click();
	await page.goto('/review');
	await expect(page).toHaveURL(/\/login\?next=%2Freview/);
});

test('public pages fit a 375-px phone without sideways scrolling', async ({ browser }) => {
	const ids = fixtures();
	const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
	const page = await context.newPage();
	const pages = [
		'/',
		`/rounds/${ids.roundSlug}`,
		`/rounds/${ids.roundSlug}/needs`,
		`/rounds/${ids.roundSlug}/needs/new`,
		`/needs/${ids.needId}`,
		`/track/${ids.receiptCode}`,
		`/rounds/${ids.roundSlug}/results`,
		`/rounds/${ids.roundSlug}/stats`,
		'/login'
	];
	for (const path of pages) {
		await page.goto(path);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
	await context.close();
});
