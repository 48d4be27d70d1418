import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

/**
 * Evaluation of funded projects (中期评估 / 结项评估): which evaluator (a reviewer account) grades
 * which accepted report, their scores on the evaluation rubric (JSON, criterion key → 0–10) and
 * weighted total; and an admin's override, with a reason, of a final 不合格 that would withhold
 * the last tranche.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('evaluation_assignments')
		.addColumn('id', 'integer', identity(db))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('agreements.proposal_id'))
		// The report evaluated: 'midterm' or 'final'.
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('evaluator_id', 'integer', (c) => c.notNull().references('users.id'))
		// 'assigned' or 'submitted'.
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('scores', 'text')
		// The weighted total in hundredths of a point (0–10,000), once submitted.
		.addColumn('total_hundredths', 'integer')
		.addColumn('comment', 'text')
		.addColumn('assigned_by', 'integer', (c) => c.references('users.id'))
		.addColumn('assigned_at', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'text')
		.addUniqueConstraint('evaluation_assignments_once', ['proposal_id', 'kind', 'evaluator_id'])
		.execute();
	await db.schema.createIndex('evaluation_assignments_evaluator').on('evaluation_assignments').columns(['evaluator_id', 'id']).execute();
	await db.schema
		.createTable('evaluation_overrides')
		.addColumn('proposal_id', 'integer', (c) => c.primaryKey().references('agreements.proposal_id'))
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('overridden_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('overridden_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('evaluation_overrides').execute();
	await db.schema.dropTable('evaluation_assignments').execute();
}
