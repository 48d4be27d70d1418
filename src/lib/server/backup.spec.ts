import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from './db';
import { backupDatabase, checkDatabaseFile } from './backup';
import { seedCity } from './seed/city';
import { listPublishedNeeds } from './needs';
import { getRoundBySlug } from './rounds';

const dir = mkdtempSync(join(tmpdir(), 'backup-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backupDatabase', () => {
	it('copies a consistent database while another connection keeps writing, and the copy restores', async () => {
		const livePath = join(dir, 'live.db');
		const live = openDatabase(livePath);
		await migrate(live);
		const city = await seedCity(live, { seed: 3, scale: 0.1 });
		const round = (await getRoundBySlug(live, city.roundSlug))!;

		// The server's writes: another connection adding needs as fast as it can during the backup.
		const writer = openDatabase(livePath);
		let written = 0;
		let writing = true;
		const writes = (async () => {
			while (writing) {
				await writer
					.insertInto('needs')
					.values({
						round_id: round.id,
						receipt_code: `bk${written}`,
						title: '备份期间提交',
						description: '测试',
						category: 'other',
						district: '海珠区',
						street: '沙园街',
						affected_group: '居民',
						urgency: 'low',
						status: 'new',
						created_at: new Date().toISOString()
					})
					.execute();
				written += 1;
				await new Promise((r) => setImmediate(r));
			}
		})();
		const report = await backupDatabase(live, join(dir, 'copy.db'));
		writing = false;
		await writes;
		expect(written).toBeGreaterThan(0);
		expect(report.integrity).toBe('ok');
		// The copy is one committed state: at least the seeded needs, at most everything written.
		const liveNeeds = checkDatabaseFile(livePath).tables.needs;
		expect(report.tables.needs).toBeGreaterThanOrEqual(city.counts.needs);
		expect(report.tables.needs).toBeLessThanOrEqual(liveNeeds);
		expect(report.tables.review_scores).toBeGreaterThan(0);

		// Restoring: the copy put in place of a lost database opens, migrates and serves the board.
		await writer.destroy();
		await live.destroy();
		const restoredPath = join(dir, 'restored.db');
		copyFileSync(report.path, restoredPath);
		const restored = openDatabase(restoredPath);
		expect(await migrate(restored)).toEqual([]);
		const board = await listPublishedNeeds(restored, round.id, { page: 1 });
		expect(board.total).toBeGreaterThan(0);
		expect(checkDatabaseFile(restoredPath).tables.needs).toBe(report.tables.needs);
		await restored.destroy();
	});
});
