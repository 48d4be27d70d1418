import { expect, test, type Page } from '@playwright/test';
import { hydrated, signIn } from './helpers';
import { withE2eDb } from './db';
import { fillProposal } from '../helpers/proposal-form';
import { E2E_FUND_NAME } from '../fixtures/seed';

/**
 * One whole round, thin but real, through the browser as four people: an admin sets it up and
 * moves it through its phases, a resident on a phone reports a need, a station answers it with a
 * proposal, a reviewer scores it, and the public sees the funded project.
 */
test('a whole round from a resident’s need to a published winner', async ({ browser }) => {
	test.setTimeout(180_000);
	const slug = `e2e-${Date.now().toString(36)}`;
	const roundTitle = `端到端测试轮次 ${slug}`;
	const needTitle = `楼道灯坏了老人夜里摔倒 ${slug}`;
	const projectTitle = `点亮回家路 ${slug}`;

	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');

	// The admin creates the round; its schedule starts next week, so it is a draft.
	await admin.goto('/admin/rounds/new');
	await hydrated(admin);
	await admin.getByLabel('名称').fill(roundTitle);
	await admin.getByLabel('网址标识').fill(slug);
	// The pool is money a fund allocates to the round.
	const fundSelect = admin.getByLabel('资金来源基金');
	await fundSelect.selectOption((await fundSelect.locator('option', { hasText: E2E_FUND_NAME }).getAttribute('value'))!);
	await admin.getByRole('button', { name: '新建轮次' }).click();
	await expect(admin.getByRole('status')).toContainText('轮次已创建');
	const roundPath = new URL(admin.url()).pathname;
	await expect(admin.getByText('当前阶段：草稿')).toBeVisible();
	await expect(admin.getByRole('cell', { name: '项目设计与可行性' })).toBeVisible();

	// A draft is the admins' alone.
	const resident = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
	expect((await resident.goto(`/rounds/${slug}`))!.status()).toBe(404);

	const setPhase = async (label: string) => {
		await admin.goto(roundPath);
		await hydrated(admin);
		await admin.getByLabel('设为').selectOption({ label });
		await admin.getByLabel('理由').first().fill(`端到端测试：进入${label}`);
		await admin.getByRole('button', { name: '确认调整' }).click();
		await expect(admin.getByText(`当前阶段：${label}`)).toBeVisible();
	};
	await setPhase('需求征集');

	// A resident on a phone reports a need without an account and gets a receipt code.
	await resident.goto(`/rounds/${slug}`);
	await hydrated(resident);
	await resident.getByRole('link', { name: '反映社区需求' }).click();
	await resident.getByLabel('需求标题').fill(needTitle);
	await resident.getByLabel('具体情况').fill('三号楼楼道灯坏了两个月，独居老人晚上下楼摔倒过。');
	await resident.getByLabel('服务领域').selectOption({ label: '长者' });
	await resident.getByLabel('所在区').selectOption({ label: '海珠区' });
	await resident.getByLabel('街道 / 镇').selectOption({ label: '南华西街' });
	await resident.getByLabel('受影响的人群').fill('三号楼独居长者');
	await resident.getByLabel('大约人数').fill('12');
	await resident.getByLabel('紧急程度').selectOption({ label: '紧急' });
	await resident.getByRole('button', { name: '提交需求' }).click();
	await expect(resident).toHaveURL(/\/track\/[A-Za-z0-9-]+\?new=1$/);
	const trackPath = new URL(resident.url()).pathname;
	await expect(resident.getByText(needTitle)).toBeVisible();

	// The admin publishes it; the round moves on to applications.
	await admin.goto(`${roundPath}/needs`);
	await hydrated(admin);
	await admin.getByRole('button', { name: '发布', exact: true }).first().click();
	await expect(admin.getByRole('status')).toContainText('已发布 1 条需求');
	await setPhase('项目申报');

	// A station answers the need with a proposal.
	const station = await (await browser.newContext()).newPage();
	await signIn(station, 'stationA');
	await station.goto('/station');
	await hydrated(station);
	await station.locator(`a[href="/station/proposals/new?round=${slug}"]`).click();
	await fillProposal(station, {
		title: projectTitle,
		needTitles: [needTitle],
		lines: [['activities', '楼道感应灯及安装', '盏', '40', '750']],
		matchingCash: '3000'
	});
	await station.getByRole('button', { name: '提交申报' }).click();
	await expect(station.getByText('已提交').first()).toBeVisible();

	// Eligibility check, then the panel: the admin passes it and assigns a reviewer.
	await setPhase('资格审查');
	await admin.goto(`${roundPath}/eligibility`);
	await hydrated(admin);
	await admin.getByRole('link', { name: projectTitle }).click();
	// all() does not wait: make sure the checklist page is there before ticking its items.
	await expect(admin.locator('input[name="item"]').first()).toBeVisible();
	await hydrated(admin);
	for (const box of await admin.locator('input[name="item"]').all()) await box.check();
	await admin.getByLabel('通过', { exact: true }).check();
	await admin.getByRole('button', { name: '登记结果' }).click();
	await expect(admin.getByText('资格审查通过').first()).toBeVisible();
	await setPhase('专家评审');
	await admin.goto(`${roundPath}/proposals`);
	await hydrated(admin);
	await admin.getByLabel('评审专家').selectOption({ label: '林评审' });
	await admin.getByRole('button', { name: '分配评审', exact: true }).click();
	await expect(admin.getByRole('cell', { name: /林评审/ })).toBeVisible();

	// The reviewer scores it on the rubric.
	const reviewer = await (await browser.newContext()).newPage();
	await signIn(reviewer, 'reviewer2');
	await reviewer.getByRole('link', { name: projectTitle }).click();
	const criteria = reviewer.locator('fieldset.criterion');
	await expect(criteria).toHaveCount(7);
	for (let i = 0; i < 7; i++) await criteria.nth(i).getByLabel('8', { exact: true }).check();
	await expect(reviewer.getByText('80.0')).toBeVisible();
	await reviewer.getByLabel('给申报主体的总体意见').fill('回应了居民的安全需求，方案可行。');
	await reviewer.getByRole('button', { name: '提交评审' }).click();
	await expect(reviewer.getByRole('status')).toContainText('评审已提交');

	// The admin draws the funding line (which funds it), puts it on notice and, once the notice
	// has run its course, confirms the final list: the results are public.
	await setPhase('评审决策');
	await admin.goto(`${roundPath}/decision`);
	await hydrated(admin);
	await expect(admin.getByRole('cell', { name: /80\.00/ }).first()).toBeVisible();
	// One review of the five the round asks for: the line is drawn only with a reason.
	await admin.getByRole('button', { name: '划定资助线' }).click();
	await expect(admin.getByText(/份申报的评审不完整：请补齐评审/)).toBeVisible();
	await admin.getByLabel('在评审不完整时划线的理由').fill('端到端测试：其余评审专家已回避，按已交评审划线');
	await admin.getByRole('button', { name: '划定资助线' }).click();
	await expect(admin.getByRole('cell', { name: '¥30,000.00' }).nth(1)).toBeVisible();
	await admin.getByRole('button', { name: '发布公示' }).click();
	await expect(admin.getByRole('link', { name: '查看公示页' })).toBeVisible();
	await withE2eDb((db) =>
		db.updateTable('rounds').set({ notice_ends_at: new Date(Date.now() - 1000).toISOString() }).where('slug', '=', slug).execute()
	);
	await admin.reload();
	await admin.getByRole('button', { name: '确认最终名单并公布结果' }).click();
	await expect(admin.getByText(/最终名单已于/)).toBeVisible();

	// The public sees the winner, and the resident sees the need funded.
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(`/rounds/${slug}/results`);
	await hydrated(visitor);
	await visitor.getByRole('link', { name: projectTitle }).click();
	await expect(visitor.getByRole('heading', { name: projectTitle })).toBeVisible();
	await expect(visitor.getByText('阳光社工站')).toBeVisible();
	await expect(visitor.getByText('¥30,000.00').first()).toBeVisible();
	await resident.goto(trackPath);
	await hydrated(resident);
	await expect(resident.getByText('已有项目获得资助')).toBeVisible();

	await verifyAudit(admin, roundPath);
});

/** Every staff step above left its trace in the audit log. */
async function verifyAudit(admin: Page, roundPath: string) {
	const roundId = roundPath.split('/').pop()!;
	await admin.goto(`/admin/audit?entity=round&entityId=${roundId}`);
	await hydrated(admin);
	// The log names each action in words (audit.action.* in the catalogue), not by its key.
	for (const action of ['新建轮次', '手动调整阶段', '划定资助线', '发布公示', '确认最终名单并公布结果']) {
		await expect(admin.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
	}
	await admin.goto('/admin/audit?entity=proposal');
	await hydrated(admin);
	for (const action of ['资格审查：通过', '分配评审']) {
		await expect(admin.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
	}
}
