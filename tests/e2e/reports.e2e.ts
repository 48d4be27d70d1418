import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { withE2eDb } from './db';
import { ACCOUNTS } from '../fixtures/accounts';
import { createRound } from '../../src/lib/server/rounds';
import { fundRound, seedFund } from '../../src/lib/server/seed/funds';
import { ROUND_DEFAULTS } from '../../src/lib/domain/round-defaults';
import { recordAgreement } from '../../src/lib/server/grants';
import { todayIn } from '../../src/lib/server/grant-views';
import { scheduleFor } from '../helpers/db';

/**
 * Reports after the award, through the browser: the station submits its mid-term report, the
 * admin returns it with comments, the station fixes and resubmits it, the admin accepts it and
 * tranche 2 becomes payable; the final report goes the same way; the public project page, the
 * resident's tracking page and results.json show the reports and the outcome.
 */
test('mid-term report returned, fixed, accepted releases tranche 2; the public sees the reports and the outcome', async ({ browser }) => {
	test.setTimeout(240_000);
	const slug = `reports-${Date.now().toString(36)}`;
	const arranged = await withE2eDb(async (db) => {
		const roundId = await createRound(
			db,
			{
				...ROUND_DEFAULTS,
				slug,
				title: `报告测试轮次 ${slug}`,
				year: 2026,
				pool_fen: 10_000_000,
				proposals_per_org: 10,
				reviewers_per_proposal: 3,
				...scheduleFor('implementation')
			},
			null
		);
		// Its pool is money a fund allocated, so the agreement's award can be committed from it.
		const fundId = await seedFund(db, { name: `报告测试基金 ${slug}`, kind: 'federation' }, null);
		await fundRound(db, { fundId, roundId, amountFen: 10_000_000, on: '2026-01-05', actorId: null });
		const station = await db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', ACCOUNTS.stationA.email).executeTakeFirstOrThrow();
		const admin = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.admin.email).executeTakeFirstOrThrow();
		const now = new Date().toISOString();
		const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
		const receipt = Array.from({ length: 12 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
		const { id: needId } = await db
			.insertInto('needs')
			.values({
				round_id: roundId,
				receipt_code: receipt,
				submission_key: null,
				title: `儿童课后看护 ${slug}`,
				description: '描述',
				category: 'children',
				district: '海珠区',
				street: '南华西街',
				affected_group: '双职工家庭儿童',
				affected_count: 40,
				urgency: 'high',
				contact_name: '陈女士',
				contact_phone: '13712345679',
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
				title: `四点半课堂 ${slug}`,
				summary: '项目简介',
				requested_fen: 5_000_000,
				// The matching it pledged: ¥10,000 and 200 volunteer hours.
				matching_cash_fen: 1_000_000,
				volunteer_hours: 200,
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
		await db
			.insertInto('budget_lines')
			.values([
				{ proposal_id: id, position: 0, category: 'activities', item: '课堂材料', unit: '套', quantity: 10, unit_price_fen: 300_000 },
				{ proposal_id: id, position: 1, category: 'activities', item: '场地', unit: '次', quantity: 10, unit_price_fen: 200_000 }
			])
			.execute();
		await db.insertInto('proposal_activities').values({ proposal_id: id, position: 0, name: '课后辅导', start_month: '2026-03', end_month: '2026-12' }).execute();
		await db.insertInto('proposal_indicators').values({ proposal_id: id, position: 0, name: '服务人次', target: '1200', unit: '人次' }).execute();
		const confirmed = new Date(Date.now() - 86_400_000).toISOString();
		await db.updateTable('rounds').set({ results_confirmed_at: confirmed, results_published_at: confirmed }).where('id', '=', roundId).execute();
		const signed = await recordAgreement(db, {
			proposalId: id,
			roundId,
			actorId: admin.id,
			number: `GZ-${slug}`,
			signedOn: todayIn('Asia/Shanghai'),
			payeeAccountName: '海珠区南华西街社工服务站',
			amountsFen: null,
			planReason: null
		});
		expect(signed.ok).toBe(true);
		return { roundId, id, receipt };
	});
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
	const station = await (await browser.newContext()).newPage();
	const admin = await (await browser.newContext()).newPage();
	await signIn(station, 'stationA');
	await signIn(admin, 'admin');

	// The station writes the mid-term report; a line over budget by more than 10 % needs a reason.
	await station.goto(`/station/proposals/${arranged.id}`);
	await station.getByRole('region', { name: '项目报告' }).getByRole('link', { name: '中期报告' }).click();
	await station.getByLabel('课后辅导 实际日期').fill('每周一至周五');
	await station.getByLabel('课后辅导 场次').fill('60');
	await station.getByLabel('课后辅导 受益人次').fill('640');
	await station.getByLabel('服务人次 实际').fill('640');
	await station.getByLabel('课堂材料 实际支出（元）').fill('20000');
	await station.getByLabel('场地 实际支出（元）').fill('10000');
	await station.getByLabel('志愿者人数').fill('38');
	await station.getByLabel('项目进展与成效').fill('课堂按计划开展。');
	await station.getByRole('button', { name: '提交报告' }).click();
	await expect(station.getByText('「课堂材料」实际支出与预算相差超过 10%，请说明原因。')).toBeVisible();
	await station.getByLabel('课堂材料 差异说明').fill('材料由社区捐赠了一部分');
	await station.getByLabel('场地 差异说明').fill('场地由街道免费提供一半');
	await station.getByRole('button', { name: '提交报告' }).click();
	await expect(station.getByRole('status')).toHaveText('报告已提交，等待审核。');
	await expect(station.getByText('已提交，待审核')).toBeVisible();

	// The admin returns it with comments.
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}`);
	await admin.getByRole('region', { name: '项目报告' }).getByRole('link', { name: '中期报告' }).click();
	await expect(admin.getByText('材料由社区捐赠了一部分')).toBeVisible();
	await admin.getByLabel('审核意见').fill('请补充受益人反馈');
	await admin.getByRole('button', { name: '退回修改' }).click();
	await expect(admin.getByRole('status')).toHaveText('报告已退回。');

	// The station sees the comments, fixes the narrative and submits again.
	await station.goto(`/station/proposals/${arranged.id}/reports/midterm`);
	await expect(station.getByRole('note')).toContainText('请补充受益人反馈');
	await station.getByLabel('项目进展与成效').fill('课堂按计划开展。家长反馈孩子作业完成率提高。');
	await station.getByRole('button', { name: '提交报告' }).click();
	await expect(station.getByRole('status')).toHaveText('报告已提交，等待审核。');

	// The admin accepts it: tranche 2 becomes payable.
	await admin.reload();
	await admin.getByRole('button', { name: '审核通过' }).click();
	await expect(admin.getByRole('status')).toHaveText('报告已通过。');
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}`);
	await expect(admin.getByLabel('期次').getByRole('option')).toHaveText(['第 1 期 · ¥25,000.00', '第 2 期 · ¥15,000.00']);

	// The final report, accepted at once; then the project closes.
	await station.goto(`/station/proposals/${arranged.id}/reports/final`);
	await station.getByLabel('课后辅导 受益人次').fill('1240');
	await station.getByLabel('课堂材料 实际支出（元）').fill('30000');
	await station.getByLabel('场地 实际支出（元）').fill('20000');
	await station.getByLabel('志愿者人数').fill('38');
	await station.getByLabel('实际配套资金（元）').fill('8000');
	await station.getByLabel('志愿服务时长（小时）').fill('260');
	await station.getByLabel('服务人次 实际').fill('1240');
	await station.getByLabel('项目进展与成效').fill('项目全部完成。');
	await station.getByRole('button', { name: '提交报告' }).click();
	await expect(station.getByRole('status')).toHaveText('报告已提交，等待审核。');
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}/reports/final`);
	await admin.getByRole('button', { name: '审核通过' }).click();
	await expect(admin.getByRole('status')).toHaveText('报告已通过。');
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}`);
	await admin.getByLabel('结果', { exact: true }).selectOption({ label: '完成结项' });
	await admin.getByLabel('说明').fill('活动全部完成');
	await admin.getByRole('button', { name: '登记结项' }).click();
	await expect(admin.getByRole('status')).toHaveText('已登记。');

	// The public: the timeline with both reports, spending and visits as reported; the resident's
	// tracking page ends with the outcome; results.json lists the reports and what was spent.
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(`/projects/${arranged.id}`);
	const impl = visitor.getByRole('region', { name: '实施进展' });
	await expect(impl.getByRole('listitem').filter({ hasText: '报告' })).toHaveText([
		/提交中期报告/,
		/中期报告审核通过/,
		/提交结项报告/,
		/结项报告审核通过/
	]);
	await expect(impl).toContainText('¥50,000.00');
	await expect(impl).toContainText('服务人次：实际 1240 人次（目标 1200 人次）');
	await visitor.goto(`/track/${arranged.receipt}`);
	await expect(visitor.getByText('完成情况：受益 1240 人次，志愿者 38 人')).toBeVisible();
	const json = await (await visitor.request.get(`/rounds/${slug}/results.json`)).json();
	const row = json.proposals.find((p: { id: number }) => p.id === arranged.id);
	expect(row.implementation.spentFen).toBe(5_000_000);
	expect(row.implementation.evaluation).toBeNull();
	expect(row.implementation.reports.map((r: { kind: string; submitted: string; accepted: string }) => [r.kind, r.submitted, r.accepted])).toEqual([
		['midterm', today, today],
		['final', today, today]
	]);

	// Matching realised: pledged at signing, delivered per the accepted final report, valued at the
	// round's volunteer-hour rate; memo entries beside the money, in no money total.
	const ledger = await (await visitor.request.get(`/rounds/${slug}/ledger.json`)).json();
	const memos = ledger.matching.entries.filter((m: { projectId: number }) => m.projectId === arranged.id);
	const rate = memos[0].hourRateFen;
	expect(memos.map((m: { kind: string; cashFen: number; volunteerHours: number; valueFen: number }) => [m.kind, m.cashFen, m.volunteerHours, m.valueFen])).toEqual([
		['pledged', 1_000_000, 200, 1_000_000 + 200 * rate],
		['delivered', 800_000, 260, 800_000 + 260 * rate]
	]);
	expect(ledger.entries.some((e: { kind: string }) => e.kind.startsWith('memo'))).toBe(false);
	expect(ledger.totals.allocatedFen).toBe(ledger.totals.committedFen + ledger.totals.uncommittedFen);
	const csv = await (await visitor.request.get(`/rounds/${slug}/ledger.csv`)).text();
	expect(csv).toContain(`,memo_delivered,project:${arranged.id},`);
	await visitor.goto(`/rounds/${slug}`);
	const matching = visitor.getByRole('region', { name: '配套落实（备忘）' }).first();
	await expect(matching.getByRole('row', { name: /已落实/ })).toContainText('¥8,000.00');
	await expect(matching.getByRole('row', { name: /已落实/ })).toContainText('260 小时');
	await expect(matching.getByRole('row', { name: /承诺/ })).toContainText('200 小时');
});
