import type { Kysely } from 'kysely';
import { earlyMoney, identity } from '../src/lib/server/db/columns';

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('rounds')
		.addColumn('id', 'integer', identity(db))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('pool_fen', earlyMoney(db), (c) => c.notNull())
		.addColumn('grant_min_fen', earlyMoney(db), (c) => c.notNull())
		.addColumn('grant_max_fen', earlyMoney(db), (c) => c.notNull())
		.addColumn('proposals_per_org', 'integer', (c) => c.notNull())
		.addColumn('reviewers_per_proposal', 'integer', (c) => c.notNull())
		.addColumn('time_zone', 'text', (c) => c.notNull())
		// The start of each phase, as UTC instants; the phase before the first is draft.
		.addColumn('needs_call_at', 'text', (c) => c.notNull())
		.addColumn('applications_at', 'text', (c) => c.notNull())
		.addColumn('eligibility_at', 'text', (c) => c.notNull())
		.addColumn('review_at', 'text', (c) => c.notNull())
		.addColumn('decision_at', 'text', (c) => c.notNull())
		.addColumn('notice_at', 'text', (c) => c.notNull())
		.addColumn('implementation_at', 'text', (c) => c.notNull())
		.addColumn('closed_at', 'text', (c) => c.notNull())
		// An admin may move the round on early or hold it; null follows the schedule.
		.addColumn('phase_override', 'text')
		.addColumn('results_published_at', 'text')
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('rubric_criteria')
		.addColumn('id', 'integer', identity(db))
		.addColumn('round_id', 'integer', (c) =>
			c.notNull().references('rounds.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('name_zh', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('weight', 'integer', (c) => c.notNull())
		.addColumn('scale_max', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('rubric_criteria_round')
		.on('rubric_criteria')
		.columns(['round_id', 'position'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('rubric_criteria').execute();
	await db.schema.dropTable('rounds').execute();
}
