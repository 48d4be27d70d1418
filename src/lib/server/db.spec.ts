import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { freshDb } from '../../../tests/helpers/db';
import { isForeignKeyViolation } from './db';

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
		const refused = await
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
				.catch((e: unknown) => e);
		expect(isForeignKeyViolation(refused)).toBe(true);
	});
});
