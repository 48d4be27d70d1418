import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../../tests/helpers/db';
import { seedDemo, DEMO_EARLIER_SLUG } from './demo';
import { budgetChanges } from '../budget-changes';
import { publicPhotos } from '../report-files';

describe('the demo beside the reports', () => {
	it('has one approved budget change and two approved photos in the 2025 round', { timeout: 120_000 }, async () => {
		process.env.UPLOAD_DIR = await mkdtemp(join(tmpdir(), 'demo-uploads-'));
		const db = await freshDb();
		await seedDemo(db);
		const round = await db.selectFrom('rounds').select('id').where('slug', '=', DEMO_EARLIER_SLUG).executeTakeFirstOrThrow();
		const changes = await db
			.selectFrom('budget_changes')
			.innerJoin('proposals', 'proposals.id', 'budget_changes.proposal_id')
			.select(['budget_changes.proposal_id', 'budget_changes.status'])
			.where('proposals.round_id', '=', round.id)
			.execute();
		expect(changes.map((c) => c.status)).toEqual(['approved']);
		const { lines } = await budgetChanges(db, changes[0].proposal_id);
		const award = await db.selectFrom('proposals').select('award_fen').where('id', '=', changes[0].proposal_id).executeTakeFirstOrThrow();
		expect(lines.reduce((s, l) => s + l.budgetFen, 0)).toBe(Number(award.award_fen));
		expect(await publicPhotos(db, changes[0].proposal_id)).toHaveLength(2);
	});
});
