import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from './db';
import { backup, checkDatabaseFile, restoreBackup } from './backup';
import { addAttachment } from './attachments';
import { TEST_ENGINE, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import { seedCity } from './seed/city';
import { listPublishedNeeds } from './needs';
import { getRoundBySlug } from './rounds';

const dir = mkdtempSync(join(tmpdir(), 'backup-spec-'));
const env = { DATABASE_PATH: process.env.DATABASE_PATH, UPLOAD_DIR: process.env.UPLOAD_DIR };
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	for (const [name, value] of Object.entries(env)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
});

// SQLite's online backup of the file. A PostgreSQL database is backed up with pg_dump (README).
describe.skipIf(TEST_ENGINE === 'postgres')('backup', () => {
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
		const report = await backup(live, join(dir, 'copy'), join(dir, 'no-uploads-yet'));
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
		copyFileSync(join(report.path, 'app.db'), restoredPath);
		const restored = openDatabase(restoredPath);
		expect(await migrate(restored)).toEqual([]);
		const board = await listPublishedNeeds(restored, round.id, { page: 1 });
		expect(board.total).toBeGreaterThan(0);
		expect(checkDatabaseFile(restoredPath).tables.needs).toBe(report.tables.needs);
		await restored.destroy();
	});

	it('copies the attachments beside the database, and a restored backup serves them', async () => {
		const livePath = join(dir, 'files-live.db');
		const liveUploads = join(dir, 'files-live-uploads');
		const live = openDatabase(livePath);
		await migrate(live);
		const round = await makeRound(live, 'applications');
		const org = await makeOrganisation(live);
		const station = await makeUser(live, 'station', org);
		const admin = await makeUser(live, 'admin');
		const proposalId = await makeProposal(live, round.id, org, 'draft');
		const pdf = Buffer.from('%PDF-1.4\n社区长者饭堂活动方案\n%%EOF\n');
		const added = await addAttachment(live, { proposalId, actorId: station.id, fileName: '活动方案.pdf', bytes: pdf, dir: liveUploads });
		if (!added.ok) throw new Error(JSON.stringify(added.errors));
		// An upload being written at the moment of the backup is left out.
		writeFileSync(join(liveUploads, 'halfwritten.part'), 'half');

		const report = await backup(live, join(dir, 'files-backup'), liveUploads);
		await live.destroy();
		expect(report).toMatchObject({ integrity: 'ok', files: 1, bytes: pdf.byteLength, missing: [], corrupt: [] });
		expect(report.tables.attachments).toBe(1);
		expect(readFileSync(join(report.path, 'uploads', added.value))).toEqual(pdf);

		// A backup that lost a file is refused before anything is touched.
		const server = join(dir, 'server');
		const databasePath = join(server, 'app.db');
		const uploads = join(server, 'uploads');
		mkdirSync(uploads, { recursive: true });
		writeFileSync(databasePath, 'the damaged database');
		const broken = join(dir, 'files-backup-broken');
		cpSync(report.path, broken, { recursive: true });
		rmSync(join(broken, 'uploads', added.value));
		expect(() => restoreBackup(broken, { databasePath, uploads })).toThrow(/1 attachment\(s\) missing/);
		expect(readFileSync(databasePath, 'utf8')).toBe('the damaged database');

		// The server's files are lost: the backup goes in their place, the old ones aside.
		const restored = restoreBackup(report.path, { databasePath, uploads }, new Date('2026-12-01T08:00:00Z'));
		expect(restored.movedAside.sort()).toEqual([`${databasePath}.before-restore-2026-12-01T08-00-00-000Z`, `${uploads}.before-restore-2026-12-01T08-00-00-000Z`]);
		expect(existsSync(join(uploads, 'halfwritten.part'))).toBe(false);

		// The app, pointed at the restored files, serves the attachment to an admin.
		process.env.DATABASE_PATH = databasePath;
		process.env.UPLOAD_DIR = uploads;
		const { GET } = await import('../../routes/attachments/[id]/+server');
		const user = { id: admin.id, email: admin.email, name: '管理员', role: 'admin' as const, organisationId: null };
		const event = { locals: { user }, params: { id: added.value }, url: new URL(`http://localhost/attachments/${added.value}`) };
		const response = await GET(event as unknown as Parameters<typeof GET>[0]);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('活动方案.pdf'));
		expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
	});
});
