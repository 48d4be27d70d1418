import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { withE2eDb } from './db';
import { ACCOUNTS } from '../fixtures/accounts';
import { createRound } from '../../src/lib/server/rounds';
import { scheduleFor } from '../helpers/db';

/**
 * After the award, through the browser: the admin records the agreement and pays the first
 * tranche; the station sees both on its proposal; the public project page shows the timeline
 * and the money; the resident who reported the need follows it past "funded".
 */
test('agreement and first tranche: admin records them, station, public page and tracking page show them', async ({ browser }) => {
	test.setTimeout(120_000);
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
	await expect(admin.getByLabel('金额（元）')).toHaveValue('25000.00');
	await admin.getByLabel('凭证号').fill('PZ-2026-0001');
	await admin.getByRole('button', { name: '登记拨付' }).click();
	await expect(admin.getByRole('status')).toHaveText('已登记。');
	await expect(admin.getByText('资助 ¥50,000.00 · 已拨付 ¥25,000.00 · 已退回 ¥0.00')).toBeVisible();
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

	// The public: the timeline and the money, and nothing private.
	const visitor = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
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
});
