import { expect, test } from '@playwright/test';
import { apiSignIn, browserPost, signIn } from './helpers';
import { withE2eDb } from './db';
import { ACCOUNTS } from '../fixtures/accounts';
import { closeProject, recordAgreement } from '../../src/lib/server/grants';
import { projectLedger, todayIn } from '../../src/lib/server/grant-views';
import { projectReport, reviewReport, saveReport } from '../../src/lib/server/project-reports';
import { makeOrganisation, makeProposal, makeRound } from '../helpers/db';

/**
 * Evaluation through the browser: an admin assigns an evaluator to a project's accepted final
 * report, the evaluator grades it 不合格, and the last tranche stops being payable until an admin
 * overrides with a reason; the public project page, the resident's tracking page, results.json
 * and the round's stats show the grade. A reviewer with a conflict (declared after they were
 * assigned) is refused on every evaluation URL, and nothing changes.
 */
test('an evaluator grades the final report; 不合格 withholds the last tranche until overridden; the public sees the grade; a conflicted evaluator is refused everywhere', async ({ browser, baseURL }) => {
	test.setTimeout(240_000);
	const slug = `evaluation-${Date.now().toString(36)}`;
	const arranged = await withE2eDb(async (db) => {
		const round = await makeRound(db, 'implementation', { slug, title: `评估测试轮次 ${slug}`, pool_fen: 10_000_000 });
		const org = await makeOrganisation(db, `评估测试机构 ${slug}`);
		const id = await makeProposal(db, round.id, org, 'funded', 5_000_000);
		await db.updateTable('proposals').set({ title: `长者助餐 ${slug}`, award_fen: 5_000_000, funding_reason: 'funded', funding_rank: 1 }).where('id', '=', id).execute();
		await db.insertInto('budget_lines').values({ proposal_id: id, position: 0, category: 'activities', item: '餐食补贴', unit: '份', quantity: 100, unit_price_fen: 50_000 }).execute();
		await db.insertInto('proposal_activities').values({ proposal_id: id, position: 0, name: '长者饭堂', start_month: '2026-03', end_month: '2026-12' }).execute();
		// A resident's need the project answers, followed by its receipt code.
		const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
		const receipt = Array.from({ length: 12 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
		const now = new Date().toISOString();
		const { id: needId } = await db
			.insertInto('needs')
			.values({
				round_id: round.id,
				receipt_code: receipt,
				submission_key: null,
				title: `长者吃饭难 ${slug}`,
				description: '描述',
				category: 'elderly',
				district: '海珠区',
				street: '南华西街',
				affected_group: '独居长者',
				affected_count: 40,
				urgency: 'high',
				contact_name: '陈女士',
				contact_phone: '13712345670',
				status: 'published',
				decline_reason: null,
				created_at: now,
				published_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('proposal_needs').values({ proposal_id: id, need_id: needId }).execute();
		const confirmed = new Date(Date.now() - 86_400_000).toISOString();
		await db.updateTable('rounds').set({ results_confirmed_at: confirmed, results_published_at: confirmed }).where('id', '=', round.id).execute();
		const admin = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.admin.email).executeTakeFirstOrThrow();
		const base = { proposalId: id, roundId: round.id, actorId: admin.id };
		const must = (what: string, outcome: { ok: boolean }) => expect(outcome.ok, what).toBe(true);
		must('agreement', await recordAgreement(db, { ...base, number: `PG-${slug}`, signedOn: todayIn(round.time_zone), payeeAccountName: '评估测试收款账户', amountsFen: null, planReason: null }));
		// The station's final report (its journey is the reports test's), accepted: tranche 3's condition is met.
		const content = (await projectReport(db, id, 'final'))!.report.content;
		content.activities[0] = { ...content.activities[0], dates: '每周一至周五', sessions: 200, visits: 1240 };
		content.lines[0].actualFen = 5_000_000;
		content.volunteers = 38;
		content.narrative = '长者饭堂全年运营。';
		must('report', await saveReport(db, { proposalId: id, organisationId: org, kind: 'final', version: 0, content, submit: true, actorId: admin.id }));
		must('accept', await reviewReport(db, { ...base, kind: 'final', decision: 'accept', comment: null }));
		// Reviewer 2 was asked to evaluate, then declared a conflict with the project (回避).
		const reviewer2 = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.reviewer2.email).executeTakeFirstOrThrow();
		const { id: conflicted } = await db
			.insertInto('evaluation_assignments')
			.values({ proposal_id: id, kind: 'final', evaluator_id: reviewer2.id, status: 'assigned', scores: null, total_hundredths: null, comment: null, assigned_by: admin.id, assigned_at: now, submitted_at: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('review_conflicts')
			.values({ round_id: round.id, proposal_id: id, reviewer_id: reviewer2.id, source: 'declared', reason: '曾在该机构任职', created_by: reviewer2.id, created_at: now })
			.execute();
		const tranches = (await projectLedger(db, id))!.tranches;
		return { roundId: round.id, id, receipt, conflicted, reviewer2: reviewer2.id, lastTranche: tranches[2].id, adminId: admin.id };
	});
	const evaluationUrl = `/admin/rounds/${arranged.roundId}/projects/${arranged.id}/evaluation/final`;
	const rows = () => withE2eDb((db) => db.selectFrom('evaluation_assignments').select(['id', 'evaluator_id', 'status', 'total_hundredths']).where('proposal_id', '=', arranged.id).orderBy('id').execute());
	const admin = await (await browser.newContext()).newPage();
	const evaluator = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');
	await signIn(evaluator, 'reviewer1');

	// The admin opens the final evaluation from the project and assigns reviewer 1; the conflicted reviewer is not offered.
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}`);
	await admin.getByRole('link', { name: '结项评估' }).click();
	await expect(admin).toHaveURL(evaluationUrl);
	const select = admin.getByRole('combobox', { name: /评估专家/ });
	const choices = select.getByRole('option');
	await expect(choices.filter({ hasText: ACCOUNTS.reviewer1.name })).toHaveCount(1);
	await expect(choices.filter({ hasText: ACCOUNTS.reviewer2.name })).toHaveCount(0);
	await select.selectOption({ label: ACCOUNTS.reviewer1.name });
	await admin.getByRole('button', { name: '分配', exact: true }).click();
	await expect(admin.getByRole('status')).toHaveText('已分配评估专家。');
	// The conflicted reviewer's assignment shows as such: they must recuse, the admin removes it.
	await expect(admin.getByRole('row', { name: new RegExp(ACCOUNTS.reviewer2.name) })).toContainText('须回避');
	// Posting the conflicted reviewer anyway is refused, and nothing is added.
	const before = await rows();
	const forced = await admin.request.post(`${evaluationUrl}?/assign`, { form: { evaluatorId: String(arranged.reviewer2) }, headers: browserPost(baseURL!), maxRedirects: 0 });
	expect(forced.status()).toBe(400);
	expect(await forced.text()).toContain('该专家与此项目存在利益冲突，须回避。');
	expect(await rows()).toEqual(before);

	// Reviewer 1 finds it in their queue, reads the report and the plan, and scores it 50 / 100: 不合格.
	await evaluator.goto('/review');
	await evaluator.getByRole('link', { name: '我的项目评估' }).click();
	await evaluator.getByRole('link', { name: new RegExp(`结项评估：长者助餐 ${slug}`) }).click();
	await expect(evaluator.getByRole('region', { name: /项目报告/ })).toContainText('长者饭堂全年运营。');
	await expect(evaluator.getByRole('region', { name: '项目计划与预算' })).toContainText('餐食补贴');
	await expect(evaluator.locator('body')).not.toContainText('评估测试收款账户');
	for (const label of ['目标达成', '服务对象反馈', '预算执行', '过程记录与档案', '可持续性']) await evaluator.getByLabel(new RegExp(label)).fill('5');
	await evaluator.getByLabel('评估意见').fill('过程记录缺失，受益人反馈不足。');
	await evaluator.getByRole('button', { name: '提交评估' }).click();
	await expect(evaluator.getByRole('status')).toHaveText('评估已提交。');
	await expect(evaluator.getByText('您的总分：50.00')).toBeVisible();
	await expect(evaluator.getByText('评估等级：不合格')).toBeVisible();

	// 不合格 withholds the last tranche: only tranche 1 is offered for payment, and a forced payment of tranche 3 is refused.
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}`);
	await expect(admin.getByText('评估不合格，暂停拨付')).toBeVisible();
	await expect(admin.getByLabel('期次').getByRole('option')).toHaveText(['第 1 期 · ¥25,000.00']);
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
	const pay = { trancheId: String(arranged.lastTranche), amount: '10000', paidOn: today, reference: `PZ-${slug}-3` };
	const refused = await admin.request.post(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}?/pay`, { form: pay, headers: browserPost(baseURL!), maxRedirects: 0 });
	expect(refused.status()).toBe(400);
	expect(await refused.text()).toContain('第 3 期因结项评估不合格暂停拨付');

	// The admin overrides with a reason (audited); tranche 3 is payable again.
	await admin.goto(evaluationUrl);
	await expect(admin.getByText('评估等级：不合格')).toBeVisible();
	await admin.getByLabel('理由').fill('已补交过程记录，经理事会审议同意拨付');
	await admin.getByRole('button', { name: '说明理由并放行' }).click();
	await expect(admin.getByRole('status')).toHaveText('已放行最后一期资助。');
	await expect(admin.getByText('已补交过程记录，经理事会审议同意拨付')).toBeVisible();
	await admin.goto(`/admin/rounds/${arranged.roundId}/projects/${arranged.id}`);
	await expect(admin.getByLabel('期次').getByRole('option')).toHaveText(['第 1 期 · ¥25,000.00', '第 3 期 · ¥10,000.00']);
	const audit = await withE2eDb((db) => db.selectFrom('audit_log').select(['action', 'reason', 'actor_id']).where('entity', '=', 'proposal').where('entity_id', '=', String(arranged.id)).where('action', 'like', 'evaluation.%').orderBy('id').execute());
	expect(audit.map((a) => a.action)).toEqual(['evaluation.assign', 'evaluation.submit', 'evaluation.graded', 'evaluation.override']);
	expect(audit.at(-1)).toEqual({ action: 'evaluation.override', reason: '已补交过程记录，经理事会审议同意拨付', actor_id: arranged.adminId });

	// The project closes; the public sees the grade on the project page, the tracking page, results.json and the stats.
	await withE2eDb(async (db) => {
		const closed = await closeProject(db, { proposalId: arranged.id, roundId: arranged.roundId, outcome: 'completed', closedOn: today, note: '项目完成', returnDueFen: 0, actorId: arranged.adminId });
		expect(closed.ok).toBe(true);
	});
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(`/projects/${arranged.id}`);
	const impl = visitor.getByRole('region', { name: '实施进展' });
	await expect(impl).toContainText('评估等级');
	await expect(impl.getByRole('listitem').filter({ hasText: '结项评估' })).toHaveText([/结项评估：不合格/]);
	await visitor.goto(`/track/${arranged.receipt}`);
	await expect(visitor.getByText('已完成：受益 1,240 人次，志愿者 38 人；不合格')).toBeVisible();
	const json = await (await visitor.request.get(`/rounds/${slug}/results.json`)).json();
	const row = json.proposals.find((p: { id: number }) => p.id === arranged.id);
	expect(row.implementation.evaluation).toEqual({ kind: 'final', grade: 'fail' });
	await visitor.goto(`/rounds/${slug}/stats`);
	await expect(visitor.getByRole('region', { name: '项目实施' })).toContainText('不合格 1 个');
	// Nothing of who gave which score, nor the evaluator's comment, is public.
	for (const path of [`/projects/${arranged.id}`, `/rounds/${slug}/results.json`]) {
		const text = await (await visitor.request.get(path)).text();
		expect(text).not.toContain(ACCOUNTS.reviewer1.name);
		expect(text).not.toContain('过程记录缺失');
	}

	// The conflicted reviewer: refused on every evaluation URL (loads and actions), and nothing changed.
	const conflictedApi = (await browser.newContext({ baseURL })).request;
	await apiSignIn(conflictedApi, baseURL!, 'reviewer2');
	const untouched = await rows();
	const own = `/review/evaluations/${arranged.conflicted}`;
	expect((await conflictedApi.get(own)).status()).toBe(404);
	const list = await conflictedApi.get('/review/evaluations');
	expect(list.status()).toBe(200);
	expect(await list.text()).not.toContain(`长者助餐 ${slug}`);
	const scores = { score_goals: '10', score_feedback: '10', score_budget: '10', score_documentation: '10', score_sustainability: '10', comment: '' };
	for (const [action, form] of [['submit', scores], ['conflict', { reason: '再次申报' }]] as const) {
		const response = await conflictedApi.post(`${own}?/${action}`, { form, headers: browserPost(baseURL!), maxRedirects: 0 });
		expect(response.status(), `POST ${own}?/${action}`).toBe(404);
	}
	// The admin's evaluation page and its actions are not a reviewer's at all.
	expect((await conflictedApi.get(evaluationUrl)).status()).toBe(403);
	for (const [action, form] of [['assign', { evaluatorId: String(arranged.reviewer2) }], ['unassign', { assignmentId: String(arranged.conflicted) }], ['override', { reason: '放行' }]] as const) {
		const response = await conflictedApi.post(`${evaluationUrl}?/${action}`, { form, headers: browserPost(baseURL!), maxRedirects: 0 });
		expect(response.status(), `POST ${evaluationUrl}?/${action}`).toBe(403);
	}
	expect(await rows()).toEqual(untouched);
	expect(untouched.find((r) => r.id === arranged.conflicted)).toMatchObject({ status: 'assigned', total_hundredths: null });
	const conflicts = await withE2eDb((db) => db.selectFrom('review_conflicts').select('id').where('proposal_id', '=', arranged.id).execute());
	expect(conflicts).toHaveLength(1);
});
