import { expect, test } from '@playwright/test';
import { withE2eDb } from './db';
import { seedResultsRound } from '../fixtures/world';

function receiptCode(): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
	return Array.from({ length: 12 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

/** The Open Graph tags of a page as a link preview reads them: from the HTML, without scripts. */
function openGraph(html: string): Record<string, string> {
	const tags: Record<string, string> = {};
	for (const m of html.matchAll(/<meta (?:property|name)="((?:og|twitter):[a-z:_]+|description)" content="([^"]*)"/g)) tags[m[1]] = m[2];
	return tags;
}

/**
 * The pages people share (a round, a need, a project, the results) carry a title, a description
 * and an image a chat app or search engine shows as the link's preview.
 */
test('shared pages carry Open Graph title, description and image', async ({ request, baseURL }) => {
	const slug = `share-${Date.now().toString(36)}`;
	const { project, need } = await withE2eDb(async (db) => {
		const roundId = await seedResultsRound(db, { slug, title: `分享测试轮次 ${slug}`, receiptCode: receiptCode() });
		const project = await db.selectFrom('proposals').select('id').where('round_id', '=', roundId).where('status', '=', 'funded').orderBy('id').executeTakeFirstOrThrow();
		const need = await db.selectFrom('needs').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow();
		return { project: project.id, need: need.id };
	});
	const pages = [
		{ path: `/rounds/${slug}`, title: `分享测试轮次 ${slug}`, description: /资助总额 ¥100,000\.00/ },
		{ path: `/needs/${need}`, title: '困境儿童课后无人看护', description: /居民反映已久/ },
		{ path: `/projects/${project}`, title: '往年项目甲', description: /资助 ¥[\d,]+\.00。往年项目甲：为社区长者提供助餐与探访。/ },
		{ path: `/rounds/${slug}/results`, title: `分享测试轮次 ${slug} · 资助结果`, description: /\d+ 个社区项目获资助/ }
	];
	for (const page of pages) {
		const response = await request.get(page.path);
		expect(response.status(), page.path).toBe(200);
		const og = openGraph(await response.text());
		expect(og['og:title'], page.path).toBe(page.title);
		expect(og['og:description'], page.path).toMatch(page.description);
		expect(og['description'], page.path).toBe(og['og:description']);
		expect(og['og:url'], page.path).toBe(`${baseURL}${page.path}`);
		expect(og['og:image'], page.path).toBe(`${baseURL}/og-share.png`);
		expect(og['twitter:card'], page.path).toBe('summary_large_image');
	}
	expect(pages).toHaveLength(4);
	const image = await request.get('/og-share.png');
	expect(image.status()).toBe(200);
	expect(image.headers()['content-type']).toBe('image/png');
});
