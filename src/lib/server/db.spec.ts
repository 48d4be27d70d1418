import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { freshDb } from '../../../tests/helpers/db';

describe('database', () => {
	it('lists every migration file, in name order', () => {
		const files = readdirSync('migrations')
			.filter((f) => /^\d{4}_\d{2}_\d{2}_\d{4}_.+\.ts$/.test(f))
			.map((f) => f.replace(/\.ts$/, ''))
			.sort();
		expect(Object.keys(migrations)).toEqual(files);
	});

	it('builds a fresh database with foreign keys enforced', async () => {
		const db = await freshDb();
		const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
		expect(fk.rows[0].foreign_keys).toBe(1);
		await expect(
			db
				.insertInto('users')
				.values({
					email: 'x@example.org',
					name: 'x',
					password_hash: 'x',
					role: 'station',
					organisation_id: 999,
					created_at: new Date().toISOString()
				})
				.execute()
		).rejects.toThrow(/FOREIGN KEY/);
	});
});
