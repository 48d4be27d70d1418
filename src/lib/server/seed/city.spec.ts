import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../../tests/helpers/db';
import { seedCity, cityPlaces } from './city';
import { listPublishedNeeds } from '../needs';
import { listResults } from '../results';
import { getRoundBySlug, phaseOf } from '../rounds';
import { verifyPassword } from '../auth/password';
import { openProjects } from '../grant-facts';
import { checkLedger } from '../ledger-check';

describe('seedCity', () => {
	it('builds a small city that the public pages can read', async () => {
		const db = await freshDb();
		const city = await seedCity(db, { seed: 7, scale: 0.02 });
		expect(city.counts.needs).toBe(400);
		expect(city.counts.proposals).toBe(40);
		const needs = await db.selectFrom('needs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(needs.n).toBe(400);

		const current = (await getRoundBySlug(db, city.roundSlug))!;
		expect(phaseOf(current)).toBe('review');
		const board = await listPublishedNeeds(db, current.id, { page: 1 });
		expect(board.total).toBeGreaterThan(200);
		const earlier = (await getRoundBySlug(db, city.earlierSlug))!;
		const results = await listResults(db, earlier.id);
		expect(results!.projects.length).toBeGreaterThan(0);
		expect(results!.totals.awardedFen).toBeLessThanOrEqual(earlier.pool_fen);
		// Its year after the award: every project through its tranches and closed, the last one
		// terminated with 40 % of its first tranche (half the award) back.
		const stages = results!.projects.map((p) => p.stage);
		expect(stages.filter((s) => s === 'terminated')).toHaveLength(1);
		expect(stages.filter((s) => s === 'completed')).toHaveLength(stages.length - 1);
		expect(await openProjects(db, earlier.id)).toEqual([]);
		const lastAward = results!.projects.find((p) => p.stage === 'terminated')!.awardFen ?? 0;
		expect(results!.totals.paidFen).toBe(results!.totals.awardedFen - lastAward + Math.round(lastAward / 2));

		// Every street has its community charity fund; the pools are money the funds allocated.
		const streets = await db.selectFrom('places').select('id').where('kind', '=', 'street').execute();
		const streetFunds = await db.selectFrom('funds').select('street_id').where('kind', '=', 'street').execute();
		expect(streetFunds.map((f) => f.street_id).sort()).toEqual(streets.map((s) => s.id).sort());
		expect(streets.length).toBeGreaterThan(3);
		expect(await checkLedger(db)).toEqual([]);

		// Unfinished reviews are left for the benchmark's reviewer to save.
		const open = await db.selectFrom('review_assignments').select('id').where('status', '=', 'assigned').execute();
		expect(open.length).toBeGreaterThan(0);
		const reviewer = await db.selectFrom('users').select('password_hash').where('email', '=', city.reviewerEmails[0]).executeTakeFirstOrThrow();
		expect(await verifyPassword(reviewer.password_hash, city.password)).toBe(true);
		await db.destroy();
	});

	it('is the same city for the same seed, another for another', async () => {
		const titles = async (seed: number) => {
			const db = await freshDb();
			await seedCity(db, { seed, scale: 0.005, now: new Date('2026-06-01T00:00:00Z') });
			const rows = await db.selectFrom('needs').select(['title', 'receipt_code', 'street']).orderBy('id').execute();
			await db.destroy();
			return rows;
		};
		expect(await titles(1)).toEqual(await titles(1));
		expect(await titles(1)).not.toEqual(await titles(2));
	});

	it('names ~180 streets and ~2,800 communities at full size, without repeats in a street', () => {
		const places = cityPlaces(2026);
		const streets = places.flatMap((d) => d.streets);
		expect(places).toHaveLength(11);
		expect(streets).toHaveLength(180);
		const communities = streets.reduce((n, s) => n + s.communities.length, 0);
		expect(communities).toBeGreaterThan(2_500);
		expect(communities).toBeLessThan(3_100);
		for (const s of streets) expect(new Set(s.communities).size).toBe(s.communities.length);
	});
});
