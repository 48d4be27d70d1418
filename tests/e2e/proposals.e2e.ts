import { expect, request as playwrightRequest, test, type Browser, type Page } from '@playwright/test';
import { apiSignIn, browserPost, hydrated, signIn } from './helpers';
import { withE2eDb } from './db';
import { makeRound, setPhase } from '../helpers/db';
import { insertPublishedNeed } from '../helpers/needs';
import { fillProposal, type LineInput } from '../helpers/proposal-form';
import { utcToZonedInput } from '../../src/lib/domain/time';

/**
 * A station writes a proposal with a six-line budget, two needs and a PDF, saves a draft, submits,
 * is returned for revision, fixes it and resubmits; an admin passes it. Each test makes its own
 * round so that it can move the phase without touching anyone else's records.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const HTML_AS_PDF = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

// ¥30,000.00 in all; personnel 30 % and admin 10 % exactly; one line is ¥33.33 × 3.
const SIX_LINES: LineInput[] = [
	['personnel', '项目社工补贴', '月', '6', '1500'],
	['activities', '长者互助小组活动', '期', '1', '14000.01'],
	['materials', '活动物资', '批', '3', '33.33'],
	['publicity', '宣传折页印刷', '份', '1000', '1.90'],
	['transport', '探访交通', '次', '40', '50'],
	['admin', '项目管理费', '项', '1', '3000']
];

async function arrangeRound(label: string) {
	const slug = `e2e-proposals-${label}-${Date.now().toString(36)}`;
	return withE2eDb(async (db) => {
		const round = await makeRound(db, 'applications', { slug, title: `申报测试 ${label}` });
		const needs: { id: number; title: string }[] = [];
		for (const title of [`楼道照明 ${label}`, `长者助餐 ${label}`]) {
			const id = await insertPublishedNeed(db, round.id, { title, category: needs.length ? 'elderly' : 'environment' });
			needs.push({ id, title });
		}
		return { round, needs };
	});
}

async function newPage(browser: Browser, javaScriptEnabled = true): Promise<Page> {
	return (await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled })).newPage();
}

/** Writes and saves a draft as station A; returns the proposal's page path. */
async function writeDraft(page: Page, slug: string, needTitles: string[], title: string): Promise<string> {
	await page.goto(`/station/proposals/new?round=${slug}`);
	await fillProposal(page, { title, needTitles, lines: SIX_LINES, matchingCash: '2000', volunteerHours: '50' });
	await expect(page.getByTestId('budget-total')).toHaveText('¥30,000.00');
	await expect(page.getByText('预算符合本轮规则。')).toBeVisible();
	await page.getByRole('button', { name: '保存草稿' }).last().click();
	await expect(page.getByRole('status').first()).toContainText('草稿已保存');
	return new URL(page.url()).pathname;
}

test('a station writes, submits, is returned, resubmits, and the admin passes it', async ({ browser }) => {
	const { round, needs } = await arrangeRound('flow');
	const station = await newPage(browser);
	await signIn(station, 'stationA');
	const title = '南华西街长者守望计划';
	const path = await writeDraft(station, round.slug, needs.map((n) => n.title), title);

	// The saved draft keeps the six lines to the fen.
	await expect(station.locator('#line-2-price')).toHaveValue('33.33');
	await expect(station.locator('#line-5-item')).toHaveValue('项目管理费');

	// A file calling itself a PDF but holding HTML is refused; a real PDF is attached.
	await station.getByLabel('选择文件').setInputFiles({ name: '预算说明.pdf', mimeType: 'application/pdf', buffer: HTML_AS_PDF });
	await station.getByRole('button', { name: '上传附件' }).click();
	await expect(station.getByRole('alert')).toContainText('只能上传 PDF、JPEG 或 PNG 文件');
	await station.getByLabel('选择文件').setInputFiles({ name: '机构登记证书.pdf', mimeType: 'application/pdf', buffer: PDF });
	await station.getByRole('button', { name: '上传附件' }).click();
	await expect(station.getByRole('link', { name: '机构登记证书.pdf' })).toBeVisible();

	await station.getByRole('button', { name: '提交申报' }).last().click();
	await expect(station.getByRole('status').first()).toContainText('已提交申报');
	await expect(station.getByText(/第 \d+ 版 ·/)).toHaveCount(1);
	const proposalId = Number(path.split('/').pop());

	// Applications close; the admin returns it for revision with a deadline tomorrow.
	await withE2eDb((db) => setPhase(db, round.id, 'eligibility'));
	const admin = await newPage(browser);
	await signIn(admin, 'admin');
	await admin.goto(`/admin/rounds/${round.id}/eligibility`);
	await admin.getByRole('link', { name: title }).click();
	await expect(admin.getByText('预算符合本轮规则。')).toBeVisible();
	// The deadline's label says when it is needed (not （选填）); choosing to return requires it.
	const dueLabel = admin.locator('label[for="f-revisionDueAt"]');
	await expect(dueLabel).toContainText('选择退回时必填');
	await expect(dueLabel).not.toContainText('选填）');
	await admin.getByLabel('退回修改').check();
	await expect(admin.getByLabel('修改期限')).toHaveAttribute('required', '');
	await admin.getByLabel('意见或理由').fill('请补充志愿者招募计划。');
	const due = utcToZonedInput(new Date(Date.now() + 24 * 3600 * 1000).toISOString(), 'Asia/Shanghai');
	await admin.getByLabel('修改期限').fill(due);
	await admin.getByRole('button', { name: '登记结果' }).click();
	await expect(admin.getByRole('status')).toContainText('已退回修改');

	// The station sees the comments and the deadline, fixes the proposal and resubmits.
	await station.goto(path);
	await expect(station.getByText('请补充志愿者招募计划。')).toBeVisible();
	await expect(station.getByText(`请在 ${due.replace('T', ' ')} 前修改并重新提交。`)).toBeVisible();
	await station.getByLabel('项目团队').fill('社工 2 名；志愿者 20 名，由居委会招募并培训。');
	await station.getByRole('button', { name: '重新提交' }).click();
	await expect(station.getByRole('status').first()).toContainText('已重新提交');
	await expect(station.getByText(/第 \d+ 版 ·/)).toHaveCount(2);
	// The newest version says what changed since the one the admin returned: the team, old and new.
	const changes = station.locator('ul.changes');
	await expect(changes).toHaveCount(1);
	await expect(changes.getByRole('listitem')).toHaveCount(1);
	await expect(changes).toContainText('项目团队');
	await expect(changes.locator('ins')).toContainText('由居委会招募并培训');
	await expect(changes.locator('del')).not.toContainText('由居委会招募并培训');
	await station.screenshot({ path: test.info().outputPath('history-diff-375.png'), fullPage: true });

	// The admin passes it once every checklist item is ticked.
	await admin.goto(`/admin/rounds/${round.id}/eligibility/${proposalId}`);
	await hydrated(admin);
	await expect(admin.getByRole('region', { name: '提交记录' }).locator('ul.changes ins')).toContainText('由居委会招募并培训');
	await admin.getByLabel('通过', { exact: true }).check();
	await admin.getByRole('button', { name: '登记结果' }).click();
	await expect(admin.getByText('通过资格审查前，须逐项勾选审查清单。')).toBeVisible();
	for (const box of await admin.locator('input[name="item"]').all()) await box.check();
	await admin.getByLabel('通过', { exact: true }).check();
	await admin.getByRole('button', { name: '登记结果' }).click();
	await expect(admin.getByRole('status')).toContainText('已登记：通过资格审查');

	await station.goto('/station');
	await expect(station.getByRole('listitem').filter({ hasText: title }).getByText('资格审查通过')).toBeVisible();
	const actions = await withE2eDb((db) =>
		db.selectFrom('audit_log').select('action').where('entity', '=', 'proposal').where('entity_id', '=', String(proposalId)).orderBy('id').execute()
	);
	expect(actions.map((a) => a.action)).toEqual([
		'proposal.create',
		'attachment.add',
		'proposal.update',
		'proposal.submit',
		'eligibility.return',
		'proposal.update',
		'proposal.resubmit',
		'eligibility.pass'
	]);
});

test('station B cannot read, change or download station A’s proposal by any URL', async ({ browser, baseURL }) => {
	const { round, needs } = await arrangeRound('access');
	const station = await newPage(browser);
	await signIn(station, 'stationA');
	const path = await writeDraft(station, round.slug, [needs[0].title], '只属于 A 的项目');
	await station.getByLabel('选择文件').setInputFiles({ name: 'a.pdf', mimeType: 'application/pdf', buffer: PDF });
	await station.getByRole('button', { name: '上传附件' }).click();
	const href = await station.getByRole('link', { name: 'a.pdf' }).getAttribute('href');
	expect(href).toMatch(/^\/attachments\/[a-z0-9]{24}$/);

	const b = await playwrightRequest.newContext({ baseURL });
	await apiSignIn(b, baseURL!, 'stationB');
	expect((await b.get(path, { maxRedirects: 0 })).status()).toBe(404);
	expect((await b.get(href!, { maxRedirects: 0 })).status()).toBe(404);
	for (const action of ['save', 'submit', 'withdraw', 'attach', 'detach', 'addRow']) {
		const post = await b.post(`${path}?/${action}`, {
			form: { title: '被 B 改了', version: '1', confirm: 'yes' },
			headers: browserPost(baseURL!),
			maxRedirects: 0
		});
		expect(post.status(), action).toBe(404);
	}
	await b.dispose();

	// Anonymous visitors are sent to sign in; the owner and admins get a download, never a page.
	const anonymous = await playwrightRequest.newContext({ baseURL });
	expect((await anonymous.get(href!, { maxRedirects: 0 })).status()).toBe(303);
	await anonymous.dispose();
	const admin = await playwrightRequest.newContext({ baseURL });
	await apiSignIn(admin, baseURL!, 'admin');
	for (const context of [station.context().request, admin]) {
		const file = await context.get(href!);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-type']).toBe('application/pdf');
		expect(file.headers()['content-disposition']).toMatch(/^attachment; filename="a\.pdf"/);
		expect(file.headers()['x-content-type-options']).toBe('nosniff');
		expect(file.headers()['content-security-policy']).toContain('sandbox');
		expect((await file.body()).equals(PDF)).toBe(true);
	}
	await admin.dispose();
	await station.goto(path);
	await expect(station.locator('#f-title')).toHaveValue('只属于 A 的项目');

	// A file over 10 MB is caught before it is sent.
	const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
	await station.getByLabel('选择文件').setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: big });
	await expect(station.getByRole('alert')).toContainText('文件超过 10 MB');
	await expect(station.getByRole('button', { name: '上传附件' })).toBeDisabled();
});

test('without JavaScript, budget lines are added and removed, and a bad number keeps every line', async ({ browser }) => {
	const { round } = await arrangeRound('nojs');
	const page = await newPage(browser, false);
	await signIn(page, 'stationA');
	await page.goto(`/station/proposals/new?round=${round.slug}`);
	await page.getByLabel('项目名称').fill('无脚本预算');
	await page.locator('#line-0-item').fill('物资');
	await page.locator('#line-0-unit').fill('批');
	await page.locator('#line-0-quantity').fill('3');
	await page.locator('#line-0-price').fill('33.33');
	await page.getByRole('button', { name: '添加一行' }).last().click();
	await expect(page.locator('#line-1-item')).toBeVisible();
	await expect(page.locator('#line-0-price')).toHaveValue('33.33');
	await expect(page.getByLabel('项目名称')).toHaveValue('无脚本预算');
	await expect(page.locator('output').first()).toHaveText('¥99.99');
	await page.locator('#line-1-category').selectOption('publicity');
	await page.locator('#line-1-item').fill('海报');
	await page.locator('#line-1-unit').fill('张');
	await page.locator('#line-1-quantity').fill('2');
	await page.locator('#line-1-price').fill('12.3.4');
	await page.getByRole('button', { name: '添加一行' }).last().click();
	await page.locator('#line-2-item').fill('交通');
	await page.locator('#line-2-unit').fill('次');
	await page.locator('#line-2-quantity').fill('1');
	await page.locator('#line-2-price').fill('0.10');
	await page.getByRole('button', { name: '保存草稿' }).last().click();
	await expect(page.locator('#line-1-price-error')).toContainText('请输入金额');
	for (const [id, value] of [
		['#line-0-price', '33.33'],
		['#line-1-item', '海报'],
		['#line-1-price', '12.3.4'],
		['#line-2-price', '0.10'],
		['#line-1-category', 'publicity']
	]) {
		await expect(page.locator(id)).toHaveValue(value);
	}
	await page.getByRole('button', { name: '删除第 2 行' }).click();
	await expect(page.locator('#line-1-item')).toHaveValue('交通');
	await expect(page.locator('#line-2-item')).toHaveCount(0);
	await page.getByRole('button', { name: '保存草稿' }).last().click();
	await expect(page.getByRole('status').first()).toContainText('草稿已保存');
	await expect(page.getByTestId('budget-total')).toHaveText('¥100.09');
});

test('two staff saving the same proposal: the second sees both versions, nothing is overwritten', async ({ browser }) => {
	const { round, needs } = await arrangeRound('conflict');
	const first = await newPage(browser);
	await signIn(first, 'stationA');
	const path = await writeDraft(first, round.slug, [needs[0].title], '原来的名称');
	// A second tab of the same organisation (one sign-in: accounts are rate limited).
	const second = await first.context().newPage();
	await second.goto(path);

	await first.getByLabel('项目名称').fill('第一位同事的名称');
	await first.getByRole('button', { name: '保存草稿' }).last().click();
	await expect(first.getByRole('status').first()).toContainText('已保存');

	await second.getByLabel('项目名称').fill('第二位同事的名称');
	await second.getByRole('button', { name: '保存草稿' }).last().click();
	await expect(second.getByRole('alert').first()).toContainText('其他人已保存了此申报');
	await expect(second.getByRole('region', { name: '已保存的版本' })).toContainText('第一位同事的名称');
	await expect(second.getByLabel('项目名称')).toHaveValue('第二位同事的名称');
	await withE2eDb(async (db) => {
		const row = await db.selectFrom('proposals').select('title').where('id', '=', Number(path.split('/').pop())).executeTakeFirstOrThrow();
		expect(row.title).toBe('第一位同事的名称');
	});
});
