import { expect, test } from '@playwright/test';
import { makeRound } from '../helpers/db';
import { insertPublishedNeed } from '../helpers/needs';
import { withE2eDb } from './db';
import { browserPost } from './helpers';

/** "Me too" is a signal, not a vote: a script throwing its cookie away cannot stuff it. */

async function publishedNeed() {
	const slug = `me-too-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
	return withE2eDb(async (db) => {
		const round = await makeRound(db, 'needs_call', { slug, title: `附议测试 ${slug}` });
		return insertPublishedNeed(db, round.id, { title: '小区缺少无障碍坡道', category: 'disability', support_count: 64 });
	});
}

test('cookie-less "me too" posts from one address count a few times a day, and the page says why', async ({ playwright, page, baseURL }) => {
	const id = await publishedNeed();
	const answers: number[] = [];
	for (let i = 0; i < 12; i++) {
		// A new request context each time: no cookie is ever sent back.
		const fresh = await playwright.request.newContext({ baseURL });
		const r = await fresh.post(`/needs/${id}?/support`, { form: {}, headers: browserPost(baseURL!), maxRedirects: 0 });
		answers.push(r.status());
		if (r.status() === 429) expect(await r.text()).toContain('今天从同一网络对这项需求的附议已达上限');
		await fresh.dispose();
	}
	expect(answers.filter((s) => s === 303)).toHaveLength(5);
	expect(answers.filter((s) => s === 429)).toHaveLength(7);
	const count = await withE2eDb(async (db) => (await db.selectFrom('needs').select('support_count').where('id', '=', id).executeTakeFirstOrThrow()).support_count);
	expect(count).toBe(64 + 5);

	await page.goto(`/needs/${id}`);
	await expect(page.getByText('附议是居民关注程度的参考，不是投票')).toBeVisible();
});
