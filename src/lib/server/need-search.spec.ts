import { describe, expect, it } from 'vitest';
import { freshDb, makeRound, makeUser } from '../../../tests/helpers/db';
import { insertPublishedNeed } from '../../../tests/helpers/needs';
import { seedFixtures } from '../../../tests/fixtures/seed';
import { likeAnyCase, type DB } from './db';
import { seedDemo } from './seed/demo';
import { listPublishedNeeds } from './needs';
import { editAndPublishNeed } from './needs-moderation';

/** The board's text search as it was before the index: the (trimmed) words in the text itself, need by need. */
async function byTextAlone(db: DB, roundId: number, q: string) {
	const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const rows = await db
		.selectFrom('needs')
		.select('id')
		.where('round_id', '=', roundId)
		.where('status', '=', 'published')
		.where((eb) =>
			eb.or([
				likeAnyCase(db, eb.ref('needs.title'), pattern),
				likeAnyCase(db, eb.ref('needs.description'), pattern),
				likeAnyCase(db, eb.ref('needs.affected_group'), pattern)
			])
		)
		.orderBy('published_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return rows.map((r) => r.id);
}

/** Words to search for: pieces of 1 to 4 characters of every published text, and a few odd ones. */
async function queriesOf(db: DB): Promise<string[]> {
	const texts = await db.selectFrom('needs').select(['title', 'description', 'affected_group']).where('status', '=', 'published').execute();
	const words = new Set(['老人', '长者', '楼道', 'a', 'WiFi', '%', '_', '老人 ', '不存在的词']);
	for (const t of texts) {
		for (const text of [t.title, t.description, t.affected_group]) {
			const chars = Array.from(text);
			for (const length of [1, 2, 3, 4]) {
				for (let i = 0; i + length <= chars.length; i += 7) words.add(chars.slice(i, i + length).join(''));
			}
		}
	}
	return [...words].filter((w) => w.trim());
}

/** Every query's whole result list, through the board (pages of 20) and by the text alone. */
async function compare(db: DB) {
	const rounds = await db.selectFrom('rounds').select('id').execute();
	const queries = await queriesOf(db);
	let compared = 0;
	let found = 0;
	const differing: string[] = [];
	for (const { id: roundId } of rounds) {
		for (const q of queries) {
			const expected = await byTextAlone(db, roundId, q);
			const got: number[] = [];
			for (let page = 1; ; page++) {
				const { items, total } = await listPublishedNeeds(db, roundId, { q, page });
				got.push(...items.map((n) => n.id));
				if (total !== expected.length) differing.push(`${roundId} ${q}: total ${total}, expected ${expected.length}`);
				if (items.length === 0 || got.length >= total) break;
			}
			if (JSON.stringify(got) !== JSON.stringify(expected)) differing.push(`${roundId} ${q}`);
			compared++;
			if (expected.length) found++;
		}
	}
	return { compared, found, differing };
}

describe('the board text search through the character-pair index', () => {
	it('finds exactly what reading the text finds, on the demo data', { timeout: 120_000 }, async () => {
		const db = await freshDb();
		await seedDemo(db);
		const { compared, found, differing } = await compare(db);
		expect(differing).toEqual([]);
		expect(compared).toBeGreaterThan(300);
		expect(found).toBeGreaterThan(100);
	});

	it('finds exactly what reading the text finds, on the test fixtures (rows the index catches up with)', { timeout: 60_000 }, async () => {
		const db = await freshDb();
		await seedFixtures(db);
		expect(Number((await db.selectFrom('need_bigrams').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
		const { compared, found, differing } = await compare(db);
		expect(differing).toEqual([]);
		expect(compared).toBeGreaterThan(10);
		expect(found).toBeGreaterThan(0);
	});

	it('finds a two-character word, and follows a moderator’s edit at once', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const id = await insertPublishedNeed(db, round.id, { title: '关爱独居老人', description: '每周上门探访。', affected_group: '独居老人' });
		await insertPublishedNeed(db, round.id, { title: '楼道照明', description: '老旧小区的人行道太暗。', affected_group: '居民' });
		const search = async (q: string) => (await listPublishedNeeds(db, round.id, { q })).items.map((n) => n.id);
		expect(await search('老人')).toEqual([id]);
		expect(await db.selectFrom('needs').select('search_indexed').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ search_indexed: 1 });

		const edited = { title: '长者助餐', description: '中午送餐上门。', affected_group: '高龄长者' };
		expect((await editAndPublishNeed(db, id, edited, admin.id, round.id)).ok).toBe(true);
		const pairs = await db.selectFrom('need_bigrams').select('gram').where('need_id', '=', id).orderBy('gram').execute();
		expect(pairs.map((p) => p.gram)).toContain('助餐');
		expect(pairs.map((p) => p.gram)).not.toContain('老人');
		expect(await search('老人')).toEqual([]);
		expect(await search('助餐')).toEqual([id]);
	});
});
