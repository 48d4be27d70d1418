import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { ACCOUNTS, PASSWORD, fixtureFile, type AccountKey, type FixtureIds } from '../fixtures/accounts';
import { e2eEngine } from './db';

export function fixtures(): FixtureIds {
	return JSON.parse(readFileSync(fixtureFile(e2eEngine()), 'utf8')) as FixtureIds;
}

/**
 * Waits until the page's scripts have taken over (see the root layout); at once in a context
 * without JavaScript, or on a page that ships none (`csr = false`). (A browser parses <noscript>
 * content as markup only when scripting is off.)
 */
export async function hydrated(page: Page): Promise<void> {
	const scripting = await page.evaluate(() => {
		const probe = document.createElement('noscript');
		probe.innerHTML = '<i></i>';
		return probe.childElementCount === 0 && document.scripts.length > 0;
	});
	if (scripting) await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, who: AccountKey): Promise<void> {
	await page.goto('/login');
	await hydrated(page);
	const email = page.getByLabel('电子邮箱');
	await email.fill(ACCOUNTS[who].email);
	await page.getByLabel('密码').fill(PASSWORD);
	await expect(email).toHaveValue(ACCOUNTS[who].email);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/**
 * The headers of a plain HTML form post from a page at `origin`. Without `accept: text/html`
 * SvelteKit answers form actions in JSON for `use:enhance`, not with the 303 a browser gets.
 */
export function browserPost(origin: string) {
	return { origin, accept: 'text/html' };
}

/** Signs an API request context in (cookies kept in the context), for HTTP-level checks. */
export async function apiSignIn(request: APIRequestContext, baseURL: string, who: AccountKey) {
	const response = await request.post('/login', {
		form: { email: ACCOUNTS[who].email, password: PASSWORD },
		headers: browserPost(baseURL),
		maxRedirects: 0
	});
	expect(response.status(), `sign-in as ${who}`).toBe(303);
}
