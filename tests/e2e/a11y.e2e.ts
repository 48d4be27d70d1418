import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext } from '@playwright/test';
import type { AccountKey } from '../fixtures/accounts';
import { routeTree } from '../route-tree';
import { ACTOR, PAGES } from '../route-access';
import { hydrated } from './helpers';
import { browserAs, startWorld, stopWorld, type WorldServer } from './world-server';

/**
 * axe-core on every page of the route tree, as each role that may open it sees it (public pages
 * anonymously, pages for any account as every role), on real records of the test world (and, for
 * pages that look different in another state, those records too), at a phone's width and a
 * desktop's: no serious or critical violation.
 */

const WIDTHS = [375, 1280];
const SIGNED_IN: AccountKey[] = ['admin', 'stationA', 'reviewer1'];

const tree = routeTree();
const visits = tree.pages.flatMap((page) => {
	const rule = PAGES[page.id];
	const who: (AccountKey | null)[] =
		rule.audience === 'public' ? [null] : rule.audience === 'signed-in' ? SIGNED_IN : [ACTOR[rule.audience]];
	return who.map((account) => ({ id: page.id, rule, account }));
});

let world: WorldServer;
const contexts = new Map<AccountKey | 'public', BrowserContext>();

// Spread over the workers (each serves its own world): axe at two widths is the slow part.
test.describe.configure({ mode: 'parallel', timeout: 120_000 });

test.beforeAll(async () => {
	world = await startWorld('a11y');
});

test.afterAll(async () => {
	for (const context of contexts.values()) await context.close();
	await stopWorld(world);
});

test('visits every page of the route tree as each of its audiences', () => {
	// 21 public pages, the account, two-step and inbox pages as each of the three roles, 9 station, 4 reviewer, 36 admin.
	expect(visits.length).toBe(79);
	expect(new Set(visits.map((v) => v.id)).size).toBe(tree.pages.length);
	// And 13 more records whose pages look different: a round in each phase, a read-only proposal,
	// a decided proposal with its feedback, a calendar preview, a report with no evaluator yet…
	expect(visits.reduce((n, v) => n + (v.rule.more?.(world.ids).length ?? 0), 0)).toBe(13);
});

for (const { id, rule, account } of visits) {
	test(`${id} as ${account ?? 'the public'}: no serious or critical axe violations at ${WIDTHS.join(' and ')} px`, async ({ browser }) => {
		const key = account ?? 'public';
		if (!contexts.has(key)) contexts.set(key, await browserAs(browser, world.base, account));
		const page = await contexts.get(key)!.newPage();
		for (const url of [rule.url(world.ids), ...(rule.more?.(world.ids) ?? [])]) {
			for (const width of WIDTHS) {
				await page.setViewportSize({ width, height: 900 });
				const response = await page.goto(url);
				expect(response?.status(), `${url} at ${width} px`).toBe(200);
				await hydrated(page);
				const { violations } = await new AxeBuilder({ page }).analyze();
				const serious = violations
					.filter((v) => v.impact === 'serious' || v.impact === 'critical')
					.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.html.slice(0, 160)}`).join('\n')}`);
				expect.soft(serious, `${page.url()} at ${width} px`).toEqual([]);
				// One "optional" marker per label: the field adds it, the label's words must not.
				const doubled = await page
					.locator('label')
					.evaluateAll((labels) => labels.map((l) => l.textContent ?? '').filter((text) => (text.match(/选填|可选|可留空|optional/gi) ?? []).length > 1));
				expect.soft(doubled, `labels marked optional twice on ${page.url()}`).toEqual([]);
			}
		}
		await page.close();
	});
}
