import type { Page } from '@playwright/test';

export type LineInput = [category: string, item: string, unit: string, quantity: string, price: string];

export interface ProposalFormInput {
	title: string;
	summary?: string;
	needTitles: string[];
	lines: LineInput[];
	matchingCash?: string;
	volunteerHours?: string;
}

/** Fills the station's proposal editor as a person would (Playwright only). */
export async function fillProposal(page: Page, input: ProposalFormInput): Promise<void> {
	await page.getByLabel('项目名称').fill(input.title);
	await page.getByLabel('项目简介').fill(input.summary ?? '与居民一起排查楼道照明，加装感应灯，并组织邻里守望志愿队。');
	await page.getByLabel('服务对象').fill('楼道内的独居长者');
	await page.getByLabel('预计受益人次').fill('240');
	for (const title of input.needTitles) await page.getByLabel(title).check();
	await page.locator('#activity-0-name').fill('楼道照明排查与加装');
	await page.locator('#activity-0-start').fill('2026-03');
	await page.locator('#activity-0-end').fill('2026-06');
	await page.locator('#indicator-0-name').fill('加装感应灯');
	await page.locator('#indicator-0-target').fill('40');
	await page.locator('#indicator-0-unit').fill('盏');
	await page.getByLabel('项目团队').fill('社工 2 名，楼长志愿者 10 名。');
	for (const [i, [category, item, unit, quantity, price]] of input.lines.entries()) {
		if (i > 0) await page.getByRole('button', { name: '添加一行' }).last().click();
		await page.locator(`#line-${i}-category`).selectOption(category);
		await page.locator(`#line-${i}-item`).fill(item);
		await page.locator(`#line-${i}-unit`).fill(unit);
		await page.locator(`#line-${i}-quantity`).fill(quantity);
		await page.locator(`#line-${i}-price`).fill(price);
	}
	await page.getByLabel('配套资金：合作方现金（元）').fill(input.matchingCash ?? '');
	await page.getByLabel('志愿服务时数（小时）').fill(input.volunteerHours ?? '');
}
