import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { withE2eDb } from './db';
import { ACCOUNTS } from '../fixtures/accounts';
import { addScoredProposal, decisionPhaseRound } from '../helpers/decision';
import type { DecisionRecord2 } from '../../src/lib/server/decision-record';

/**
 * Uncertainty at the line through the browser, without JavaScript: the admin sees each score's
 * interval and the grey zone, opts into the lottery, records the zone (the public sees the seed's
 * hash, not the seed), then draws (the public sees the seed, and its hash is the one published);
 * after the notice, the decision record holds the same lottery and the line follows the draw.
 */
test.use({ javaScriptEnabled: false });

test('the grey zone is recorded with a published hash before the draw, and the seed after it', async ({ browser }) => {
	test.setTimeout(120_000);
	const slug = `lottery-${Date.now().toString(36)}`;
	const arranged = await withE2eDb(async (db) => {
		const roundId = await decisionPhaseRound(db, { slug, title: `抽签测试轮次 ${slug}`, poolFen: 8_000_000 });
		const org = await db.selectFrom('organisations').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
		const author = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.stationA.email).executeTakeFirstOrThrow();
		const reviewers = await db
			.selectFrom('users')
			.select('id')
			.where('email', 'in', [ACCOUNTS.reviewer1.email, ACCOUNTS.reviewer2.email, ACCOUNTS.reviewer3.email])
			.execute();
		// Four close proposals of ¥25,000 for a pool of three of them.
		const ids: number[] = [];
		for (const [i, totals] of [
			[90, 70, 80],
			[70, 90, 80],
			[80, 70, 90],
			[70, 80, 70]
		].entries()) {
			const title = `抽签项目${'甲乙丙丁'[i]} ${slug}`;
			const reviewerIds = reviewers.map((r) => r.id);
			ids.push(await addScoredProposal(db, { roundId, organisationId: org.id, authorId: author.id, title, requestedFen: 2_500_000, totals, reviewerIds }));
		}
		return { roundId, ids };
	});

	const admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(admin, 'admin');
	await admin.goto(`/admin/rounds/${arranged.roundId}/decision`);
	await admin.getByRole('button', { name: '划定资助线' }).click();
	// The basis in words, every score with its interval, and the grey zone marked.
	await expect(admin.getByText('排名依据：评审偏差模型分')).toBeVisible();
	await expect(admin.getByText('各排名依据纠正什么、何时不宜使用')).toBeVisible();
	await expect(admin.getByRole('columnheader', { name: '95% 区间' })).toBeVisible();
	for (const id of arranged.ids) {
		const row = admin.getByRole('row').filter({ hasText: `${'甲乙丙丁'[arranged.ids.indexOf(id)]} ${slug}` });
		await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d+\.\d{2}–\d+\.\d{2}\s*灰区$/);
	}
	const grey = admin.getByRole('region', { name: '资助线附近的灰区' });
	await expect(grey).toContainText('共 4 个项目在统计上无法与资助线另一侧的项目区分');

	await grey.getByRole('button', { name: '本轮对灰区公开抽签' }).click();
	await admin.getByRole('button', { name: '记录灰区并公布种子哈希' }).click();
	const hashText = await admin.getByText(/种子的 SHA-256：[0-9a-f]{64}/).textContent();
	const commitment = /[0-9a-f]{64}/.exec(hashText ?? '')![0];
	// The rules can no longer change, and the public sees the hash, not the seed.
	await expect(admin.getByRole('button', { name: '抽签并公布种子' })).toBeVisible();
	const publicPage = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await publicPage.goto(`/rounds/${slug}`);
	const published = publicPage.getByRole('region', { name: '灰区公开抽签' });
	await expect(published).toContainText(commitment);
	await expect(published).toContainText('尚未抽签');
	await expect(published).not.toContainText('种子：');

	await admin.getByRole('button', { name: '抽签并公布种子' }).click();
	await expect(admin.getByText(/抽签顺序：/)).toBeVisible();
	await expect(admin.getByRole('button', { name: '抽签并公布种子' })).toHaveCount(0);
	await publicPage.reload();
	const seedText = await published.getByText(/种子：[0-9a-f]{64}/).textContent();
	const seed = /种子：([0-9a-f]{64})/.exec(seedText ?? '')![1];
	expect(createHash('sha256').update(seed).digest('hex')).toBe(commitment);
	// The drawn order is SHA-256("seed:id") ascending, as the page says anyone can check.
	const order = [...arranged.ids].sort((x, y) => {
		const [kx, ky] = [x, y].map((id) => createHash('sha256').update(`${seed}:${id}`).digest('hex'));
		return kx < ky ? -1 : kx > ky ? 1 : x - y;
	});
	await expect(published).toContainText(`抽签顺序：${order.map((id) => `#${id}`).join('、')}`);

	// Once the notice is out, the decision record carries the same lottery, and the line follows the draw:
	// the zone's places are taken in the drawn order, so the first three drawn fit the pool and the last does not.
	await admin.getByRole('button', { name: '发布公示' }).click();
	await expect(admin.getByRole('link', { name: '查看公示页' })).toBeVisible();
	const response = await publicPage.request.get(`/rounds/${slug}/decision-record.json`);
	expect(response.status()).toBe(200);
	const record = (await response.json()) as DecisionRecord2;
	expect(record.format).toBe('decision-record/2');
	expect(record.lottery).toMatchObject({ commitment, seed, drawnOrder: order });
	expect([...record.greyZone!.ids].sort((x, y) => x - y)).toEqual([...arranged.ids].sort((x, y) => x - y));
	// Ranks stay the score ranks; the places are walked in the drawn order.
	const reasonOf = new Map(record.proposals.map((p) => [p.id, p.published.reason]));
	expect(order.map((id) => reasonOf.get(id))).toEqual(['funded', 'funded', 'funded', 'pool_exhausted']);
	// The public notice lists the three the draw funded.
	await publicPage.goto(`/rounds/${slug}/notice`);
	await expect(publicPage.getByRole('heading', { name: /资助名单公示/ })).toBeVisible();
	for (const id of order.slice(0, 3)) await expect(publicPage.getByText(`${'甲乙丙丁'[arranged.ids.indexOf(id)]} ${slug}`).first()).toBeVisible();
});
