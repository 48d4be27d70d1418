import { expect, test, type Page } from '@playwright/test';
import { createRound } from '../../src/lib/server/rounds';
import { scheduleFor } from '../helpers/db';
import { ACCOUNTS } from '../fixtures/accounts';
import { withE2eDb } from './db';
import { apiSignIn, browserPost, fixtures, signIn } from './helpers';
import { ROUND_DEFAULTS } from '../../src/lib/domain/round-defaults';

/**
 * Expert review on a round of its own: the admin chooses the panel and auto-assigns; a reviewer
 * declares a conflict and is replaced; three reviewers score (one on a phone, one with the
 * keyboard only); the admin sees mean, trimmed mean and calibrated scores for every proposal;
 * a conflicted reviewer gets 404 for the proposal's review by any URL.
 */
test('auto-assign, recusal and replacement, scoring on phone and keyboard, aggregate scores', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const slug = `review-${Date.now().toString(36)}`;
	const titles = { a1: `长者助餐 ${slug}`, a2: `儿童托管 ${slug}`, b: `青少年课堂 ${slug}` };

	// Arrange: a round in expert review, two proposals of station A's organisation, one of B's.
	const ids = await withE2eDb(async (db) => {
		const userId = async (key: keyof typeof ACCOUNTS) =>
			db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', ACCOUNTS[key].email).executeTakeFirstOrThrow();
		const [admin, stationA, stationB, r1, r2, r3] = await Promise.all(
			(['admin', 'stationA', 'stationB', 'reviewer1', 'reviewer2', 'reviewer3'] as const).map(userId)
		);
		const roundId = await createRound(
			db,
			{
				...ROUND_DEFAULTS,
				slug,
				title: `评审测试轮次 ${slug}`,
				year: 2026,
				reviewers_per_proposal: 2,
				...scheduleFor('review')
			},
			admin.id
		);
		const now = new Date().toISOString();
		const proposal = async (author: { id: number; organisation_id: number | null }, title: string) =>
			(
				await db
					.insertInto('proposals')
					.values({
						round_id: roundId,
						organisation_id: author.organisation_id!,
						title,
						summary: `${title}：项目简介。`,
						requested_fen: 3_000_000,
						status: 'eligible',
						award_fen: null,
						decision_reason: null,
						created_by: author.id,
						created_at: now,
						updated_at: now,
						submitted_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		return {
			roundId,
			a1: await proposal(stationA, titles.a1),
			a2: await proposal(stationA, titles.a2),
			b: await proposal(stationB, titles.b),
			reviewers: { r1: r1.id, r2: r2.id, r3: r3.id }
		};
	});
	const assignmentsNow = () =>
		withE2eDb((db) =>
			db
				.selectFrom('review_assignments')
				.select(['id', 'proposal_id', 'reviewer_id', 'status'])
				.where('round_id', '=', ids.roundId)
				.orderBy('id')
				.execute()
		);

	// The admin chooses the panel and auto-assigns: two reviewers each, reviewer3 never on B's.
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');
	await admin.goto(`/admin/rounds/${ids.roundId}/panel`);
	for (const key of ['reviewer1', 'reviewer2', 'reviewer3'] as const) {
		await admin.getByRole('checkbox', { name: new RegExp(ACCOUNTS[key].name) }).check();
	}
	await admin.getByRole('button', { name: '保存专家组' }).click();
	await expect(admin.getByRole('status')).toContainText('专家组已保存');
	await admin.goto(`/admin/rounds/${ids.roundId}/proposals`);
	await admin.getByRole('button', { name: '自动分配评审' }).click();
	await expect(admin.getByRole('status')).toContainText('已新增 6 项分配');
	let assignments = await assignmentsNow();
	const load = (r: number) => assignments.filter((a) => a.reviewer_id === r).length;
	expect(Object.values(ids.reviewers).map(load)).toEqual([2, 2, 2]);
	expect(assignments.some((a) => a.proposal_id === ids.b && a.reviewer_id === ids.reviewers.r3)).toBe(false);

	// Reviewer2 recuses from station A's proposal before scoring it; the re-run replaces them.
	const recused = assignments.find((a) => a.reviewer_id === ids.reviewers.r2 && a.proposal_id !== ids.b)!;
	const recusedTitle = recused.proposal_id === ids.a1 ? titles.a1 : titles.a2;
	const r2 = await (await browser.newContext()).newPage();
	await signIn(r2, 'reviewer2');
	await r2.goto('/review');
	await r2.getByRole('link', { name: recusedTitle }).click();
	await r2.getByLabel('回避理由（仅管理员可见）').fill('本人曾在该机构任职');
	await r2.getByRole('button', { name: '申请回避' }).click();
	await expect(r2.getByRole('status')).toContainText('已登记回避');
	await expect(r2.getByRole('link', { name: recusedTitle })).toHaveCount(0);
	// Every door to that proposal's review is now closed to reviewer2.
	expect((await r2.goto(`/review/assignments/${recused.id}`))!.status()).toBe(404);
	const post = await r2.request.post(`/review/assignments/${recused.id}?/submit`, {
		form: { comment: 'x' },
		headers: browserPost(baseURL!),
		maxRedirects: 0
	});
	expect(post.status()).toBe(404);

	await admin.goto(`/admin/rounds/${ids.roundId}/proposals`);
	await admin.getByRole('button', { name: '自动分配评审' }).click();
	await expect(admin.getByRole('status')).toContainText('已新增 1 项分配');
	// The page reports the run: every reviewer's load, the spread, and why it could not be balanced
	// (the replacement could only go to one reviewer; the others are recused or already on it).
	const report = admin.getByRole('region', { name: '分配情况' });
	await expect(report).toContainText('最多 3，最少 1，相差 2');
	await expect(report).toContainText('无法完全均衡');
	assignments = await assignmentsNow();
	const onRecused = assignments.filter((a) => a.proposal_id === recused.proposal_id).map((a) => a.reviewer_id);
	expect(onRecused.sort()).toEqual([ids.reviewers.r1, ids.reviewers.r3].sort());

	// Reviewer3 belongs to station B's organisation: B's review is 404 to them by its URL.
	const r3 = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
	await signIn(r3, 'reviewer3');
	const bReview = assignments.find((a) => a.proposal_id === ids.b)!;
	expect((await r3.goto(`/review/assignments/${bReview.id}`))!.status()).toBe(404);

	// Reviewer3 scores both of A's proposals on a phone, by tapping.
	for (const title of [titles.a1, titles.a2]) {
		await r3.goto('/review');
		await r3.getByRole('link', { name: title }).click();
		await scoreByTapping(r3, [8, 7, 9, 6, 8, 7, 9]);
		await r3.getByLabel('给申报主体的总体意见').fill('服务对象清晰，建议细化预算。');
		await r3.getByRole('button', { name: '提交评审' }).click();
		await expect(r3.getByRole('status')).toContainText('评审已提交');
	}
	await r3.goto('/review');
	await expect(r3.getByText('已完成 2 / 2')).toBeVisible();

	// Reviewer2 scores B's proposal with the keyboard only.
	await r2.goto('/review');
	await r2.getByRole('link', { name: titles.b }).click();
	await scoreByKeyboard(r2, [6, 5, 7, 6, 5, 6, 4]);
	await expect(r2.getByRole('status')).toContainText('评审已提交');
	await expect(r2.getByText('其他评审专家尚未提交')).toBeVisible();

	// Reviewer1 scores all three (desktop), saving one as a draft first.
	const r1 = await (await browser.newContext()).newPage();
	await signIn(r1, 'reviewer1');
	const r1Titles = assignments
		.filter((a) => a.reviewer_id === ids.reviewers.r1)
		.map((a) => (a.proposal_id === ids.a1 ? titles.a1 : a.proposal_id === ids.a2 ? titles.a2 : titles.b));
	expect(r1Titles).toHaveLength(3);
	for (const [i, title] of r1Titles.entries()) {
		await r1.goto('/review');
		await r1.getByRole('link', { name: title }).click();
		await scoreByTapping(r1, [5, 6, 5, 7, 6, 5, 6].map((s) => s + i));
		if (i === 0) {
			await r1.getByRole('button', { name: '保存草稿' }).click();
			await expect(r1.getByRole('status')).toContainText('草稿已保存');
		}
		await r1.getByRole('button', { name: '提交评审' }).click();
		await expect(r1.getByRole('status')).toContainText('评审已提交');
		// Once submitted, the other reviewers' totals appear, anonymised.
		await expect(r1.getByText(/评审 [A-Z]+: \d/).first()).toBeVisible();
	}

	// The admin sees the three aggregate scores for every proposal.
	await admin.goto(`/admin/rounds/${ids.roundId}/proposals`);
	for (const title of Object.values(titles)) {
		const row = admin.getByRole('row').filter({ has: admin.getByRole('link', { name: title, exact: true }) });
		const cells = row.getByRole('cell');
		// count, mean, trimmed mean, calibrated: all present.
		await expect(cells.nth(5)).toHaveText('2');
		// Scores at two decimals, by the stated rounding rule.
		for (const n of [6, 7, 8]) await expect(cells.nth(n)).toHaveText(/^\d{1,3}\.\d{2}$/);
	}
	await admin.goto(`/admin/rounds/${ids.roundId}/progress`);
	await expect(admin.getByText('每个项目都已分满评审专家')).toBeVisible();
});

/** Taps the score buttons of each criterion in turn, as on a phone. */
async function scoreByTapping(page: Page, scores: number[]) {
	const criteria = page.locator('fieldset.criterion');
	await expect(criteria).toHaveCount(scores.length);
	for (const [i, score] of scores.entries()) {
		await criteria.nth(i).locator('label.pick').filter({ hasText: new RegExp(`^\\s*${score}\\s*$`) }).click();
	}
}

/**
 * Scores with the keyboard alone: Tab into each criterion's radio group, arrow keys to the score,
 * Tab past the criterion's comment and its for-the-applicant box, and finally Enter on the submit button.
 */
async function scoreByKeyboard(page: Page, scores: number[]) {
	const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
	for (let i = 0; i < 200 && !(await focusedName()).startsWith('score_'); i++) await page.keyboard.press('Tab');
	for (const score of scores) {
		expect(await focusedName()).toMatch(/^score_/);
		for (let n = 0; n < score; n++) await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Tab'); // the criterion's comment
		await page.keyboard.press('Tab'); // whether the applicant may read it
		await page.keyboard.press('Tab'); // the next criterion, or the overall comment
	}
	expect(await focusedName()).toBe('comment');
	await page.keyboard.type('目标明确，执行细节可再补充。');
	const submit = page.getByRole('button', { name: '提交评审' });
	for (let i = 0; i < 10 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
}

test('review management pages and actions are the admins’ alone', async ({ playwright, baseURL }) => {
	const { roundId } = fixtures();
	const pages = ['proposals', 'rubric', 'panel', 'progress'].map((p) => `/admin/rounds/${roundId}/${p}`).concat('/admin/reviewers');
	const posts = [
		`/admin/rounds/${roundId}/proposals?/autoAssign`,
		`/admin/rounds/${roundId}/proposals?/conflict`,
		`/admin/rounds/${roundId}/rubric?/rubric`,
		`/admin/rounds/${roundId}/rubric?/settings`,
		`/admin/rounds/${roundId}/panel`,
		`/admin/rounds/${roundId}/progress?/remind`,
		'/admin/reviewers'
	];
	for (const who of ['reviewer1', 'stationA'] as const) {
		const context = await playwright.request.newContext({ baseURL });
		await apiSignIn(context, baseURL!, who);
		for (const url of pages) expect((await context.get(url, { maxRedirects: 0 })).status(), `${who} GET ${url}`).toBe(403);
		for (const url of posts) {
			const res = await context.post(url, { form: { reviewerId: '1' }, headers: browserPost(baseURL!), maxRedirects: 0 });
			expect(res.status(), `${who} POST ${url}`).toBe(403);
		}
		await context.dispose();
	}
});
