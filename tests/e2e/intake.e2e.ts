import { expect, test } from '@playwright/test';
import { createRound } from '../../src/lib/server/rounds';
import { scheduleFor } from '../helpers/db';
import { roundInput } from '../fixtures/world';
import { withE2eDb } from './db';
import { signIn } from './helpers';

/** Needs from residents without a phone: entered by a station's front desk, or imported from paper by an admin. */

async function callRound(tag: string) {
	const slug = `intake-${tag}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
	const id = await withE2eDb((db) => createRound(db, roundInput(slug, `代录测试轮次 ${slug}`, 2026, scheduleFor('needs_call')), null));
	return { id, slug };
}

test('a need the front desk enters for a resident carries its channel, prints its receipt, and is on the board once published', async ({ browser }) => {
	const round = await callRound('desk');
	const desk = await (await browser.newContext()).newPage();
	await signIn(desk, 'stationA');
	await desk.goto(`/rounds/${round.slug}/needs/new`);
	await desk.getByLabel('代录渠道').selectOption({ label: '电话' });
	await desk.getByLabel('需求标题').fill('独居老人电话反映楼道无灯');
	await desk.getByLabel('具体情况').fill('老人没有智能手机，打电话到站点反映楼道灯坏了。');
	await desk.getByLabel('服务领域').selectOption({ label: '长者' });
	await desk.getByLabel('所在区').selectOption({ label: '海珠区' });
	await desk.getByLabel('街道 / 镇').selectOption({ label: '南华西街' });
	await desk.getByLabel('受影响的人群').fill('独居长者');
	await desk.getByRole('button', { name: '提交需求' }).click();
	await expect(desk).toHaveURL(/\/track\/[A-Z2-9-]{14}\?new=1&print=1$/);
	await expect(desk.getByRole('button', { name: '打印回执码交给居民' })).toBeVisible();
	const code = new URL(desk.url()).pathname.split('/').pop()!.replaceAll('-', '').toLowerCase();

	const need = await withE2eDb((db) => db.selectFrom('needs').select(['id', 'channel', 'entered_by', 'status']).where('receipt_code', '=', code).executeTakeFirstOrThrow());
	expect(need).toMatchObject({ channel: 'phone', status: 'new' });
	expect(need.entered_by).not.toBeNull();

	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');
	await admin.goto(`/admin/rounds/${round.id}/needs`);
	await expect(admin.locator(`#need-${need.id} .badge`).filter({ hasText: '电话' })).toBeVisible();
	await admin.goto(`/rounds/${round.slug}/needs`);
	await expect(admin.getByText('独居老人电话反映楼道无灯')).toHaveCount(0);
	await withE2eDb((db) => db.updateTable('needs').set({ status: 'published', published_at: new Date().toISOString() }).where('id', '=', need.id).execute());
	await admin.goto(`/rounds/${round.slug}/needs`);
	await expect(admin.getByText('独居老人电话反映楼道无灯')).toBeVisible();
	await desk.context().close();
	await admin.context().close();
});

test('an admin imports paper needs: a bad line imports nothing and is named; a good table gives each line its receipt', async ({ page }) => {
	const round = await callRound('import');
	await signIn(page, 'admin');
	await page.goto(`/admin/rounds/${round.id}/needs/import`);
	const header = '标题,需求描述,服务领域,区,街道,受益人群,联系人,联系电话,同意保存联系方式,渠道';
	const upload = async (text: string) => {
		await page.getByLabel('CSV 或 Excel（.xlsx）文件').setInputFiles({ name: '纸质需求.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
		await page.getByRole('button', { name: '检查并导入' }).click();
	};
	await upload(`${header}\n纸质一,老人腿脚不便需要陪诊。,长者,海珠区,南华西街,独居长者,李伯,13800001234,是,纸质表\n纸质二,没有同意,长者,海珠区,南华西街,独居长者,王姨,13800004321,否,来访\n`);
	await expect(page.getByRole('alert')).toContainText('第 3 行');
	const before = await withE2eDb((db) => db.selectFrom('needs').select('id').where('round_id', '=', round.id).execute());
	expect(before).toHaveLength(0);

	await upload(`${header}\n纸质一,老人腿脚不便需要陪诊。,长者,海珠区,南华西街,独居长者,李伯,13800001234,是,纸质表\n纸质二,楼下垃圾无人清理。,长者,海珠区,南华西街,楼栋居民,,,,来访\n`);
	await expect(page.getByRole('status')).toContainText('已导入 2 条需求');
	await expect(page.locator('td.mono')).toHaveCount(2);
	const rows = await withE2eDb((db) => db.selectFrom('needs').select(['title', 'channel']).where('round_id', '=', round.id).orderBy('id').execute());
	expect(rows).toEqual([
		{ title: '纸质一', channel: 'paper' },
		{ title: '纸质二', channel: 'visit' }
	]);
});
