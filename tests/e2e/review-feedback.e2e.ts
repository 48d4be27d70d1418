import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createRound } from '../../src/lib/server/rounds';
import { addAttachment } from '../../src/lib/server/attachments';
import { seedProposalDetails } from '../../src/lib/server/seed/proposals';
import { scheduleFor } from '../helpers/db';
import { ACCOUNTS } from '../fixtures/accounts';
import { e2eEngine, withE2eDb } from './db';
import { hydrated, signIn } from './helpers';
import { ROUND_DEFAULTS } from '../../src/lib/domain/round-defaults';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

async function shot(page: Page, name: string) {
	mkdirSync('test-results/screens', { recursive: true });
	await page.screenshot({ path: `test-results/screens/${name}-${e2eEngine()}.png`, fullPage: true });
	await page.screenshot({ path: `test-results/screens/${name}-${e2eEngine()}-view.png` });
}

/**
 * One round, three roles, each reading what the one before wrote: a reviewer reads the station's
 * budget and attachment beside the rubric and writes words for the applicant and words for the
 * panel; the admin reads every criterion of every review under pseudonyms; the station reads the
 * comment written for it and its reduced award once the final list is confirmed, not before.
 */
test('the reviewer reads the whole proposal, the admin reads each review, the station reads its feedback after confirmation', async ({ browser }) => {
	test.setTimeout(240_000);
	const slug = `feedback-${Date.now().toString(36)}`;
	const title = `长者助餐点 ${slug}`;
	const words = {
		forApplicant: '需求调研只有一次座谈，建议补充入户走访。',
		panelOnly: '与该机构去年的项目高度相似。',
		overall: '方案扎实，建议细化宣传预算。',
		privateNote: '执行团队去年延期过一次。',
		reduction: '宣传费偏高，核减 7,000 元。'
	};

	// Arranged in the database: a round in expert review, station A's proposal with its budget and
	// an attachment, reviewers 1 and 2 assigned to it.
	const ids = await withE2eDb(async (db) => {
		const user = (key: keyof typeof ACCOUNTS) =>
			db.selectFrom('users').select(['id', 'organisation_id', 'name']).where('email', '=', ACCOUNTS[key].email).executeTakeFirstOrThrow();
		const [stationA, r1, r2] = [await user('stationA'), await user('reviewer1'), await user('reviewer2')];
		const roundId = await createRound(
			db,
			{
				...ROUND_DEFAULTS,
				slug,
				title: `反馈测试轮次 ${slug}`,
				year: 2026,
				pool_fen: 10_000_000,
				reviewers_per_proposal: 2,
				...scheduleFor('review')
			},
			null
		);
		const now = new Date().toISOString();
		const { id: proposalId } = await db
			.insertInto('proposals')
			.values({
				round_id: roundId,
				organisation_id: stationA.organisation_id!,
				title,
				summary: `${title}：为独居长者提供午餐。`,
				requested_fen: 4_700_000,
				status: 'eligible',
				award_fen: null,
				decision_reason: null,
				created_by: stationA.id,
				created_at: now,
				updated_at: now,
				submitted_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await seedProposalDetails(db, [proposalId]);
		const attachment = await addAttachment(db, {
			proposalId,
			actorId: stationA.id,
			fileName: '场地租赁协议.png',
			bytes: PNG,
			dir: `tests/.tmp/uploads-${e2eEngine()}`
		});
		if (!attachment.ok) throw new Error('attachment failed');
		const budgetLine = await db
			.selectFrom('budget_lines')
			.select(['item'])
			.where('proposal_id', '=', proposalId)
			.orderBy('position')
			.executeTakeFirstOrThrow();
		const assignment = async (reviewerId: number) =>
			(
				await db
					.insertInto('review_assignments')
					.values({ round_id: roundId, proposal_id: proposalId, reviewer_id: reviewerId, status: 'assigned', assigned_at: now })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const criteria = await db.selectFrom('rubric_criteria').select(['id', 'name_zh']).where('round_id', '=', roundId).orderBy('position').execute();
		return {
			roundId,
			proposalId,
			budgetItem: budgetLine.item,
			a1: await assignment(r1.id),
			a2: await assignment(r2.id),
			criteria,
			names: { r1: r1.name, r2: r2.name }
		};
	});
	expect(ids.criteria.length).toBe(7);

	// Reviewer 1, on a laptop: the whole proposal beside the rubric, the budget line and the attachment.
	const r1 = await (await browser.newContext({ viewport: LAPTOP })).newPage();
	await signIn(r1, 'reviewer1');
	await r1.goto(`/review/assignments/${ids.a1}`);
	const proposal = r1.locator('section.proposal');
	await expect(proposal.getByRole('row').filter({ hasText: ids.budgetItem }).first()).toBeVisible();
	await expect(proposal.getByText('预算规则核对')).toBeVisible();
	await expect(proposal.getByText('项目负责人 1 名')).toBeVisible();
	const [download] = await Promise.all([r1.waitForEvent('download'), proposal.getByRole('link', { name: '场地租赁协议.png' }).click()]);
	expect(download.suggestedFilename()).toBe('场地租赁协议.png');
	// Side by side on a laptop: the rubric starts level with the proposal, to its right.
	const [left, right] = [await proposal.boundingBox(), await r1.locator('section[aria-labelledby="rubric-h"]').boundingBox()];
	expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
	// The budget table fits its column: nothing to scroll sideways on a laptop.
	const budget = proposal.getByRole('region', { name: '项目预算' });
	expect(await budget.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
	await shot(r1, 'review-laptop');

	// Reviewer 1 writes one comment for the applicant, one for the panel, and scores far from reviewer 2.
	await hydrated(r1);
	const first = r1.getByRole('group', { name: new RegExp(ids.criteria[0].name_zh) });
	const second = r1.getByRole('group', { name: new RegExp(ids.criteria[1].name_zh) });
	for (const [i, c] of ids.criteria.entries()) {
		await r1.getByRole('group', { name: new RegExp(c.name_zh) }).getByRole('radio', { name: i === 0 ? '2' : '8', exact: true }).check();
	}
	await first.getByLabel('本项评语').fill(words.forApplicant);
	await first.getByLabel('让申报主体看到这条评语').check();
	await second.getByLabel('本项评语').fill(words.panelOnly);
	await r1.getByLabel('给申报主体的总体意见').fill(words.overall);
	await r1.getByLabel('仅供评审组的备注').fill(words.privateNote);
	await r1.getByRole('button', { name: '提交评审' }).click();
	await expect(r1.getByRole('status').first()).toContainText('评审已提交');
	// Exactly the words the applicant will read.
	const preview = r1.locator('section[aria-labelledby="preview-h"]');
	await expect(preview).toContainText(words.forApplicant);
	await expect(preview).toContainText(words.overall);
	await expect(preview).not.toContainText(words.panelOnly);
	await expect(preview).not.toContainText(words.privateNote);
	// Submitted: the panel's discussion opens to them.
	await r1.getByLabel('发言').fill('宣传费占比偏高，是否建议核减？');
	await r1.getByRole('button', { name: '发表' }).click();
	await expect(r1.getByText('宣传费占比偏高，是否建议核减？')).toBeVisible();

	// Reviewer 2, on a phone: the proposal and the rubric stacked; the discussion stays shut until they submit.
	const r2 = await (await browser.newContext({ viewport: PHONE })).newPage();
	await signIn(r2, 'reviewer2');
	await r2.goto(`/review/assignments/${ids.a2}`);
	await expect(r2.getByText('提交您的评审后，可以参与本项目的评审组讨论')).toBeVisible();
	await expect(r2.getByText('宣传费占比偏高')).toHaveCount(0);
	const [top, below] = [await r2.locator('section.proposal').boundingBox(), await r2.locator('section[aria-labelledby="rubric-h"]').boundingBox()];
	expect(below!.y).toBeGreaterThanOrEqual(top!.y + top!.height - 1);
	expect(await r2.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await shot(r2, 'review-phone');
	await hydrated(r2);
	for (const [i, c] of ids.criteria.entries()) {
		await r2.getByRole('group', { name: new RegExp(c.name_zh) }).getByRole('radio', { name: i === 0 ? '9' : '7', exact: true }).check();
	}
	await r2.getByRole('button', { name: '提交评审' }).click();
	await expect(r2.getByRole('status').first()).toContainText('评审已提交');
	await expect(r2.getByText('宣传费占比偏高，是否建议核减？')).toBeVisible();
	// r1's message, under r1's letter in the round (the round's salt decides which letter).
	await expect(r2.getByText(/评审 [A-Z]+/).first()).toBeVisible();

	// The admin reads each criterion of each review, under pseudonyms; the first criterion is flagged.
	const admin = await (await browser.newContext({ viewport: LAPTOP })).newPage();
	await signIn(admin, 'admin');
	await admin.goto(`/admin/rounds/${ids.roundId}/proposals`);
	await admin.getByRole('link', { name: '评审意见（2）' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toContainText(title);
	const table = admin.getByRole('region', { name: '评分项' }).getByRole('table');
	for (const [i, c] of ids.criteria.entries()) {
		const row = table.getByRole('row').filter({ hasText: c.name_zh });
		// One column per review in the order of the letters, which the round's salt decides: r1 gave 2 and 8, r2 9 and 7.
		const [r1Score, r2Score, mean, spread] = i === 0 ? ['2', '9', '5.5', '7'] : ['8', '7', '7.5', '1'];
		await expect(row.getByRole('cell')).toHaveText([new RegExp(`^(${r1Score}|${r2Score})$`), new RegExp(`^(${r1Score}|${r2Score})$`), mean, spread]);
		expect((await row.getByRole('cell').allTextContents()).slice(0, 2).sort()).toEqual([r1Score, r2Score].sort());
		await expect(row.getByText('分歧较大')).toHaveCount(i === 0 ? 1 : 0);
	}
	// r1's review (the one with a private note), under r1's letter.
	const reviewA = admin.locator('section.review').filter({ hasText: words.privateNote });
	const letterA = ((await reviewA.getByRole('heading').first().textContent()) ?? '').match(/评审 ([A-Z]+)/)?.[1];
	expect(letterA).toMatch(/^[A-Z]$/);
	await expect(reviewA).toContainText(words.forApplicant);
	await expect(reviewA).toContainText(words.panelOnly);
	await expect(reviewA).toContainText(words.overall);
	await expect(reviewA).toContainText(words.privateNote);
	await expect(admin.locator('section.review')).toHaveCount(2);
	await expect(admin.locator('main')).not.toContainText(ids.names.r1);
	await shot(admin, 'admin-reviews-laptop');
	await admin.getByLabel('查看理由').fill('核查回避情况');
	await admin.getByRole('button', { name: '查看评审专家身份' }).click();
	// The same letters as the reviews above: r1's is the one on the review with the private note.
	await expect(admin.getByText(`评审 ${letterA}：${ids.names.r1}`)).toBeVisible();
	await expect(admin.getByText(new RegExp(`评审 (?!${letterA}：)[A-Z]：${ids.names.r2}`))).toBeVisible();
	await admin.setViewportSize(PHONE);
	await admin.reload();
	expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await shot(admin, 'admin-reviews-phone');
	await admin.setViewportSize(LAPTOP);

	// The decision: the admin draws the line, reduces the award with a reason, publishes the notice.
	await withE2eDb((db) => db.updateTable('rounds').set({ phase_override: 'decision' }).where('id', '=', ids.roundId).execute());
	await admin.goto(`/admin/rounds/${ids.roundId}/decision`);
	// Proposals short of the round's reviews ask for a reason before the line is drawn.
	const shortReason = admin.getByLabel('在评审不完整时划线的理由');
	if (await shortReason.count()) await shortReason.fill('其余申报的评审不在本测试范围内');
	await admin.getByRole('button', { name: '划定资助线' }).click();
	await expect(admin.getByRole('status')).toContainText('资助线已重新划定');
	const manage = admin.locator(`#p-${ids.proposalId}`);
	await manage.getByLabel('核定金额（元）').fill('40000');
	await manage.getByLabel('核减理由（将公开）').fill(words.reduction);
	await manage.getByRole('button', { name: '核减金额' }).click();
	await expect(admin.locator(`#p-${ids.proposalId}`)).toContainText(words.reduction);
	await admin.getByRole('button', { name: '发布公示' }).click();
	await expect(admin.getByRole('link', { name: '查看公示页' })).toBeVisible();

	// The station, during the notice: no feedback, no letter yet.
	const station = await (await browser.newContext({ viewport: PHONE })).newPage();
	await signIn(station, 'stationA');
	await station.goto(`/station/proposals/${ids.proposalId}`);
	await expect(station.getByText('拟资助名单正在公示，结果尚未最终确认')).toBeVisible();
	await expect(station.getByText(words.forApplicant)).toHaveCount(0);
	await expect(station.getByText('¥40,000.00')).toHaveCount(0);
	expect((await station.request.get(`/station/proposals/${ids.proposalId}/letter`)).status()).toBe(404);

	// The notice ends; the admin confirms the final list.
	await withE2eDb((db) =>
		db.updateTable('rounds').set({ notice_ends_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', ids.roundId).execute()
	);
	await admin.goto(`/admin/rounds/${ids.roundId}/decision`);
	await admin.getByRole('button', { name: '确认最终名单并公布结果' }).click();
	await expect(admin.getByText(/最终名单已于/)).toBeVisible();

	// Now the station reads its outcome, the reduced award with its reason, the comment written for it.
	await station.reload();
	const feedback = station.locator('#feedback');
	await expect(feedback).toContainText('获资助');
	await expect(feedback).toContainText('¥40,000.00');
	await expect(feedback).toContainText('核减 ¥7,000.00');
	await expect(feedback).toContainText(words.reduction);
	await expect(feedback).toContainText(words.forApplicant);
	await expect(feedback).toContainText(words.overall);
	await expect(feedback.getByRole('row').filter({ hasText: ids.criteria[0].name_zh })).toContainText('5.5 / 10');
	for (const secret of [words.panelOnly, words.privateNote, '宣传费占比偏高', ids.names.r1, ids.names.r2]) {
		await expect(station.locator('body')).not.toContainText(secret);
	}
	expect(await station.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await shot(station, 'station-feedback-phone');

	// The printable letter, without JavaScript, on a phone and on a laptop, and as printed.
	for (const viewport of [PHONE, LAPTOP]) {
		const context = await browser.newContext({ viewport, javaScriptEnabled: false });
		const page = await context.newPage();
		await signIn(page, 'stationA');
		await page.goto(`/station/proposals/${ids.proposalId}`);
		await page.getByRole('link', { name: '打印结果通知书' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('资助通知书');
		await expect(page.locator('article.letter')).toContainText(`资助金额 ¥40,000.00`);
		await expect(page.locator('article.letter')).toContainText(words.forApplicant);
		await expect(page.locator('article.letter')).toContainText(words.reduction);
		await shot(page, `letter-${viewport.width}`);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('header.site')).toBeHidden();
		await expect(page.getByRole('link', { name: '返回项目申报书' })).toBeHidden();
		await shot(page, `letter-print-${viewport.width}`);
		await context.close();
	}
});
