import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser, TEST_ENGINE } from '../../../../tests/helpers/db';
import { insertPublishedNeed } from '../../../../tests/helpers/needs';
import { readVersion } from '../db';
import { GLOBAL_VERSION, ROUND_OF_TABLE, UNVERSIONED_TABLES } from './versions';
import type { DB } from '../db';

async function versionsOf(db: DB): Promise<Map<number, string>> {
	const rows = await db.selectFrom('round_versions').select(['round_id', 'version']).execute();
	return new Map(rows.map((r) => [Number(r.round_id), String(r.version)]));
}

/** The rounds (0: global) whose version `write` moved. */
async function moved(db: DB, write: () => Promise<unknown>): Promise<number[]> {
	const before = await versionsOf(db);
	await write();
	const after = await versionsOf(db);
	return [...after].filter(([id, v]) => before.get(id) !== v).map(([id]) => id).sort((a, b) => a - b);
}

describe('round versions', () => {
	it('cover every table: each is versioned, with a trigger per verb, or named as never shown to the public', async () => {
		const db = await freshDb();
		const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_') && n !== 'round_versions');
		const versioned = Object.keys(ROUND_OF_TABLE);
		const unversioned = Object.keys(UNVERSIONED_TABLES);
		expect(versioned.filter((t) => unversioned.includes(t))).toEqual([]);
		expect([...versioned, ...unversioned].sort()).toEqual([...tables].sort());
		expect(versioned).toHaveLength(41);
		expect(unversioned).toHaveLength(15);
		const triggers =
			TEST_ENGINE === 'postgres'
				? await sql<{ name: string }>`select tgname as name from pg_trigger where not tgisinternal and tgname like '%\\_version\\_%'`.execute(db)
				: await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like '%\\_version\\_%' escape '\\'`.execute(db);
		const expected = versioned.flatMap((t) => ['insert', 'update', 'delete'].map((verb) => `${t}_version_${verb}`));
		expect(triggers.rows.map((r) => r.name).sort()).toEqual(expected.sort());
		await db.destroy();
	});

	it("move with a write in a round's rows, their children's and grandchildren's, and no other round's", async () => {
		const db = await freshDb();
		const a = await makeRound(db, 'review');
		const b = await makeRound(db, 'review');
		const org = await makeOrganisation(db);
		const proposal = await makeProposal(db, a.id, org);
		const reviewer = await makeUser(db, 'reviewer');
		const criterion = await db.selectFrom('rubric_criteria').select('id').where('round_id', '=', a.id).executeTakeFirstOrThrow();
		let need = 0;
		expect(await moved(db, async () => (need = await insertPublishedNeed(db, a.id)))).toEqual([a.id]);
		expect(await moved(db, () => db.updateTable('needs').set({ support_count: 3 }).where('id', '=', need).execute())).toEqual([a.id]);
		// A need moved to another round changes both.
		expect(await moved(db, () => db.updateTable('needs').set({ round_id: b.id }).where('id', '=', need).execute())).toEqual([a.id, b.id]);
		expect(await moved(db, () => db.deleteFrom('needs').where('id', '=', need).execute())).toEqual([b.id]);
		const line = { proposal_id: proposal, position: 1, category: 'supplies', item: '米', unit: '袋', quantity: 2, unit_price_fen: 100 };
		expect(await moved(db, () => db.insertInto('budget_lines').values(line).execute())).toEqual([a.id]);
		let assignment = 0;
		const assigned = { round_id: a.id, proposal_id: proposal, reviewer_id: reviewer.id, status: 'assigned' as const, assigned_at: new Date().toISOString() };
		expect(
			await moved(db, async () => {
				assignment = (await db.insertInto('review_assignments').values(assigned).returning('id').executeTakeFirstOrThrow()).id;
			})
		).toEqual([a.id]);
		const score = { assignment_id: assignment, criterion_id: criterion.id, score: 3 };
		expect(await moved(db, () => db.insertInto('review_scores').values(score).execute())).toEqual([a.id]);
		// Many rows of two rounds in one statement: each round once.
		expect(await moved(db, () => db.updateTable('needs').set({ support_count: 0 }).execute())).toEqual([]);
		await insertPublishedNeed(db, a.id);
		await insertPublishedNeed(db, b.id);
		expect(await moved(db, () => db.updateTable('needs').set({ support_count: 1 }).execute())).toEqual([a.id, b.id]);
		// What no round owns moves the global version; a round's own row moves it too (other pages show its title).
		expect(await moved(db, () => makeOrganisation(db))).toEqual([GLOBAL_VERSION]);
		expect(await moved(db, () => db.updateTable('rounds').set({ title: '新标题' }).where('id', '=', a.id).execute())).toEqual([GLOBAL_VERSION, a.id]);
		// What the public never sees moves nothing.
		expect(await moved(db, () => db.insertInto('rate_limits').values({ bucket: 'x', subject: 'y', count: 1, window_ends_at: 'z', blocked_until: null }).execute())).toEqual([]);
		await db.destroy();
	});

	it('move only when the write commits, and each scope reads only its own', async () => {
		const db = await freshDb();
		const a = await makeRound(db, 'needs_call');
		const b = await makeRound(db, 'needs_call');
		const before = { a: await readVersion(db, { round: a.id }), b: await readVersion(db, { roundSlug: b.slug }), all: await readVersion(db, 'all') };
		await expect(
			db.transaction().execute(async (trx) => {
				await insertPublishedNeed(trx, a.id);
				throw new Error('undone');
			})
		).rejects.toThrow('undone');
		expect(await readVersion(db, { round: a.id })).toBe(before.a);
		const need = await insertPublishedNeed(db, a.id);
		expect(await readVersion(db, { round: a.id })).not.toBe(before.a);
		expect(await readVersion(db, { need })).toBe(await readVersion(db, { round: a.id }));
		expect(await readVersion(db, { roundSlug: b.slug })).toBe(before.b);
		expect(await readVersion(db, 'all')).not.toBe(before.all);
		// Read inside a transaction (through the query builder on either engine), the same versions.
		const outside = await Promise.all([readVersion(db, { round: a.id }), readVersion(db, { need }), readVersion(db, 'all'), readVersion(db, 'global')]);
		const inside = await db
			.transaction()
			.execute((trx) => Promise.all([readVersion(trx, { round: a.id }), readVersion(trx, { need }), readVersion(trx, 'all'), readVersion(trx, 'global')]));
		expect(inside).toEqual(outside);
		await db.destroy();
	});
});
