import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { withE2eDb } from './db';
import { ACCOUNTS } from '../fixtures/accounts';
import { createRound } from '../../src/lib/server/rounds';
import { fundRound, seedFund } from '../../src/lib/server/seed/funds';
import { scheduleFor } from '../helpers/db';

/**
 * After the award, through the browser, from agreement to closing: the admin records the
 * agreement, pays the first tranche, releases and pays the second, and closes the project; each
 * payment is above the federation's threshold (¥10,000), so it is a request until the second admin
 * approves it, and the ledger and the payments export name both; the
 * station sees its agreement and payments; at each step the public project page, the resident's
 * tracking page and results.json say the same status and money.
 */
test('agreement to closing: admin records each step, station, public page, tracking page and results.json follow', async ({ browser }) => {
	test.setTimeout(180_000);
	const slug = `grants-${Date.now().toString(36)}`;
	const arranged = await withE2eDb(async (db) => {
		const roundId = await createRound(
			db,
			{
				slug,
				title: `实施测试轮次 ${slug}`,
				year: 2026,
				pool_fen: 10_000_000,
				grant_min_fen: 500_000,
				grant_max_fen: 5_000_000,
				proposals_per_org: 10,
				reviewers_per_proposal: 3,
				time_zone: 'Asia/Shanghai',
				...scheduleFor('implementation')
			},
			null
		);
		// Its pool is money a fund allocated, so the agreement's award can be committed from it.
		const fundId = await seedFund(db, { name: `实施测试基金 ${slug}`, kind: 'federation' }, null);
		await fundRound(db, { fundId, roundId, amountFen: 10_000_000, on: '2026-01-05', actorId: null });
		const station = await db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', ACCOUNTS.stationA.email).executeTakeFirstOrThrow();
		const now = new Date().toISOString();
		const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
		const receipt = Array.from({ length: 12 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
		const { id: needId } = await db
			.insertInto('needs')
			.values({
				round_id: roundId,
				receipt_code: receipt,
				submission_key: null,
				title: `楼道照明 ${slug}`,
				description: '描述',
				category: 'elderly',
				district: '海珠区',
				street: '南华西街',
				affected_group: '独居长者',
				affected_count: 20,
				urgency: 'high',
				contact_name: '许阿婆',
				contact_phone: '13712345678',
				status: 'published',
				decline_reason: null,
				created_at: now,
				published_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const { id } = await db
			.insertInto('proposals')
			.values({
				round_id: roundId,
				organisation_id: station.organisation_id!,
				title: `长者助餐 ${slug}`,
				summary: '项目简介',
				requested_fen: 5_000_000,
				status: 'funded',
				award_fen: 5_000_000,
				funding_reason: 'funded',
				funding_rank: 1,
				decision_reason: null,
				created_by: station.id,
				created_at: now,
				updated_at: now,
				submitted_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('proposal_needs').values({ proposal_id: id, need_id: needId }).execute();
		const confirmed = new Date(Date.now() - 86_400_000).toISOString();
		await db.updateTable('rounds').set({ results_confirmed_at: confirmed, results_published_at: confirmed }).where('id', '=', roundId).execute();
		return { roundId, id, receipt };
	});
	const agreementNo = `GZ-${slug}`;
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
	const visitor = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
	/** What the public reads at this step: the project page's status, the tracking page's, results.json's object. */
	async function publicSees() {
		await visitor.goto(`/projects/${arranged.id}`);
		const project = await visitor.locator('main [data-stage]').first().getAttribute('data-stage');
		const json = await (await visitor.request.get(`/rounds/${slug}/results.json`)).json();
		const row = json.proposals.find((p: { id: number }) => p.id === arranged.id);
		// The reports' fields (reports.e2e.ts follows them) are left aside here.
		const { spentFen, reports, evaluation, ...implementation } = row.implementation;
		expect([spentFen, reports.length, evaluation]).toEqual([0, 2, null]);
		return { project, json: row.status, implementation };
	}
	const tranche = (position: number, plannedFen: number, paidFen = 0, paidOn: string | null = null) => ({
		position,
		condition: ['signing', 'midterm_report', 'final_report'][position - 1],
		plannedFen,
		paidFen,
		paidOn
	});
	expect(await publicSees()).toEqual({
		project: 'funded',
		json: 'funded',
		implementation: { status: 'funded', paidFen: 0, returnedFen: 0, tranches: [], closedAt: null, closingOutcome: null }
	});
	await visitor.goto(`/track/${arranged.receipt}`);
	await expect(visitor.getByText('等待签约')).toBeVisible();

	// The admin: the round's funded projects, then the project's agreement and first payment.
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects`);
	await expect(admin.getByRole('row', { name: new RegExp(slug) })).toContainText('待签约');
	await admin.getByRole('link', { name: `长者助餐 ${slug}` }).click();
	await admin.getByLabel('协议编号').fill(agreementNo);
	await admin.getByLabel('收款账户名称').fill('海珠区南华西街社工服务站');
	await admin.getByRole('button', { name: '登记签约' }).click();
	await expect(admin.getByRole('status')).toHaveText('已登记。');
	const plan = admin.getByRole('region', { name: '分期计划' }).first().getByRole('table');
	await expect(plan.getByRole('row')).toHaveCount(4);
	await expect(plan).toContainText('¥25,000.00');
	await expect(plan).toContainText('¥15,000.00');
	await expect(plan).toContainText('¥10,000.00');
	// Only the first tranche is payable: the mid-term and final ones wait for their reports.
	await expect(admin.getByLabel('期次')).toHaveText('第 1 期 · ¥25,000.00');
	const planned = [tranche(1, 2_500_000), tranche(2, 1_500_000), tranche(3, 1_000_000)];
	expect(await publicSees()).toEqual({
		project: 'signed',
		json: 'signed',
		implementation: { status: 'signed', paidFen: 0, returnedFen: 0, tranches: planned, closedAt: null, closingOutcome: null }
	});
	await expect(admin.getByLabel('金额（元）')).toHaveValue('25000.00');
	await admin.getByLabel('凭证号').fill('PZ-2026-0001');
	await admin.getByRole('button', { name: '登记拨付' }).click();
	// Above the threshold: a request, nothing paid yet; the admin who asked cannot approve it.
	await expect(admin.getByRole('status')).toContainText('已提交复核申请');
	await expect(admin.getByText('资助 ¥50,000.00 · 已拨付 ¥0.00 · 已退回 ¥0.00')).toBeVisible();
	await expect(admin.getByRole('region', { name: '等待复核' }).first()).toContainText('¥25,000.00');
	await admin.goto('/admin/approvals');
	const mine = admin.getByRole('row').filter({ has: admin.getByRole('link', { name: `长者助餐 ${slug}` }) });
	await expect(mine).toContainText('您提交的申请');
	await expect(mine.getByRole('button', { name: '复核通过' })).toHaveCount(0);
	// The second admin approves it: now it is in the ledger.
	const checker = await (await browser.newContext()).newPage();
	await signIn(checker, 'checker');
	const approve = async () => {
		await checker.goto('/admin/approvals');
		const row = checker.getByRole('row').filter({ has: checker.getByRole('link', { name: `长者助餐 ${slug}` }) });
		await expect(row).toContainText(ACCOUNTS.admin.name);
		await row.getByRole('button', { name: '复核通过' }).click();
		await expect(checker.getByRole('status')).toHaveText('已复核通过，已记入账本。');
	};
	await approve();
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}`);
	await expect(admin.getByText('资助 ¥50,000.00 · 已拨付 ¥25,000.00 · 已退回 ¥0.00')).toBeVisible();
	await expect(admin.getByRole('region', { name: '等待复核' })).toHaveCount(0);
	const exported = await (await admin.request.get(`/admin/rounds/${arranged.roundId}/projects/payments.csv`)).text();
	const paymentLine = exported.split('\n').find((line) => line.includes('PZ-2026-0001'));
	expect(paymentLine).toContain(`${ACCOUNTS.admin.name},${ACCOUNTS.checker.name}`);
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects`);
	await expect(admin.getByRole('row', { name: new RegExp(slug) })).toContainText('实施中');

	// The station: its agreement and the payment on its proposal's page.
	const station = await (await browser.newContext()).newPage();
	await signIn(station, 'stationA');
	await station.goto(`/station/proposals/${arranged.id}`);
	const grant = station.getByRole('region', { name: '签约与拨付' });
	await expect(grant).toContainText(agreementNo);
	await expect(grant).toContainText('海珠区南华西街社工服务站');
	await expect(grant).toContainText('PZ-2026-0001');
	await expect(grant).toContainText('实施中');
	// What to do next, and by when the reports behind the later tranches are due.
	await expect(grant).toContainText('项目实施中，按期提交报告');
	await expect(grant.getByText('中期报告截止')).toBeVisible();
	await expect(grant.getByText('结项报告截止')).toBeVisible();

	// The public: the timeline and the money, and nothing private.
	expect(await publicSees()).toEqual({
		project: 'in_progress',
		json: 'in_progress',
		implementation: {
			status: 'in_progress',
			paidFen: 2_500_000,
			returnedFen: 0,
			tranches: [tranche(1, 2_500_000, 2_500_000, today), planned[1], planned[2]],
			closedAt: null,
			closingOutcome: null
		}
	});
	await visitor.goto(`/projects/${arranged.id}`);
	const impl = visitor.getByRole('region', { name: '实施进展' });
	await expect(impl.getByRole('listitem')).toHaveText([/立项名单确认/, /签订资助协议/, /拨付第 1 期 ¥25,000.00/]);
	await expect(impl).toContainText('已拨付 50%');
	await expect(visitor.locator('body')).not.toContainText('海珠区南华西街社工服务站');
	await expect(visitor.locator('body')).not.toContainText('PZ-2026-0001');
	expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await visitor.screenshot({ path: test.info().outputPath('project-375.png'), fullPage: true });

	// The resident: the tracking page goes on past "funded".
	await visitor.goto(`/track/${arranged.receipt}`);
	await expect(visitor.getByText(/已签订资助协议（\d{4}-\d{2}-\d{2}）/)).toBeVisible();
	await expect(visitor.getByText('已拨付 ¥25,000.00 / ¥50,000.00')).toBeVisible();
	await visitor.screenshot({ path: test.info().outputPath('track-375.png'), fullPage: true });

	// The round's page: paid of awarded, the ledger's sum over the round's funded projects.
	await visitor.goto(`/rounds/${slug}`);
	const paidLine = visitor.locator('main [data-paid]');
	await expect(paidLine).toContainText('已拨付（占资助金额）');
	const published = await (await visitor.request.get(`/rounds/${slug}/results.json`)).json();
	const paidInJson = published.proposals.reduce((sum: number, p: { implementation?: { paidFen: number } }) => sum + (p.implementation?.paidFen ?? 0), 0);
	expect(paidInJson).toBeGreaterThanOrEqual(2_500_000);
	expect(Number(await paidLine.getAttribute('data-paid'))).toBe(paidInJson);

	// The admin releases the second tranche (its report is not in the portal yet: a reason), pays
	// it, and closes the project as completed.
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}`);
	const second = admin.getByRole('region', { name: '分期计划' }).first().getByRole('row', { name: /第 2 期/ });
	await second.getByLabel('理由').fill('中期报告已线下审核通过');
	await second.getByRole('button', { name: '登记条件已满足' }).click();
	await expect(admin.getByRole('status')).toHaveText('已登记。');
	await admin.getByLabel('期次').selectOption({ label: '第 2 期 · ¥15,000.00' });
	await admin.getByLabel('金额（元）').fill('15000.00');
	await admin.getByLabel('凭证号').fill('PZ-2026-0002');
	await admin.getByRole('button', { name: '登记拨付' }).click();
	await expect(admin.getByRole('status')).toContainText('已提交复核申请');
	await approve();
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}`);
	await admin.getByLabel('结果', { exact: true }).selectOption({ label: '完成结项' });
	await admin.getByLabel('说明').fill('活动全部完成，末期款不再拨付');
	await admin.getByRole('button', { name: '登记结项' }).click();
	await expect(admin.getByRole('status')).toHaveText('已登记。');

	expect(await publicSees()).toEqual({
		project: 'completed',
		json: 'completed',
		implementation: {
			status: 'completed',
			paidFen: 4_000_000,
			returnedFen: 0,
			tranches: [tranche(1, 2_500_000, 2_500_000, today), tranche(2, 1_500_000, 1_500_000, today), planned[2]],
			closedAt: today,
			closingOutcome: 'completed'
		}
	});
	await visitor.goto(`/projects/${arranged.id}`);
	await expect(impl.getByRole('listitem').last()).toHaveText(/结项：完成结项/);
	await visitor.goto(`/track/${arranged.receipt}`);
	await expect(visitor.getByText(`完成结项（${today}）`)).toBeVisible();
	await station.goto(`/station/proposals/${arranged.id}`);
	await expect(grant).toContainText('PZ-2026-0002');
	await expect(grant.locator('[data-stage]').first()).toHaveAttribute('data-stage', 'completed');
});
