import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { DB } from '../../src/lib/server/db';
import { createRound, getRoundByIdOrThrow } from '../../src/lib/server/rounds';
import { fundRound, seedFund } from '../../src/lib/server/seed/funds';
import { recordEligibility } from '../../src/lib/server/eligibility';
import { eligibilityChecklist } from '../../src/lib/server/proposal-rules';
import { confirmFinalList, drawLine, publishNotice } from '../../src/lib/server/decisions';
import { closeProject, recordAgreement, recordPayment } from '../../src/lib/server/grants';
import { todayIn } from '../../src/lib/server/grant-views';
import type { Phase } from '../../src/lib/domain/phases';
import type { NeedStage, ProposalStage } from '../../src/lib/domain/status';
import { need, roundInput } from '../fixtures/world';
import { makeProposal, scheduleFor } from '../helpers/db';
import { addReviews } from '../helpers/decision';
import { withDatabase } from '../helpers/test-targets';
import { hydrated } from './helpers';
import { browserAs, startWorld, stopWorld, type WorldServer } from './world-server';

/**
 * One round, one truth: a proposal walked through every phase of its round, and at each step every
 * page that shows it (the station's dashboard and proposal page, the admins' lists, the public
 * notice, results, project page and results.json, the need's public and tracking pages, the
 * stats) says the same status, through the one status model. On the way, leaving the eligibility
 * check with an unchecked proposal is stopped and then allowed with a recorded reason, and that
 * proposal is published as "not checked", never as "not eligible". Then the admin's to-do counts
 * each lead to a list showing exactly that many items.
 */

let world: WorldServer;
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.beforeAll(async () => {
	world = await startWorld('one-truth');
});
test.afterAll(async () => {
	await stopWorld(world);
});

const SLUG = 'e2e-one-truth';
const TITLE = '长者助餐一条龙（状态测试）';
const UNCHECKED = '楼道照明改造（未审查）';
const RECEIPT = 'wxyz2345abcd';

const db = <T>(run: (db: DB) => Promise<T>) => withDatabase(world.target, run);

async function stageOn(page: Page, url: string, scope: string | null): Promise<string | null> {
	await page.goto(url);
	const area = scope ? page.locator(scope, { hasText: TITLE }).first() : page.locator('main');
	return area.locator('[data-stage]').first().getAttribute('data-stage');
}

test('every page shows the same status at every phase, and nothing reads as final during the notice', async ({ browser }) => {
	const { ids } = world;
	const admin = ids.users.admin;
	// The round, its need (with a resident's receipt code), the proposal and one never checked.
	const arranged = await db(async (db) => {
		const roundId = await createRound(db, roundInput(SLUG, '状态一致性测试轮次', 2026, scheduleFor('applications' as Phase)), admin);
		// Its pool is money a fund allocated, so the agreement's award can be committed from it.
		const fundId = await seedFund(db, { name: `状态一致性测试基金 ${SLUG}`, kind: 'federation' }, admin);
		await fundRound(db, { fundId, roundId, amountFen: 10_000_000, on: '2026-01-05', actorId: admin });
		const needId = await need(db, roundId, RECEIPT, '独居长者吃饭难', 'published');
		const add = async (title: string, organisationId: number) => {
			const id = await makeProposal(db, roundId, organisationId, 'submitted');
			await db.updateTable('proposals').set({ title }).where('id', '=', id).execute();
			await db.insertInto('proposal_needs').values({ proposal_id: id, need_id: needId }).execute();
			return id;
		};
		return {
			roundId,
			needId,
			proposal: await add(TITLE, ids.organisationA),
			unchecked: await add(UNCHECKED, ids.organisationB)
		};
	});
	const { roundId, proposal } = arranged;
	const setPhase = (phase: Phase) => db((db) => db.updateTable('rounds').set({ phase_override: phase }).where('id', '=', roundId).execute());

	const contexts: BrowserContext[] = [];
	const open = async (who: 'admin' | 'stationA' | null) => {
		const context = await browserAs(browser, world.base, who);
		contexts.push(context);
		return context.newPage();
	};
	const [station, staff, visitor] = [await open('stationA'), await open('admin'), await open(null)];

	/** What each page says at this step; public pages only once the notice is out. */
	async function seen(publicPages: { notice: boolean; final: boolean }) {
		const out: Record<string, string | null> = {
			station: await stageOn(station, '/station', 'li.card'),
			stationProposal: await stageOn(station, `/station/proposals/${proposal}`, null),
			adminList: await stageOn(staff, `/admin/proposals?round=${roundId}`, 'tr'),
			adminRound: await stageOn(staff, `/admin/rounds/${roundId}/proposals`, 'tr')
		};
		if (publicPages.notice) {
			out.notice = await stageOn(visitor, `/rounds/${SLUG}/notice`, 'tr');
			const json = await (await visitor.request.get(`/rounds/${SLUG}/results.json`)).json();
			out.resultsJson = json.proposals.find((p: { id: number }) => p.id === proposal).status;
			const csv = await (await visitor.request.get(`/rounds/${SLUG}/results.csv`)).text();
			const row = csv.split('\n').find((l) => l.startsWith(`${proposal},`))!;
			out.resultsCsv = row.trim().split(',').at(-1)!;
		}
		if (publicPages.final) {
			out.results = await stageOn(visitor, `/rounds/${SLUG}/results`, 'tr');
			out.project = await stageOn(visitor, `/projects/${proposal}`, null);
			out.adminProjects = await stageOn(staff, `/admin/rounds/${roundId}/projects`, 'tr');
		}
		return out;
	}
	async function needSeen() {
		return {
			tracking: await (async () => {
				await visitor.goto(`/track/${RECEIPT}`);
				return visitor.locator('main [data-stage]').first().getAttribute('data-stage');
			})(),
			needPage: await (async () => {
				await visitor.goto(`/needs/${arranged.needId}`);
				return visitor.locator('main dl [data-stage]').first().getAttribute('data-stage');
			})()
		};
	}
	const expectStep = async (label: string, stage: ProposalStage, need: NeedStage, publicPages = { notice: false, final: false }) => {
		const pages = await seen(publicPages);
		const count = 4 + (publicPages.notice ? 3 : 0) + (publicPages.final ? 3 : 0);
		expect(Object.keys(pages), label).toHaveLength(count);
		expect(pages, label).toEqual(Object.fromEntries(Object.keys(pages).map((k) => [k, stage])));
		expect(await needSeen(), label).toEqual({ tracking: need, needPage: need });
	};

	await expectStep('applications', 'submitted', 'answered');
	await expect(station.getByText('已提交').first()).toBeVisible();

	await setPhase('eligibility');
	await expectStep('eligibility, before the check', 'awaiting_check', 'answered');

	await db(async (db) => {
		const round = await getRoundByIdOrThrow(db, roundId);
		const ticked = eligibilityChecklist(round).map((_, i) => i);
		const outcome = await recordEligibility(db, { round, proposalId: proposal, actorId: admin, input: { outcome: 'pass', ticked, comment: '', revisionDueAt: null } });
		if (!outcome.ok) throw new Error(JSON.stringify(outcome));
	});
	await expectStep('eligibility, checked', 'eligible', 'answered');

	// Leaving the check with the other proposal unchecked: stopped, then allowed with a reason.
	await staff.goto(`/admin/rounds/${roundId}`);
	await hydrated(staff);
	await staff.getByLabel('设为').selectOption({ label: '专家评审' });
	await staff.getByLabel('理由', { exact: true }).fill('按日程进入专家评审');
	await staff.getByRole('button', { name: '确认调整' }).click();
	await expect(staff.getByRole('alert').filter({ hasText: '1 份申报未完成资格审查' })).toBeVisible();
	await expect(staff.getByText('当前阶段：资格审查')).toBeVisible();
	await staff.getByLabel('将这些申报作为“未经资格审查”带入下一阶段').check();
	await staff.getByLabel('理由（记入审计日志）').fill('申报主体逾期未补交材料，按未经资格审查处理');
	await staff.getByRole('button', { name: '确认调整' }).click();
	await expect(staff.getByText('当前阶段：专家评审')).toBeVisible();
	const carried = await db((db) =>
		db.selectFrom('audit_log').select(['reason', 'detail']).where('action', '=', 'round.carry_unchecked').where('entity_id', '=', String(roundId)).executeTakeFirstOrThrow()
	);
	expect(carried.reason).toBe('申报主体逾期未补交材料，按未经资格审查处理');
	expect(JSON.parse(carried.detail!)).toEqual({ proposalIds: [arranged.unchecked] });
	await expectStep('expert review', 'in_review', 'answered');

	await db(async (db) => {
		await addReviews(db, roundId, proposal, [80, 80, 100], [ids.users.reviewer1, ids.users.reviewer2, ids.users.reviewer3]);
		await db.updateTable('rounds').set({ phase_override: 'decision' }).where('id', '=', roundId).execute();
		const drawn = await drawLine(db, { roundId, actorId: admin });
		if (!drawn.ok) throw new Error(JSON.stringify(drawn));
	});
	// The line is drawn (the record says funded) but not public: nobody reads an outcome yet.
	await expectStep('decision, line drawn', 'deciding', 'answered');

	await db(async (db) => {
		const published = await publishNotice(db, { roundId, actorId: admin });
		if (!published.ok) throw new Error(JSON.stringify(published));
	});
	await expectStep('public notice', 'notice_funded', 'notice', { notice: true, final: false });
	await expect(station.getByText('公示中 · 拟资助').first()).toBeVisible();
	// The unchecked proposal is published as not checked, never as not eligible.
	await visitor.goto(`/rounds/${SLUG}/notice`);
	const uncheckedRow = visitor.locator('tr', { hasText: UNCHECKED });
	await expect(uncheckedRow).toContainText('未经资格审查');
	await expect(uncheckedRow).not.toContainText('未通过资格审查');
	// The stats count no funded project before confirmation.
	await visitor.goto(`/rounds/${SLUG}/stats`);
	await expect(visitor.getByText('拟资助项目（公示中）')).toBeVisible();
	await expect(visitor.getByText('获资助项目', { exact: true })).toHaveCount(0);

	await db(async (db) => {
		const round = await getRoundByIdOrThrow(db, roundId);
		const after = new Date(Date.parse(round.notice_ends_at!) + 1000);
		const confirmed = await confirmFinalList(db, { roundId, actorId: admin }, after);
		if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
	});
	await expectStep('confirmed', 'funded', 'funded', { notice: true, final: true });
	await visitor.goto(`/rounds/${SLUG}/stats`);
	await expect(visitor.getByText('获资助项目', { exact: true })).toBeVisible();

	// From here the grant facts decide, not the phase: in implementation without an agreement the
	// project is still waiting to sign, and a closed round does not make it completed.
	await setPhase('implementation');
	await expectStep('implementation, agreement pending', 'funded', 'funded', { notice: true, final: true });
	const grant = { proposalId: proposal, roundId, actorId: admin };
	const must = (outcome: { ok: boolean }) => {
		if (!outcome.ok) throw new Error(JSON.stringify(outcome));
	};
	const today = await db(async (db) => todayIn((await getRoundByIdOrThrow(db, roundId)).time_zone));
	await db(async (db) =>
		must(await recordAgreement(db, { ...grant, number: 'XY-2026-001', signedOn: today, payeeAccountName: '某社会组织', amountsFen: null, planReason: null }))
	);
	await expectStep('agreement signed', 'signed', 'implementing', { notice: true, final: true });
	await db(async (db) => {
		const first = await db.selectFrom('tranches').select('id').where('proposal_id', '=', proposal).where('position', '=', 1).executeTakeFirstOrThrow();
		const amount = await db.selectFrom('tranches').select('amount_fen').where('id', '=', first.id).executeTakeFirstOrThrow();
		must(await recordPayment(db, { ...grant, trancheId: first.id, amountFen: Number(amount.amount_fen), paidOn: today, reference: 'PZ-001' }));
	});
	await expectStep('first tranche paid', 'in_progress', 'implementing', { notice: true, final: true });
	await setPhase('closed');
	await expectStep('round closed, project open', 'in_progress', 'implementing', { notice: true, final: true });
	await db(async (db) => must(await closeProject(db, { ...grant, outcome: 'completed', closedOn: today, note: '项目按计划完成', returnDueFen: 0 })));
	await expectStep('closed', 'completed', 'completed', { notice: true, final: true });
	await expect(visitor.getByText('项目已结项').first()).toBeVisible();

	for (const context of contexts) await context.close();
});

test('the to-do counts on the admin home each lead to a list of that many items', async ({ browser }) => {
	const context = await browserAs(browser, world.base, 'admin', { width: 375 });
	const page = await context.newPage();
	await page.goto('/admin');
	await page.screenshot({ path: `tests/.tmp/admin-todo-375-${process.pid}.png`, fullPage: true });
	const links = await page.locator('a[data-todo]').evaluateAll((as) =>
		as.map((a) => ({ kind: a.getAttribute('data-todo')!, href: a.getAttribute('href')!, count: Number(a.querySelector('.big')?.textContent) }))
	);
	// The world has needs waiting, an objection open and reviews short; each kind is listed.
	const kinds = new Set(links.map((l) => l.kind));
	for (const kind of ['needs', 'objections', 'reviewsShort']) expect(kinds, kind).toContain(kind);
	let followed = 0;
	for (const link of links) {
		await page.goto(link.href);
		const listed = {
			needs: () => page.locator('main input[type=checkbox][name=ids]').count(),
			check: () => page.locator('main table tbody tr').count(),
			unchecked: () => page.locator('main table tbody tr').count(),
			objections: () => page.locator('main .badge.red').count(),
			reviewsShort: () => page.locator('#too-few + ul > li').count(),
			reviewsOverdue: () => page.locator('#overdue + ul > li').count(),
			conflicts: () => page.locator('main table tbody tr').count(),
			outbox: () => page.locator('main table tbody tr').count()
		}[link.kind];
		expect(listed, link.kind).toBeDefined();
		expect(await listed!(), `${link.kind} → ${link.href}`).toBe(link.count);
		followed += 1;
	}
	expect(followed).toBe(links.length);
	expect(followed).toBeGreaterThanOrEqual(3);
	await context.close();
});
