import { expect, test } from '@playwright/test';
import { signIn, browserPost } from './helpers';
import { withE2eDb } from './db';
import { ACCOUNTS } from '../fixtures/accounts';
import { addScoredProposal, decisionPhaseRound } from '../helpers/decision';

/**
 * The decision through the browser: an admin draws the funding line and publishes the notice,
 * a member of the public objects, the admin upholds it and the list changes, the admin confirms,
 * and the results, project pages, stats and open data all agree, with nothing private in them.
 */
test('funding line, public notice, an upheld objection, and the published results agree', async ({ browser, baseURL }) => {
	test.setTimeout(150_000);
	const slug = `decision-${Date.now().toString(36)}`;
	const objector = { name: `异议人${slug}`, contact: `1390000${Date.now() % 10000}`.padEnd(11, '7') };
	const residentContact = { name: '许阿婆', phone: '13712345678' };

	// Arranged straight in the database: a round in its decision phase, four scored proposals.
	const arranged = await withE2eDb(async (db) => {
		const roundId = await decisionPhaseRound(db, { slug, title: `决策测试轮次 ${slug}`, poolFen: 10_000_000 });
		const orgs = await db.selectFrom('organisations').select(['id']).orderBy('id').limit(2).execute();
		const author = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.stationA.email).executeTakeFirstOrThrow();
		const reviewers = await db
			.selectFrom('users')
			.select('id')
			.where('email', 'in', [ACCOUNTS.reviewer1.email, ACCOUNTS.reviewer2.email, ACCOUNTS.reviewer3.email])
			.execute();
		const now = new Date().toISOString();
		const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
		const receipt = Array.from({ length: 12 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
		const { id: needId } = await db
			.insertInto('needs')
			.values({
				round_id: roundId,
				receipt_code: receipt,
				submission_key: null,
				title: `长者助餐 ${slug}`,
				description: '描述',
				category: 'elderly',
				district: '海珠区',
				street: '南华西街',
				affected_group: '独居长者',
				affected_count: 20,
				urgency: 'high',
				contact_name: residentContact.name,
				contact_phone: residentContact.phone,
				status: 'published',
				decline_reason: null,
				created_at: now,
				published_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const ids: number[] = [];
		for (const [i, [score, requested]] of [
			[90, 4_000_000],
			[80, 4_000_000],
			[70, 4_000_000],
			[60, 2_000_000]
		].entries()) {
			const id = await addScoredProposal(db, {
				roundId,
				organisationId: orgs[i % orgs.length].id,
				authorId: author.id,
				title: `项目${'甲乙丙丁'[i]} ${slug}`,
				requestedFen: requested,
				totals: [score - 10, score, score + 10],
				reviewerIds: reviewers.map((r) => r.id),
				submittedAt: now,
				needId
			});
			ids.push(id);
		}
		return { roundId, ids, receipt };
	});
	const [a, b, c, d] = arranged.ids;
	const title = (id: number) => `项目${'甲乙丙丁'[arranged.ids.indexOf(id)]} ${slug}`;

	// The admin draws the line: 丙 no longer fits once 甲 and 乙 are funded; 丁 still does.
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');
	await admin.goto(`/admin/rounds/${arranged.roundId}/decision`);
	await expect(admin.getByText('下表为按当前规则预览的资助线')).toBeVisible();
	await admin.getByRole('button', { name: '划定资助线' }).click();
	await expect(admin.getByRole('status')).toContainText('资助线已重新划定');
	const rowOf = (id: number) => admin.getByRole('row').filter({ hasText: title(id) });
	await expect(rowOf(c)).toContainText('资金池余额不足');
	await expect(rowOf(d)).toContainText('按排名获资助');
	await expect(admin.getByText('¥0.00').first()).toBeVisible(); // nothing left of the pool

	await admin.getByRole('button', { name: '发布公示' }).click();
	await expect(admin.getByRole('link', { name: '查看公示页' })).toBeVisible();

	// A member of the public reads the notice on a phone and objects to 甲.
	const visitor = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
	await visitor.goto(`/rounds/${slug}/notice`);
	await expect(visitor.getByRole('heading', { name: /资助名单公示/ })).toBeVisible();
	await expect(visitor.getByText('公示期为 5 个工作日')).toBeVisible();
	await visitor.getByLabel('异议针对的项目').selectOption(String(a));
	await visitor.getByLabel('具体理由').fill('太短');
	await visitor.getByLabel('您的姓名').fill(objector.name);
	await visitor.getByLabel('联系方式（电话或邮箱）').fill(objector.contact);
	await visitor.getByRole('button', { name: '提交异议' }).click();
	await expect(visitor.getByText('请具体说明异议理由')).toBeVisible();
	await expect(visitor.getByLabel('您的姓名')).toHaveValue(objector.name);
	await visitor.getByLabel('具体理由').fill('该项目与去年已资助项目内容完全相同，属重复申报。<script>alert(1)</script>');
	await visitor.getByRole('button', { name: '提交异议' }).click();
	await expect(visitor.getByRole('status')).toContainText('异议已收到');

	// The admin sees who objected (staff only) and upholds it: 甲 leaves the list, 丙 moves up.
	await admin.goto(`/admin/rounds/${arranged.roundId}/objections`);
	const card = admin.locator('section.card').filter({ hasText: title(a) });
	await expect(card).toContainText(objector.contact);
	await card.getByLabel('处理结果').selectOption('upheld');
	await card.getByLabel('对名单的影响（异议成立时）').selectOption('exclude');
	await card.getByLabel('公开答复').fill('经核实属重复申报，移出资助名单。');
	await card.getByRole('button', { name: '提交答复' }).click();
	await expect(admin.getByRole('status')).toContainText('已答复');

	await visitor.reload();
	await expect(visitor.getByText('经核实属重复申报，移出资助名单。').first()).toBeVisible();
	const fundedTable = visitor.locator('table').first();
	await expect(fundedTable).toContainText(title(c));
	await expect(fundedTable).not.toContainText(title(a));

	// The notice runs its five working days; then the admin confirms the final list.
	await withE2eDb((db) =>
		db
			.updateTable('rounds')
			.set({ notice_ends_at: new Date(Date.now() - 1000).toISOString() })
			.where('id', '=', arranged.roundId)
			.execute()
	);
	await admin.goto(`/admin/rounds/${arranged.roundId}/decision`);
	await admin.getByRole('button', { name: '确认最终名单并公布结果' }).click();
	await expect(admin.getByText(/最终名单已于/)).toBeVisible();

	// Results, project pages, stats and open data agree on 乙, 丙 and 丁.
	const expected = [b, c, d].sort((x, y) => x - y);
	await visitor.goto(`/rounds/${slug}/results`);
	for (const id of expected) await expect(visitor.getByRole('link', { name: title(id) })).toBeVisible();
	await expect(visitor.getByRole('link', { name: title(a) })).toHaveCount(0);
	await visitor.getByRole('link', { name: title(c) }).click();
	await expect(visitor.getByRole('heading', { name: title(c) })).toBeVisible();
	await expect(visitor.getByText('¥40,000.00').first()).toBeVisible();
	expect((await visitor.request.get(`/projects/${a}`)).status()).toBe(404);

	const json = await (await visitor.request.get(`/rounds/${slug}/results.json`)).json();
	expect(json.stage).toBe('final');
	expect(json.proposals.filter((p: { funded: boolean }) => p.funded).map((p: { id: number }) => p.id).sort((x: number, y: number) => x - y)).toEqual(expected);
	const record = await (await visitor.request.get(`/rounds/${slug}/decision-record.json`)).json();
	expect(record.proposals.filter((p: { published: { funded: boolean } }) => p.published.funded).map((p: { id: number }) => p.id)).toEqual(expected);
	expect(record.proposals.find((p: { id: number }) => p.id === a).override).toEqual({ kind: 'exclude', reason: '经核实属重复申报，移出资助名单。' });
	const csvResponse = await visitor.request.get(`/rounds/${slug}/results.csv`);
	expect(csvResponse.headers()['content-type']).toContain('text/csv');
	const csv = await csvResponse.text();
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	expect(csv.split('\r\n').filter((line) => line.includes(',yes,')).length).toBe(3);
	await visitor.goto(`/rounds/${slug}/stats`);
	await expect(visitor.getByRole('img', { name: /按服务类别/ }).first()).toBeVisible();
	await expect(visitor.getByText('75.0%')).toBeVisible(); // 3 of 4 funded
	// Each chart is named by its own title, under the same id in every rendering of the page,
	// the browser's included, so that hydration never changes it.
	const servedIds = [...(await (await visitor.request.get(`/rounds/${slug}/stats`)).text()).matchAll(/<title id="([^"]+)"/g)].map((m) => m[1]);
	expect(servedIds.length).toBeGreaterThan(1);
	expect(new Set(servedIds).size).toBe(servedIds.length);
	const charts = await visitor.locator('svg[role="img"]').evaluateAll((svgs) =>
		svgs.map((svg) => [svg.getAttribute('aria-labelledby'), svg.querySelector('title')?.id])
	);
	expect(charts).toEqual(servedIds.map((id) => [id, id]));

	// The resident who reported the need sees it answered by a funded project.
	await visitor.goto(`/track/${arranged.receipt}`);
	await expect(visitor.getByText('已有项目获得资助')).toBeVisible();

	// Nothing private anywhere public: not the objector, not the resident, not the reviewers.
	const publicUrls = [
		`/rounds/${slug}/notice`,
		`/rounds/${slug}/results`,
		`/rounds/${slug}/stats`,
		`/rounds/${slug}/results.csv`,
		`/rounds/${slug}/results.json`,
		`/rounds/${slug}/decision-record.json`,
		...expected.map((id) => `/projects/${id}`)
	];
	const secrets = [
		objector.name,
		objector.contact,
		residentContact.name,
		residentContact.phone,
		'私密备注',
		ACCOUNTS.reviewer1.name,
		ACCOUNTS.reviewer2.name,
		ACCOUNTS.reviewer3.name,
		ACCOUNTS.reviewer1.email,
		'属重复申报。<script>'
	];
	for (const url of publicUrls) {
		const body = await (await visitor.request.get(url)).text();
		for (const secret of secrets) expect(body, `${secret} in ${url}`).not.toContain(secret);
	}

	// Only admins reach the decision and objection pages; a form post from outside is refused.
	const station = await (await browser.newContext()).newPage();
	await signIn(station, 'stationA');
	for (const path of ['decision', 'objections']) {
		const response = await station.request.get(`/admin/rounds/${arranged.roundId}/${path}`);
		expect(response.status()).toBe(403);
		expect(await response.text()).not.toContain(objector.contact);
	}
	const forged = await station.request.post(`/admin/rounds/${arranged.roundId}/decision?/draw`, {
		form: { proposalId: String(b) },
		headers: browserPost(baseURL!),
		maxRedirects: 0
	});
	expect(forged.status()).toBe(403);
});
