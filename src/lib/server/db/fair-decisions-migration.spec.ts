import { Migrator } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { migrations } from '../../../../migrations/index';
import { freshDb, makeRound } from '../../../../tests/helpers/db';
import { addPlaces } from '../places';

describe('the fair-decisions migration', () => {
	it('keeps decided rounds on format 1, moves free-text caps of the others to place ids, and reports those naming no district', async () => {
		const db = await freshDb();
		const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
		const down = await migrator.migrateTo('2026_11_29_0250_work_calendar');
		if (down.error) throw down.error;
		await addPlaces(db, [
			{ district: '越秀区', street: '北京街', community: '' },
			{ district: '海珠区', street: '南华西街', community: '' }
		]);
		const open = await makeRound(db, 'decision');
		const decided = await makeRound(db, 'notice');
		await db.updateTable('rounds').set({ district_caps: JSON.stringify({ 越秀: 100, 天河: 200 }) }).where('id', '=', open.id).execute();
		await db
			.updateTable('rounds')
			.set({ district_caps: JSON.stringify({ 越秀: 300 }), notice_published_at: '2026-03-02T07:00:00.000Z' })
			.where('id', '=', decided.id)
			.execute();
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const up = await migrator.migrateToLatest();
		const warnings = warn.mock.calls.map((c) => String(c[0]));
		warn.mockRestore();
		if (up.error) throw up.error;
		// The unmatched cap is reported (and kept for the admin's page, below).
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('天河');
		const yuexiu = await db.selectFrom('places').select('id').where('name', '=', '越秀区').executeTakeFirstOrThrow();
		const rows = await db
			.selectFrom('rounds')
			.select(['id', 'decision_format', 'district_caps', 'district_caps_unmatched'])
			.where('id', 'in', [open.id, decided.id])
			.orderBy('id')
			.execute();
		expect(rows.map((r) => [r.decision_format, JSON.parse(r.district_caps), JSON.parse(r.district_caps_unmatched)])).toEqual([
			[2, { [String(yuexiu.id)]: 100 }, { 天河: 200 }],
			// Decided before: its caps and record stay as they were published.
			[1, { 越秀: 300 }, {}]
		]);
	});
});
