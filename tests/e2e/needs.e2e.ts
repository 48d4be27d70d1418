import { readSheet } from 'read-excel-file/node';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createRound } from '../../src/lib/server/rounds';
import { scheduleFor } from '../helpers/db';
import { ACCOUNTS } from '../fixtures/accounts';
import { withE2eDb } from './db';
import { browserPost, fixtures, signIn } from './helpers';
import { ROUND_DEFAULTS } from '../../src/lib/domain/round-defaults';

/**
 * The needs registry as residents and admins use it: reporting on a phone with and without
 * JavaScript, moderation, "me too", tracking a need to its funding, and a scan of every public
 * page for residents' contacts. Each test makes its own round.
 */

const PHONE_VIEW = { viewport: { width: 375, height: 740 } };

async function makeRound(phase: 'needs_call' | 'closed', tag: string) {
	const slug = `needs-${tag}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
	const id = await withE2eDb((db) =>
		createRound(
			db,
			{
				...ROUND_DEFAULTS,
				slug,
				title: `需求测试轮次 ${slug}`,
				year: 2026,
				...scheduleFor(phase)
			},
			null
		)
	);
	return { id, slug };
}

interface Report {
	title: string;
	name: string;
	phone: string;
}

/** Fills the report form the way a resident would; the street list depends on the district. */
async function fillReport(page: Page, report: Report, scripted: boolean) {
	// Once the page is live, the "update the lists" button of the plain form goes away.
	if (scripted) await expect(page.getByRole('button', { name: '按所选的区更新街道和社区列表' })).toHaveCount(0);
	await page.getByLabel('需求标题').fill(report.title);
	await page.getByLabel('具体情况').fill('三号楼楼道灯坏了两个月，独居老人晚上下楼摔倒过。🙏');
	await page.getByLabel('服务领域').selectOption({ label: '长者' });
	await page.getByLabel('紧急程度').selectOption({ label: '紧急' });
	await page.getByLabel('所在区').selectOption({ label: '海珠区' });
	if (!scripted) {
		// Without JavaScript the lists narrow by a round trip that keeps everything typed.
		await page.getByRole('button', { name: '按所选的区更新街道和社区列表' }).click();
		await expect(page.getByLabel('需求标题')).toHaveValue(report.title);
	}
	// Only 海珠区's streets are offered now (plus "please choose").
	await expect(page.getByLabel('街道 / 镇').locator('option')).toHaveCount(6);
	await page.getByLabel('街道 / 镇').selectOption({ label: '南华西街' });
	if (!scripted) await page.getByRole('button', { name: '按所选的区更新街道和社区列表' }).click();
	await page.getByLabel('社区 / 村').selectOption({ label: '洪德社区' });
	await page.getByLabel('受影响的人群').fill('三号楼独居长者');
	await page.getByLabel('大约人数').fill('12');
	await page.getByLabel('您的称呼').fill(report.name);
	await page.getByLabel('联系电话').fill(report.phone);
	await page.getByLabel('我同意工作人员用以上联系方式核实此需求').check();
	await page.getByRole('button', { name: '提交需求' }).click();
	await expect(page).toHaveURL(/\/track\/[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\?new=1$/);
	await expect(page.getByRole('heading', { name: '需求已提交，谢谢您！' })).toBeVisible();
	const code = new URL(page.url()).pathname.split('/').pop()!;
	await expect(page.locator('.code')).toHaveText(code);
	return code;
}

async function phonePage(browser: Browser, javaScriptEnabled: boolean) {
	return (await browser.newContext({ ...PHONE_VIEW, javaScriptEnabled })).newPage();
}

test('a resident reports on a phone with and without JavaScript, and follows a need to funding', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const round = await makeRound('needs_call', 'flow');
	const plain = await phonePage(browser, false);
	await plain.goto(`/rounds/${round.slug}/needs/new`);
	const first = { title: `楼道灯坏了 ${round.slug}`, name: '梁秘密甲', phone: '13700001111' };
	const firstCode = await fillReport(plain, first, false);
	// No copy button without JavaScript: the code is plain, selectable text.
	await expect(plain.getByRole('button', { name: '复制回执码' })).toHaveCount(0);

	const scripted = await phonePage(browser, true);
	await scripted.goto(`/rounds/${round.slug}/needs/new`);
	const second = { title: `小区缺少长者饭堂 ${round.slug}`, name: '梁秘密乙', phone: '13700002222' };
	const secondCode = await fillReport(scripted, second, true);
	await expect(scripted.getByRole('button', { name: '复制回执码' })).toBeVisible();
	expect(secondCode).not.toBe(firstCode);

	// Waiting for moderation.
	await plain.goto(`/track/${firstCode}`);
	await expect(plain.getByText('等待工作人员审核')).toBeVisible();

	// The admin publishes the first need and merges the second into it as a duplicate.
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');
	await admin.goto(`/admin/rounds/${round.id}/needs`);
	const firstCard = admin.locator('li.card', { hasText: first.title });
	await expect(firstCard.getByText(first.phone)).toBeVisible();
	await firstCard.getByRole('button', { name: '发布', exact: true }).click();
	await expect(admin.getByRole('status')).toContainText('已发布 1 条需求');
	const needId = await withE2eDb(async (db) =>
		(await db.selectFrom('needs').select('id').where('title', '=', first.title).executeTakeFirstOrThrow()).id
	);
	const secondCard = admin.locator('li.card', { hasText: second.title });
	await secondCard.getByLabel('合并到需求编号').fill(String(needId));
	await secondCard.getByRole('button', { name: '作为重复需求合并' }).click();
	await expect(admin.getByRole('status')).toContainText('已合并');

	// Published, with its public page; "me too" counts once per browser.
	await plain.goto(`/track/${firstCode}`);
	await expect(plain.getByText(/已审核并公开/)).toBeVisible();
	await plain.getByRole('link', { name: '查看公开页面' }).click();
	await expect(plain.getByRole('heading', { name: first.title })).toBeVisible();
	await expect(plain.getByText('0 人附议')).toBeVisible();
	await plain.getByRole('button', { name: '我也有这个需求（附议）' }).click();
	await expect(plain.getByText('已附议，谢谢！')).toBeVisible();
	await expect(plain.getByText('1 人附议')).toBeVisible();
	await expect(plain.getByRole('button', { name: '我也有这个需求（附议）' })).toHaveCount(0);

	// The merged need's code leads to the same need.
	await scripted.goto(`/track/${secondCode}`);
	await expect(scripted.getByText(`已与内容相近的需求「${first.title}」合并处理`, { exact: false })).toBeVisible();
	await expect(scripted.getByRole('link', { name: '查看公开页面' })).toHaveAttribute('href', `/needs/${needId}`);

	// A station's proposal answers it (arranged directly: the proposal pages are another feature).
	const proposalId = await withE2eDb(async (db) => {
		const station = await db
			.selectFrom('users')
			.select(['id', 'organisation_id'])
			.where('email', '=', ACCOUNTS.stationA.email)
			.executeTakeFirstOrThrow();
		const now = new Date().toISOString();
		const { id } = await db
			.insertInto('proposals')
			.values({
				round_id: round.id,
				organisation_id: station.organisation_id!,
				title: `点亮回家路 ${round.slug}`,
				summary: '加装感应灯，组织邻里守望。',
				requested_fen: 3_000_000,
				status: 'submitted',
				created_by: station.id,
				created_at: now,
				updated_at: now,
				submitted_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('proposal_needs').values({ proposal_id: id, need_id: needId }).execute();
		return id;
	});
	await plain.goto(`/track/${firstCode}`);
	await expect(plain.getByText('已有 1 个项目申报回应此需求')).toBeVisible();
	await expect(plain.getByText('等待资助结果')).toBeVisible();

	// Funded, and the results are published.
	await withE2eDb(async (db) => {
		await db.updateTable('proposals').set({ status: 'funded', award_fen: 3_000_000 }).where('id', '=', proposalId).execute();
		await db
			.updateTable('rounds')
			.set({ phase_override: 'implementation', results_published_at: new Date().toISOString() })
			.where('id', '=', round.id)
			.execute();
	});
	await plain.goto(`/track/${firstCode}`);
	await expect(plain.getByText('已有项目获得资助')).toBeVisible();
	await expect(plain.getByRole('link', { name: `点亮回家路 ${round.slug}` })).toBeVisible();
	await scripted.goto(`/track/${secondCode}`);
	await expect(scripted.getByText('已有项目获得资助')).toBeVisible();
	// The board finds it among funded needs.
	await plain.goto(`/rounds/${round.slug}/needs?status=funded`);
	await expect(plain.getByRole('link', { name: first.title })).toBeVisible();
});

test('bad input gets clear errors in the reader’s language and keeps what was typed', async ({ page, baseURL }) => {
	const round = await makeRound('needs_call', 'bad');
	const closed = await makeRound('closed', 'closed');
	const url = `/rounds/${round.slug}/needs/new`;
	const place = await withE2eDb(async (db) => {
		const id = async (path: string) =>
			String((await db.selectFrom('places').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id);
		return { district_id: await id('海珠区'), street_id: await id('海珠区/沙园街') };
	});
	const valid = {
		title: '社区缺少儿童活动空间',
		description: '孩子只能在停车场附近玩。',
		category: 'children',
		...place,
		affected_group: '3–12 岁儿童',
		urgency: 'medium'
	};
	const post = (path: string, form: Record<string, string>) =>
		page.request.post(path, { form, headers: browserPost(baseURL!), maxRedirects: 0 });

	// Empty: every required field is named, in Chinese.
	await page.goto(url);
	await page.getByRole('button', { name: '提交需求' }).evaluate((b) => b.closest('form')!.setAttribute('novalidate', ''));
	await page.getByRole('button', { name: '提交需求' }).click();
	await expect(page.locator('#f-title-error')).toHaveText('此项必填。');
	await expect(page.locator('#f-district_id-error')).toHaveText('此项必填。');

	// 100 KB of text, with markup and emoji: refused with the limit, and the text comes back.
	const huge = await post(url, { ...valid, description: '<script>alert(1)</script>😀'.repeat(4000) });
	expect(huge.status()).toBe(400);
	const hugeHtml = await huge.text();
	expect(hugeHtml).toContain('内容过长，最多 2000 个字。');
	expect(hugeHtml).toContain('社区缺少儿童活动空间');
	expect(hugeHtml).not.toContain('<script>alert(1)</script>');

	// An unknown place id, in English for an English reader.
	const unknown = await page.request.post(url, {
		form: { ...valid, street_id: '99999999', title: '<b>灯</b> 💡' },
		headers: { ...browserPost(baseURL!), cookie: 'lang=en' },
		maxRedirects: 0
	});
	expect(unknown.status()).toBe(400);
	const unknownHtml = await unknown.text();
	expect(unknownHtml).toContain('That place does not exist');
	expect(unknownHtml).toContain('&lt;b>灯&lt;/b> 💡');

	// Markup and emoji in a valid report are kept as text.
	const ok = await post(url, { ...valid, title: '<script>alert(2)</script> 灯坏了 💡' });
	expect(ok.status()).toBe(303);
	await page.goto(ok.headers().location);
	await expect(page.getByRole('heading', { name: '<script>alert(2)</script> 灯坏了 💡' })).toBeVisible();

	// A closed round says so, and keeps the text.
	const shut = await post(`/rounds/${closed.slug}/needs/new`, valid);
	expect(shut.status()).toBe(409);
	const shutHtml = await shut.text();
	expect(shutHtml).toContain('当前阶段为「结项」');
	expect(shutHtml).toContain('社区缺少儿童活动空间');
	expect(shutHtml).toContain('孩子只能在停车场附近玩。');

	// A wrong receipt code gets a clear message and a form to try again.
	await page.goto('/track/ABCD-EFGH-JKMN');
	await expect(page.getByText('找不到这个回执码')).toBeVisible();
	await expect(page.getByLabel('回执码')).toHaveValue('ABCD-EFGH-JKMN');
});

test('no resident’s name or phone appears on any public page, JSON or CSV of a round', async ({
	browser,
	request
}) => {
	test.setTimeout(120_000);
	const round = await makeRound('needs_call', 'pii');
	const contacts = [
		{ name: '隐私测试甲', phone: '13600001234' },
		{ name: '隐私测试乙', phone: '020-87654321' }
	];
	// One through the real form (its contact is stored as typed).
	const resident = await phonePage(browser, true);
	await resident.goto(`/rounds/${round.slug}/needs/new`);
	const viaForm = await fillReport(resident, { title: `隐私扫描 ${round.slug}`, ...contacts[0] }, true);

	// More in every status, straight into the database.
	const codes = await withE2eDb(async (db) => {
		const now = new Date().toISOString();
		const out: string[] = [];
		const statuses = ['published', 'declined', 'new', 'published'] as const;
		for (const [i, status] of statuses.entries()) {
			const code = `pii${i}${Math.random().toString(36).slice(2, 10)}`.replace(/[01lo]/g, 'a').slice(0, 12).padEnd(12, 'z');
			await db
				.insertInto('needs')
				.values({
					round_id: round.id,
					receipt_code: code,
					title: `隐私需求 ${i}`,
					description: '描述',
					category: 'youth',
					district: '天河区',
					street: '石牌街',
					affected_group: '青少年',
					affected_count: 10,
					urgency: 'low',
					contact_name: contacts[1].name,
					contact_phone: contacts[1].phone,
					status,
					decline_reason: status === 'declined' ? '不在本轮范围' : null,
					created_at: now,
					published_at: status === 'published' ? now : null
				})
				.execute();
			out.push(code);
		}
		// The form's need is published too.
		await db.updateTable('needs').set({ status: 'published', published_at: now }).where('title', '=', `隐私扫描 ${round.slug}`).execute();
		return out;
	});
	const needIds = await withE2eDb(async (db) =>
		(await db.selectFrom('needs').select('id').where('round_id', '=', round.id).execute()).map((r) => r.id)
	);
	const fixture = fixtures();
	const secrets = [...contacts.flatMap((c) => [c.name, c.phone, c.phone.replace('-', '')]), fixture.privateContact.name, fixture.privateContact.phone];

	const slug = round.slug;
	const board = `/rounds/${slug}/needs`;
	const paths = [
		'/',
		`/rounds/${slug}`,
		board,
		`${board}?district=${encodeURIComponent('天河区')}`,
		`${board}?district=${encodeURIComponent('天河区')}&street=${encodeURIComponent('石牌街')}`,
		`${board}?category=youth&status=open&sort=support`,
		`${board}?q=${encodeURIComponent('隐私')}`,
		`${board}/new`,
		`/rounds/${slug}/results`,
		`/rounds/${slug}/results.csv`,
		`/rounds/${slug}/results.json`,
		`/rounds/${slug}/decision-record.json`,
		`/rounds/${slug}/stats`,
		`/rounds/${slug}/notice`,
		`/rounds/${fixture.roundSlug}`,
		`/rounds/${fixture.roundSlug}/needs`,
		`/needs/${fixture.needId}`,
		`/track/${fixture.receiptCode}`,
		`/track/${viaForm}`,
		...codes.map((c) => `/track/${c}`),
		...needIds.map((id) => `/needs/${id}`)
	];
	// Pages' data as the browser fetches it when navigating.
	const dataPaths = paths
		.filter((p) => !/\.(csv|json)$/.test(p))
		.map((p) => {
			const [path, query] = p.split('?');
			return `${path === '/' ? '' : path}/__data.json${query ? `?${query}` : ''}`;
		});
	let checked = 0;
	for (const path of [...paths, ...dataPaths]) {
		const response = await request.get(path);
		expect(response.status(), path).toBeLessThan(500);
		const body = await response.text();
		for (const secret of secrets) expect(body, `${secret} on ${path}`).not.toContain(secret);
		checked += 1;
	}
	expect(checked).toBeGreaterThan(40);
	// Searching the board for a phone number finds nothing: search never reads contacts.
	const search = await request.get(`${board}?q=${encodeURIComponent(contacts[1].phone)}`);
	expect(await search.text()).toContain('共 0 项需求');
	// The scan can fail: the admin's page does show the contacts.
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');
	await admin.goto(`/admin/rounds/${round.id}/needs?status=all`);
	await expect(admin.getByText(contacts[0].phone)).toBeVisible();
});

test('admins export the needs list as CSV and .xlsx without contacts', async ({ browser }) => {
	const round = await makeRound('needs_call', 'export');
	await withE2eDb((db) =>
		db
			.insertInto('needs')
			.values({
				round_id: round.id,
				receipt_code: `exp${Date.now().toString(36)}`.replace(/[01lo]/g, 'a').slice(0, 12).padEnd(12, 'z'),
				title: '=HYPERLINK("http://x") 长者饭堂',
				description: '描述，带逗号',
				category: 'elderly',
				district: '越秀区',
				street: '北京街',
				affected_group: '长者',
				affected_count: 5,
				urgency: 'high',
				contact_name: '导出私密',
				contact_phone: '13512345678',
				status: 'published',
				created_at: new Date().toISOString(),
				published_at: new Date().toISOString()
			})
			.execute()
	);
	const anonymous = await (await browser.newContext()).newPage();
	const refused = await anonymous.request.get(`/admin/rounds/${round.id}/needs/export.csv`, { maxRedirects: 0 });
	expect([303, 401, 403, 404]).toContain(refused.status());

	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');
	const csv = await admin.request.get(`/admin/rounds/${round.id}/needs/export.csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const bytes = await csv.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.toString('utf8');
	expect(text).toContain('回执码');
	expect(text).toContain(`"'=HYPERLINK(""http://x"") 长者饭堂"`);
	expect(text).not.toContain('13512345678');
	expect(text).not.toContain('导出私密');
	const xlsx = await admin.request.get(`/admin/rounds/${round.id}/needs/export.xlsx`);
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
	const sheet = await readSheet(await xlsx.body());
	expect(sheet[0]).toContain('回执码');
	expect(sheet.flat()).toContain('=HYPERLINK("http://x") 长者饭堂');
	expect(sheet.flat().map(String).join('\n')).not.toMatch(/13512345678|导出私密/);
});
