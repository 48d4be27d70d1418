import { expect, test } from '@playwright/test';
import { createRound } from '../../src/lib/server/rounds';
import { scheduleFor } from '../helpers/db';
import { withE2eDb } from './db';
import { hydrated, signIn } from './helpers';
import { ROUND_DEFAULTS } from '../../src/lib/domain/round-defaults';

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

test('a resident’s description typed before the scripts arrive is kept', async ({ page }) => {
	const slug = `slow-${Date.now().toString(36)}`;
	await withE2eDb((db) =>
		createRound(
			db,
			{
				...ROUND_DEFAULTS,
				slug,
				title: '慢网络测试轮次',
				year: 2020,
				pool_fen: 10_000_000,
				...scheduleFor('needs_call')
			},
			null
		)
	);
	let release!: () => void;
	const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsMayLoad;
		await route.continue();
	});
	await page.goto(`/rounds/${slug}/needs/new`, { waitUntil: 'domcontentloaded' });
	await page.getByLabel('需求标题').fill('楼道灯坏了');
	await page.getByLabel('具体情况').fill('三号楼楼道灯坏了两个月，老人晚上摔倒过。');
	release();
	await hydrated(page);
	await expect(page.getByLabel('需求标题')).toHaveValue('楼道灯坏了');
	await expect(page.getByLabel('具体情况')).toHaveValue('三号楼楼道灯坏了两个月，老人晚上摔倒过。');
});
