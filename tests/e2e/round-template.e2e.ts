import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './helpers';
import { withE2eDb } from './db';
import { updateRubric } from '../../src/lib/server/rubric';
import { updateProposalRules } from '../../src/lib/server/proposal-rules';
import { createRound, getRoundByIdOrThrow } from '../../src/lib/server/rounds';
import { scheduleFor } from '../helpers/db';
import { ACCOUNTS } from '../fixtures/accounts';
import { ROUND_DEFAULTS } from '../../src/lib/domain/round-defaults';
import { E2E_FUND_NAME } from '../fixtures/seed';

/**
 * An admin starts next year's round from last year's, without JavaScript (the template picker
 * is a plain GET form): the new round carries the old rubric, rules and checklist.
 */
test('a round created from a template carries the old rubric, rules and checklist', async ({ browser }) => {
	const tag = Date.now().toString(36);
	const oldSlug = `tpl-${tag}-2025`;
	const oldTitle = `模板测试 ${tag} 2025`;
	const checkItem = `已附居委会盖章意见 ${tag}`;
	await withE2eDb(async (db) => {
		const { id: actorId } = await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.admin.email).executeTakeFirstOrThrow();
		const id = await createRound(
			db,
			{
				...ROUND_DEFAULTS,
				slug: oldSlug,
				title: oldTitle,
				year: 2025,
				pool_fen: 30_000_000,
				grant_max_fen: 3_000_000,
				proposals_per_org: 1,
				reviewers_per_proposal: 3,
				...scheduleFor('closed', new Date('2026-01-15T00:00:00Z'))
			},
			null
		);
		const rubric = await updateRubric(db, {
			roundId: id,
			actorId,
			criteria: [
				{ id: null, nameZh: `安全预案 ${tag}`, nameEn: 'Safety plan', description: '', guidance: { low: '', fair: '', good: '', excellent: '' }, weight: 70, scaleMax: 10 },
				{ id: null, nameZh: '居民参与', nameEn: 'Participation', description: '', guidance: { low: '', fair: '', good: '', excellent: '' }, weight: 30, scaleMax: 10 }
			]
		});
		expect(rubric.ok).toBe(true);
		const round = await getRoundByIdOrThrow(db, id);
		// The rules form is open in draft only: the rules go in as the round is being prepared.
		await db.updateTable('rounds').set({ phase_override: 'draft' }).where('id', '=', id).execute();
		const rules = await updateProposalRules(db, {
			round: { ...round, phase_override: 'draft' },
			actorId,
			input: { matchingMinPct: 25, personnelMaxPct: 30, adminMaxPct: 10, bannedCategories: [], volunteerHourFen: 2_500, checklist: [checkItem, '预算不含固定资产'] }
		});
		expect(rules.ok).toBe(true);
		await db.updateTable('rounds').set({ phase_override: null }).where('id', '=', id).execute();
	});

	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
	const admin = await context.newPage();
	await signIn(admin, 'admin');
	await admin.goto('/admin/rounds/new');
	await hydrated(admin);
	await admin.getByLabel('以往届轮次为模板').selectOption({ label: oldTitle });
	await admin.getByRole('button', { name: '载入模板' }).click();
	await expect(admin.getByRole('status')).toContainText(`已按「${oldTitle}」填好表单`);
	await expect(admin.getByLabel('名称')).toHaveValue(`模板测试 ${tag} 2026`);
	await expect(admin.getByLabel('网址标识')).toHaveValue(`tpl-${tag}-2026`);
	await expect(admin.getByLabel('年度')).toHaveValue('2026');
	await expect(admin.getByLabel('资助总额')).toHaveValue('300000.00');
	await admin.screenshot({ path: test.info().outputPath('round-from-template-375.png'), fullPage: true });
	// The pool is money a fund allocates to the round.
	const fundSelect = admin.getByLabel('资金来源基金');
	await fundSelect.selectOption((await fundSelect.locator('option', { hasText: E2E_FUND_NAME }).getAttribute('value'))!);
	await admin.getByRole('button', { name: '新建轮次' }).click();

	await expect(admin.getByRole('status')).toContainText('已从模板复制');
	await expect(admin.getByRole('cell', { name: `安全预案 ${tag}` })).toBeVisible();
	await expect(admin.getByRole('cell', { name: '项目设计与可行性' })).toHaveCount(0);
	await admin.goto(`${new URL(admin.url()).pathname}/rules`);
	await expect(admin.getByLabel('资格审查清单')).toHaveValue(`${checkItem}\n预算不含固定资产`);
	await expect(admin.getByLabel(/配套资金不少于/)).toHaveValue('25');
	await context.close();
});
