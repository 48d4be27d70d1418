import { expect, test } from '@playwright/test';
import { CITY_PASSWORD } from '../../src/lib/server/seed/city';
import { freePort, prepareDatabase, startServer, stop, type Server } from '../helpers/scale';
import { withDatabase } from '../helpers/test-targets';
import { e2eEngine } from './db';

/**
 * Nobody can lock the owner out of their account: wrong passwords from elsewhere slow down the
 * guesser and every browser the owner never used, never the browser where the owner signed in
 * before. It runs against a server of its own with rate limits on and the client address taken
 * from X-Forwarded-For (as behind a proxy), so that the attack can come from many addresses and
 * the shared server's other tests are not slowed down by it.
 */

test.describe('sign-in throttling', () => {
	test.describe.configure({ timeout: 120_000 });
	let server: Server;
	let admin: string;

	test.beforeAll(async () => {
		const target = await prepareDatabase('lockout', e2eEngine());
		server = await startServer(target, await freePort(), { RATE_LIMITS: 'on', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
		admin = await withDatabase(target, async (db) =>
			(await db.selectFrom('users').select('email').where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow()).email
		);
	});

	test.afterAll(async () => {
		if (server) await stop(server);
	});

	test('30 failures from elsewhere, then the owner’s browser signs in', async ({ browser }) => {
		const owner = await browser.newContext({ baseURL: server.base, extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.10' } });
		const page = await owner.newPage();
		const signInHere = async () => {
			await page.goto('/login');
			await page.getByLabel('电子邮箱').fill(admin);
			await page.getByLabel('密码').fill(CITY_PASSWORD);
			await page.getByRole('button', { name: '登录' }).click();
		};
		await signInHere();
		await expect(page).toHaveURL(/\/admin$/);
		const device = (await owner.cookies()).find((c) => c.name === 'device');
		expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
		await page.getByRole('button', { name: '退出' }).click();
		await expect(page).not.toHaveURL(/\/admin/);

		// Thirty wrong passwords for the admin, from thirty addresses (IPv4 and IPv6).
		const statuses: number[] = [];
		for (let i = 0; i < 30; i++) {
			const address = i % 2 ? `198.51.100.${i}` : `2001:db8:${i}::1`;
			const r = await fetch(`${server.base}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
				body: new URLSearchParams({ email: admin, password: `guess-${i}` })
			});
			await r.arrayBuffer();
			statuses.push(r.status);
		}
		// After five free failures each one doubles the wait (2 s, 4 s, 8 s…): to be heard 12 times
		// the guesser would need over two minutes, longer than this test may run. So most waited.
		expect(statuses.every((s) => s === 400 || s === 429), statuses.join(' ')).toBe(true);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(18);

		// The owner's browser, where they signed in before: straight in, however long the guesser waits.
		await signInHere();
		await expect(page).toHaveURL(/\/admin$/);
		await owner.close();
	});
});
