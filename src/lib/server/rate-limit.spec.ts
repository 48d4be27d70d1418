import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabaseTarget, freshDb, openTestDatabase } from '../../../tests/helpers/db';
import { consume, overLimit, recordFailure, waitUntil } from './rate-limit';

const MINUTE = 60_000;

describe('rate limits kept in the database', () => {
	afterEach(() => {
		delete process.env.RATE_LIMITS;
	});

	it('share their counts between two connections, as two server processes would', async () => {
		const target = await freshDatabaseTarget();
		const one = openTestDatabase(target);
		const other = openTestDatabase(target);
		const limit = { max: 3, windowMs: 10 * MINUTE };
		for (let i = 0; i < 3; i++) expect(await consume(one, 'report', '203.0.113.7', limit)).toBe(true);
		expect(await consume(other, 'report', '203.0.113.7', limit)).toBe(false);
		expect(await overLimit(other, 'report', '203.0.113.7', limit)).toBe(true);
		expect(await consume(other, 'report', '203.0.113.8', limit)).toBe(true);
		await one.destroy();
		await other.destroy();
	});

	it('count every one of many attempts at once, on connections side by side', async () => {
		const db = await freshDb();
		const limit = { max: 20, windowMs: 10 * MINUTE };
		const answers = await Promise.all(Array.from({ length: 30 }, () => consume(db, 'report', '198.51.100.9', limit)));
		expect(answers.filter(Boolean)).toHaveLength(20);
		const row = await db.selectFrom('rate_limits').select('count').executeTakeFirstOrThrow();
		expect(row.count).toBe(30);
	});

	it('open again when the window has passed', async () => {
		const db = await freshDb();
		const limit = { max: 2, windowMs: 10 * MINUTE };
		const now = new Date('2026-12-01T00:00:00Z');
		await consume(db, 'track', 'a', limit, now);
		await consume(db, 'track', 'a', limit, now);
		expect(await consume(db, 'track', 'a', limit, new Date(now.getTime() + 9 * MINUTE))).toBe(false);
		expect(await consume(db, 'track', 'a', limit, new Date(now.getTime() + 11 * MINUTE))).toBe(true);
		expect(await overLimit(db, 'track', 'a', limit, new Date(now.getTime() + 11 * MINUTE))).toBe(false);
	});

	it('store only a hash of who was counted, never the address itself', async () => {
		const db = await freshDb();
		await consume(db, 'report', '203.0.113.7', { max: 5, windowMs: MINUTE });
		await recordFailure(db, 'login-address', '2001:db8:1:2::/64', 5);
		const rows = await db.selectFrom('rate_limits').selectAll().execute();
		expect(rows).toHaveLength(2);
		expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113|2001:db8/);
	});

	it('make each failure past the free ones wait longer, across connections', async () => {
		const db = await freshDb();
		const now = new Date('2026-12-01T00:00:00Z');
		for (let i = 0; i < 5; i++) await recordFailure(db, 'login-account', 'a@example.org', 5, now);
		expect(await waitUntil(db, 'login-account', 'a@example.org', now)).toBeNull();
		await recordFailure(db, 'login-account', 'a@example.org', 5, now);
		expect(await waitUntil(db, 'login-account', 'a@example.org', now)).toBe(new Date(now.getTime() + 2_000).toISOString());
		await recordFailure(db, 'login-account', 'a@example.org', 5, now);
		expect(await waitUntil(db, 'login-account', 'a@example.org', now)).toBe(new Date(now.getTime() + 4_000).toISOString());
		expect(await waitUntil(db, 'login-account', 'a@example.org', new Date(now.getTime() + 5_000))).toBeNull();
	});

	it('are all off with RATE_LIMITS=off (benchmarks and test servers only)', async () => {
		const db = await freshDb();
		process.env.RATE_LIMITS = 'off';
		const limit = { max: 1, windowMs: MINUTE };
		for (let i = 0; i < 5; i++) expect(await consume(db, 'x', 'y', limit)).toBe(true);
		for (let i = 0; i < 30; i++) await recordFailure(db, 'login-account', 'a', 5);
		expect(await waitUntil(db, 'login-account', 'a')).toBeNull();
	});
});
