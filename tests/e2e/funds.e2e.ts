import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { withE2eDb } from './db';
import { seedResultsRound } from '../fixtures/world';
import { fundRound, seedFund, seedIncome } from '../../src/lib/server/seed/funds';

const NAMED = '陈阿姨（同意公开）';
const PRIVATE = '黄伯（未同意公开）';

function receiptCode(): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
	return Array.from({ length: 12 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

/** A street's fund with a named and an anonymous donor, which paid a decided round's pool. */
async function arrange(tag: string) {
	return withE2eDb(async (db) => {
		const slug = `funds-${tag}`;
		const roundId = await seedResultsRound(db, { slug, title: `基金测试轮次 ${tag}`, receiptCode: receiptCode() });
		const fundId = await seedFund(db, { name: `基金测试 ${tag}`, kind: 'federation', host: '测试慈善会' }, null);
		await seedIncome(db, { fundId, amountFen: 50_000, receivedOn: '2024-02-01', sourceType: 'resident', donorName: NAMED, donorConsent: true, campaign: '广益联募', actorId: null });
		await seedIncome(db, { fundId, amountFen: 70_000, receivedOn: '2024-02-02', sourceType: 'resident', donorName: PRIVATE, donorConsent: false, actorId: null });
		const pool = await db.selectFrom('rounds').select('pool_fen').where('id', '=', roundId).executeTakeFirstOrThrow();
		await fundRound(db, { fundId, roundId, amountFen: Number(pool.pool_fen), on: '2024-03-01', actorId: null });
		return { slug, fundId, poolFen: Number(pool.pool_fen) };
	});
}

test('a fund’s pages, disclosure and CSV, and its round’s ledger, name consenting donors only and reconcile', async ({ request }) => {
	const tag = Date.now().toString(36);
	const { slug, fundId, poolFen } = await arrange(tag);
	const urls = ['/funds', `/funds/${fundId}`, `/funds/${fundId}/disclosure`, `/funds/${fundId}/ledger.csv`, `/rounds/${slug}`, `/rounds/${slug}/ledger.json`, `/rounds/${slug}/ledger.csv`];
	const bodies: Record<string, string> = {};
	for (const url of urls) {
		const response = await request.get(url);
		expect(response.status(), url).toBe(200);
		bodies[url] = await response.text();
		expect(bodies[url], url).not.toContain(PRIVATE);
	}
	expect(Object.keys(bodies)).toHaveLength(7);
	for (const url of [`/funds/${fundId}`, `/funds/${fundId}/disclosure`, `/funds/${fundId}/ledger.csv`]) expect(bodies[url], url).toContain(NAMED);
	expect(bodies[`/funds/${fundId}/disclosure`]).toContain('匿名');
	// The round page says where its pool came from.
	expect(bodies[`/rounds/${slug}`]).toContain(`基金测试 ${tag}`);

	const ledger = JSON.parse(bodies[`/rounds/${slug}/ledger.json`]);
	const results = await (await request.get(`/rounds/${slug}/results.json`)).json();
	expect(ledger.totals.allocatedFen).toBe(poolFen);
	expect(ledger.totals.allocatedFen).toBe(results.totals.poolFen);
	expect(ledger.totals.allocatedFen).toBe(ledger.totals.committedFen + ledger.totals.uncommittedFen);
	expect(ledger.totals.committedFen).toBe(ledger.totals.paidFen + ledger.totals.toPayFen);
	expect(ledger.totals.paidFen).toBe(ledger.totals.spentAsReportedFen + ledger.totals.returnedFen + ledger.totals.unreportedFen);
	expect(ledger.sources).toEqual([{ fundId, fund: `基金测试 ${tag}`, allocatedFen: poolFen }]);
});

test('an admin records a donation and allocates to a round; too much is refused naming the shortfall', async ({ page }) => {
	test.setTimeout(120_000);
	const tag = `ui${Date.now().toString(36)}`;
	const { slug, fundId } = await arrange(tag);
	await signIn(page, 'admin');
	await page.goto(`/admin/funds/${fundId}`);
	// The balance is what came in less the pool: ¥1,200.00 of donations, all of the pool allocated.
	await expect(page.getByText('当前余额：¥1,200.00')).toBeVisible();

	const income = page.locator('form[action="?/income"]');
	await income.getByLabel('金额（元）').fill('300');
	await income.getByLabel('捐赠方名称').fill('林先生（未同意公开）');
	await income.getByLabel('募捐活动（如广益联募）').fill('99公益日');
	await income.getByRole('button', { name: '记入账本' }).click();
	await expect(page.getByRole('status')).toContainText('已记入账本');
	await expect(page.getByText('当前余额：¥1,500.00')).toBeVisible();

	const allocation = page.locator('form[action="?/allocate"]');
	await allocation.getByLabel('轮次').selectOption({ label: `基金测试轮次 ${tag}` });
	await allocation.getByLabel('金额（元）').fill('2000');
	await allocation.getByRole('button', { name: '拨款' }).click();
	await expect(page.getByText('基金余额 ¥1,500.00 不足，还差 ¥500.00。')).toBeVisible();
	await allocation.getByLabel('金额（元）').fill('1000');
	await allocation.getByRole('button', { name: '拨款' }).click();
	await expect(page.getByText('当前余额：¥500.00')).toBeVisible();

	// The public fund page: the new donor anonymous, the round among the outflows.
	await page.goto(`/funds/${fundId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`基金测试 ${tag}`);
	await expect(page.locator('body')).not.toContainText('林先生');
	await expect(page.getByRole('link', { name: `基金测试轮次 ${tag}` }).first()).toBeVisible();
	const ledger = await (await page.request.get(`/rounds/${slug}/ledger.json`)).json();
	expect(ledger.sources[0].allocatedFen).toBe(ledger.totals.allocatedFen);
});
