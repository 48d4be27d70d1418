import { expect, test, type Page } from '@playwright/test';
import { browserPost, hydrated, signIn } from './helpers';
import { withE2eDb } from './db';
import { ACCOUNTS } from '../fixtures/accounts';
import { addScoredProposal, decisionPhaseRound } from '../helpers/decision';
import { seedFund, seedIncome, fundRound } from '../../src/lib/server/seed/funds';
import { need } from '../fixtures/world';

/**
 * A street fund runs its own round: the federation's admin invites the fund's admin, who runs the
 * fund's round from its needs to the confirmed list and reaches nothing else (another fund's or
 * the federation's round, the federation's pages); the round where the fund's own station applies
 * has its line decided by the federation's admin, who sees both funds' ledgers and rounds.
 */
test('a fund admin runs its fund’s round from needs to the confirmed list, and nothing else', async ({ browser, baseURL }) => {
	test.setTimeout(150_000);
	const tag = Date.now().toString(36);
	const email = `fund-${tag}@e2e.test`;
	const password = 'fund-admin-password-2026';

	// Arranged in the database: a street fund with money, its round in its needs call (a need
	// waiting), a second round of the fund where its own station applies, and a federation round.
	const arranged = await withE2eDb(async (db) => {
		const admin = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.admin.email).executeTakeFirstOrThrow();
		const [orgA, orgB] = await db.selectFrom('organisations').select(['id', 'name']).orderBy('id').limit(2).execute();
		const fundName = `测试街道基金 ${tag}`;
		const fundId = await seedFund(db, { name: fundName, kind: 'sponsor', host: orgB.name }, admin.id);
		await seedIncome(db, { fundId, amountFen: 20_000_000, receivedOn: '2026-01-05', sourceType: 'resident', actorId: admin.id });
		const roundId = await decisionPhaseRound(db, { slug: `fund-${tag}`, title: `街道基金轮次 ${tag}`, poolFen: 0 });
		await fundRound(db, { fundId, roundId, amountFen: 8_000_000, on: '2026-01-06', actorId: admin.id, withIncome: false });
		const ownStationRoundId = await decisionPhaseRound(db, { slug: `fund-own-${tag}`, title: `运营机构申报轮次 ${tag}`, poolFen: 0 });
		await fundRound(db, { fundId, roundId: ownStationRoundId, amountFen: 4_000_000, on: '2026-01-06', actorId: admin.id, withIncome: false });
		await db.updateTable('rounds').set({ fund_id: fundId }).where('id', 'in', [roundId, ownStationRoundId]).execute();
		const cityRoundId = await decisionPhaseRound(db, { slug: `city-${tag}`, title: `全市轮次 ${tag}`, poolFen: 0 });
		// The round in its needs call for now (the decision's dates move in once needs are moderated).
		await db.updateTable('rounds').set({ phase_override: 'needs_call' }).where('id', '=', roundId).execute();
		const needId = await need(db, roundId, `fnd${tag}`.padEnd(12, '2').slice(0, 12), `街道长者食堂缺人手 ${tag}`, 'new');
		const reviewers = (
			await db.selectFrom('users').select('id').where('email', 'in', [ACCOUNTS.reviewer1.email, ACCOUNTS.reviewer2.email, ACCOUNTS.reviewer3.email]).execute()
		).map((r) => r.id);
		const author = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.stationA.email).executeTakeFirstOrThrow();
		return { fundId, fundName, roundId, ownStationRoundId, cityRoundId, needId, reviewers, orgA: orgA.id, orgB: orgB.id, orgBName: orgB.name, author: author.id };
	});

	// The federation's admin invites the fund's admin: its fund, and the station that operates it.
	const federation = await (await browser.newContext()).newPage();
	await signIn(federation, 'admin');
	await federation.goto('/admin/users');
	await hydrated(federation);
	await federation.getByLabel('电子邮箱').fill(email);
	await federation.getByLabel('姓名').fill('街道基金管理员');
	await federation.getByLabel('角色').selectOption('fund_admin');
	await federation.getByLabel('所属机构').selectOption(String(arranged.orgB));
	await federation.getByLabel('所属基金').selectOption(String(arranged.fundId));
	await federation.getByRole('button', { name: '生成邀请链接' }).click();
	const link = await federation.getByLabel('邀请链接').inputValue();

	// The fund admin accepts on a phone, without scripts, and lands on its fund's rounds only.
	const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
	const fund = await phone.newPage();
	await fund.goto(new URL(link).pathname);
	await fund.getByLabel('密码', { exact: true }).fill(password);
	await fund.getByLabel('再次输入密码').fill(password);
	await fund.getByRole('button', { name: '创建账户' }).click();
	await fund.goto('/admin/rounds');
	await expect(fund.getByRole('link', { name: `街道基金轮次 ${tag}` })).toBeVisible();
	await expect(fund.getByRole('link', { name: `运营机构申报轮次 ${tag}` })).toBeVisible();
	await expect(fund.getByRole('link', { name: `全市轮次 ${tag}` })).toHaveCount(0);
	await expect(fund.getByRole('link', { name: '新建轮次' })).toHaveCount(0);
	expect(await fund.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

	// Nothing of the federation's or of another round: refused, by any URL.
	for (const url of ['/admin', '/admin/users', '/admin/funds', `/admin/funds/${arranged.fundId}`, '/admin/audit', '/admin/rounds/new', '/admin/privacy']) {
		expect((await fund.request.get(url, { maxRedirects: 0 })).status(), url).toBe(403);
	}
	for (const url of [`/admin/rounds/${arranged.cityRoundId}`, `/admin/rounds/${arranged.cityRoundId}/decision`, `/admin/rounds/${arranged.cityRoundId}/projects/payments.csv`]) {
		expect((await fund.request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
	}
	const forged = await fund.request.post(`/admin/rounds/${arranged.cityRoundId}/decision?/draw`, { form: {}, headers: browserPost(baseURL!), maxRedirects: 0 });
	expect(forged.status()).toBe(404);

	// Needs: the fund admin publishes the resident's need.
	await fund.goto(`/admin/rounds/${arranged.roundId}/needs`);
	const needRow = fund.locator('li, tr, article').filter({ hasText: `街道长者食堂缺人手 ${tag}` }).first();
	await needRow.getByRole('button', { name: '发布' }).click();
	await expect.poll(() => withE2eDb(async (db) => (await db.selectFrom('needs').select('status').where('id', '=', arranged.needId).executeTakeFirstOrThrow()).status)).toBe('published');

	// The applications, checks and reviews happen (arranged); then the decision phase.
	await withE2eDb(async (db) => {
		await db.updateTable('rounds').set({ phase_override: null }).where('id', '=', arranged.roundId).execute();
		const now = new Date().toISOString();
		for (const [i, [score, requested]] of [
			[90, 4_000_000],
			[80, 3_000_000],
			[70, 3_000_000]
		].entries()) {
			await addScoredProposal(db, {
				roundId: arranged.roundId,
				organisationId: arranged.orgA,
				authorId: arranged.author,
				title: `街道项目${'甲乙丙'[i]} ${tag}`,
				requestedFen: requested,
				totals: [score - 10, score, score + 10],
				reviewerIds: arranged.reviewers,
				submittedAt: now,
				needId: arranged.needId
			});
		}
		// In the other round the fund's own station applies.
		await addScoredProposal(db, {
			roundId: arranged.ownStationRoundId,
			organisationId: arranged.orgB,
			authorId: arranged.author,
			title: `运营机构项目 ${tag}`,
			requestedFen: 3_000_000,
			totals: [80, 80, 80],
			reviewerIds: arranged.reviewers,
			submittedAt: now,
			needId: undefined
		});
	});

	// Decision: the fund admin draws the line, publishes the notice and, once it has run, confirms.
	await fund.goto(`/admin/rounds/${arranged.roundId}/decision`);
	await fund.getByRole('button', { name: '划定资助线' }).click();
	await expect(fund.getByRole('status')).toContainText('资助线已重新划定');
	await fund.getByRole('button', { name: '发布公示' }).click();
	await expect(fund.getByRole('link', { name: '查看公示页' })).toBeVisible();
	await withE2eDb((db) =>
		db.updateTable('rounds').set({ notice_ends_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', arranged.roundId).execute()
	);
	await fund.goto(`/admin/rounds/${arranged.roundId}/decision`);
	await fund.getByRole('button', { name: '确认最终名单并公布结果' }).click();
	await expect(fund.getByText(/最终名单已于/)).toBeVisible();
	const confirmed = await withE2eDb((db) =>
		db.selectFrom('proposals').select(['title', 'status']).where('round_id', '=', arranged.roundId).execute()
	);
	// ¥80,000 funds 甲 (¥40,000) and 乙 (¥30,000); 丙 (¥30,000) no longer fits.
	expect(confirmed.filter((p) => p.status === 'funded').map((p) => p.title).sort()).toEqual([`街道项目甲 ${tag}`, `街道项目乙 ${tag}`].sort());

	// Where its own station applies, the line is the federation's to draw: refused with the reason.
	await fund.goto(`/admin/rounds/${arranged.ownStationRoundId}/decision`);
	await expect(fund.getByRole('status').filter({ hasText: '须由慈善会管理员划定' })).toBeVisible();
	await expect(fund.getByRole('button', { name: '划定资助线' })).toHaveCount(0);
	const own = await fund.request.post(`/admin/rounds/${arranged.ownStationRoundId}/decision?/draw`, { form: {}, headers: browserPost(baseURL!), maxRedirects: 0 });
	expect(own.status()).toBe(409);
	expect(await own.text()).toContain('须由慈善会管理员划定');
	await federation.goto(`/admin/rounds/${arranged.ownStationRoundId}/decision`);
	await federation.getByRole('button', { name: '划定资助线' }).click();
	await expect(federation.getByRole('status')).toContainText('资助线已重新划定');

	// The federation's admin sees both funds' rounds and ledgers.
	await federation.goto('/admin/rounds');
	for (const title of [`街道基金轮次 ${tag}`, `运营机构申报轮次 ${tag}`, `全市轮次 ${tag}`]) {
		await expect(federation.getByRole('link', { name: title })).toBeVisible();
	}
	await federation.goto('/admin/funds');
	await expect(federation.getByRole('link', { name: arranged.fundName })).toBeVisible();
	await federation.goto(`/admin/funds/${arranged.fundId}`);
	await expect(federation.getByRole('heading', { name: arranged.fundName })).toBeVisible();
	await expect(federation.getByText('¥80,000.00').first()).toBeVisible();

	// The public finds the fund's rounds from its page.
	const visitor: Page = await (await browser.newContext()).newPage();
	await visitor.goto(`/funds/${arranged.fundId}`);
	const runs = visitor.getByRole('region', { name: '本基金举办的轮次' });
	await expect(runs.getByRole('link', { name: `街道基金轮次 ${tag}` })).toBeVisible();
	await expect(runs.getByRole('link', { name: `全市轮次 ${tag}` })).toHaveCount(0);
	await phone.close();
});

test('a resident finds their street’s fund and its round from the home page, on a phone without scripts', async ({ browser }) => {
	const tag = Date.now().toString(36);
	const arranged = await withE2eDb(async (db) => {
		const admin = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.admin.email).executeTakeFirstOrThrow();
		const street = await db
			.selectFrom('places as s')
			.innerJoin('places as d', 'd.id', 's.parent_id')
			.select(['s.id', 's.name', 'd.id as districtId', 'd.name as district'])
			.where('s.kind', '=', 'street')
			.orderBy('s.id')
			.executeTakeFirstOrThrow();
		const fundName = `${street.name}社区慈善基金 ${tag}`;
		const fundId = await seedFund(db, { name: fundName, kind: 'street', streetId: street.id }, admin.id);
		const roundId = await decisionPhaseRound(db, { slug: `street-${tag}`, title: `${street.name}微创投 ${tag}`, poolFen: 0 });
		await db.updateTable('rounds').set({ fund_id: fundId }).where('id', '=', roundId).execute();
		return { street, fundName, title: `${street.name}微创投 ${tag}` };
	});
	const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await page.getByLabel('区', { exact: true }).selectOption(String(arranged.street.districtId));
	await page.getByRole('button', { name: '查找' }).click();
	await expect(page.getByText('请选择这个区的街道后再查找。')).toBeVisible();
	await page.getByLabel('街道 / 镇').selectOption(String(arranged.street.id));
	await page.getByRole('button', { name: '查找' }).click();
	await expect(page).toHaveURL(new RegExp(`street=${arranged.street.id}`));
	// Found under its street's fund (the list of rounds open now above shows it too).
	const finder = page.getByRole('region', { name: '找到我所在街道的基金' });
	await expect(finder.getByRole('link', { name: `${arranged.fundName} 的轮次` })).toBeVisible();
	await finder.getByRole('link', { name: arranged.title }).click();
	await expect(page).toHaveURL(new RegExp(`/rounds/street-${tag}$`));
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await context.close();
});
