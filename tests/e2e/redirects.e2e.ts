import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD } from '../fixtures/accounts';
import { apiSignIn, browserPost } from './helpers';

/**
 * Where sign-in and the language switch send people afterwards. A target that is not a plain
 * path of this site goes to the role's home (or the front page); a good one keeps its query.
 * Nothing here may answer 500, and no session cookie may come with a failed answer.
 */

const SEARCH = '/admin/rounds/3/needs?q=%E9%95%BF%E8%80%85';
// The same list, read as raw query values: each is what `next` decodes to.
const HOSTILE_NEXT = ['/%09/evil.example', '/%0B/x', '/%0C/x', '/%E3%80%80/x', '/%5C/evil.example', '//evil.example', 'https:evil.example'];

test('sign-in goes back to a good target with its query, and to the home page otherwise', async ({ playwright, baseURL }) => {
	const request = await playwright.request.newContext({ baseURL });
	for (const next of [encodeURIComponent(SEARCH), ...HOSTILE_NEXT]) {
		const response = await request.post(`/login?next=${next}`, {
			form: { email: ACCOUNTS.admin.email, password: PASSWORD },
			headers: browserPost(baseURL!),
			maxRedirects: 0
		});
		expect(response.status(), next).toBe(303);
		expect(response.headers().location, next).toBe(next === encodeURIComponent(SEARCH) ? SEARCH : '/admin');
	}
	// Signed in now: the sign-in page sends the visitor on at once, by the same rule.
	for (const next of [encodeURIComponent(SEARCH), ...HOSTILE_NEXT]) {
		const response = await request.get(`/login?next=${next}`, { maxRedirects: 0 });
		expect(response.status(), next).toBe(303);
		expect(response.headers().location, next).toBe(next === encodeURIComponent(SEARCH) ? SEARCH : '/admin');
	}
	await request.dispose();
});

test('a refused sign-in with an odd target answers the form again, not a 500', async ({ request, baseURL }) => {
	// Refused for a missing password, so that no failure counts against the shared accounts.
	for (const next of HOSTILE_NEXT) {
		const response = await request.post(`/login?next=${next}`, {
			form: { email: ACCOUNTS.admin.email, password: '' },
			headers: browserPost(baseURL!),
			maxRedirects: 0
		});
		expect(response.status(), next).toBe(400);
		expect(response.headers()['set-cookie'] ?? '', next).not.toContain('session=');
	}
});

test('the language switch goes back only to a path of this site', async ({ request, baseURL }) => {
	const cases: [string, string][] = [
		['/rounds/x/needs?q=长者', '/rounds/x/needs?q=%E9%95%BF%E8%80%85'],
		['/\u3000/evil.example', '/'],
		['/\u000b/x', '/'],
		['/\f/x', '/'],
		['/\t/evil.example', '/'],
		['/%09/evil.example', '/'],
		['//evil.example', '/'],
		['/\\evil.example', '/'],
		['https://evil.example/', '/']
	];
	for (const [redirectTo, location] of cases) {
		const response = await request.post('/lang', {
			form: { lang: 'en', redirectTo },
			headers: browserPost(baseURL!),
			maxRedirects: 0
		});
		expect(response.status(), JSON.stringify(redirectTo)).toBe(303);
		expect(response.headers().location, JSON.stringify(redirectTo)).toBe(location);
	}
});

test('a signed-in staff member following a crafted link stays on this site', async ({ request, baseURL }) => {
	await apiSignIn(request, baseURL!, 'admin');
	const response = await request.get('/login?next=/%09/evil.example', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers().location).toBe('/admin');
});
