import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './helpers';

/**
 * On a slow phone network the page is usable before its scripts arrive; what a resident types
 * in that time must survive the moment the scripts take over.
 */
test('typing before the scripts arrive is kept when they do', async ({ page }) => {
	let release!: () => void;
	const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsMayLoad;
		await route.continue();
	});
	await page.goto('/login', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('电子邮箱').fill('slow@e2e.test');
	release();
	await hydrated(page);
	await expect(page.getByLabel('电子邮箱')).toHaveValue('slow@e2e.test');
});

test('a choice made before the scripts arrive is kept too', async ({ page }) => {
	await signIn(page, 'admin');
	let release!: () => void;
	const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsMayLoad;
		await route.continue();
	});
	await page.goto('/admin/users', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('姓名').fill('慢网络');
	await page.getByLabel('角色').selectOption('reviewer');
	release();
	await hydrated(page);
	await expect(page.getByLabel('姓名')).toHaveValue('慢网络');
	await expect(page.getByLabel('角色')).toHaveValue('reviewer');
});
