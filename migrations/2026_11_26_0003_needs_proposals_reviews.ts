import type { Kysely } from 'kysely';
import { earlyMoney, identity } from '../src/lib/server/db/columns';

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('needs')
		.addColumn('id', 'integer', identity(db))
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		.addColumn('receipt_code', 'text', (c) => c.notNull().unique())
		// A per-form token so that a double click or a resubmitted form makes one need.
		.addColumn('submission_key', 'text', (c) => c.unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('district', 'text', (c) => c.notNull())
		.addColumn('street', 'text', (c) => c.notNull())
		.addColumn('affected_group', 'text', (c) => c.notNull())
		.addColumn('affected_count', 'integer')
		.addColumn('urgency', 'text', (c) => c.notNull())
		// Private: never leaves the admin area.
		.addColumn('contact_name', 'text')
		.addColumn('contact_phone', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('decline_reason', 'text')
		.addColumn('support_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('published_at', 'text')
		.execute();
	await db.schema
		.createIndex('needs_round_status')
		.on('needs')
		.columns(['round_id', 'status', 'created_at'])
		.execute();

	await db.schema
		.createTable('proposals')
		.addColumn('id', 'integer', identity(db))
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('requested_fen', earlyMoney(db), (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('award_fen', earlyMoney(db))
		.addColumn('decision_reason', 'text')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'text')
		.execute();
	await db.schema
		.createIndex('proposals_round_status')
		.on('proposals')
		.columns(['round_id', 'status'])
		.execute();
	await db.schema
		.createIndex('proposals_organisation')
		.on('proposals')
		.columns(['organisation_id', 'round_id'])
		.execute();

	await db.schema
		.createTable('proposal_needs')
		.addColumn('proposal_id', 'integer', (c) =>
			c.notNull().references('proposals.id').onDelete('cascade')
		)
		.addColumn('need_id', 'integer', (c) => c.notNull().references('needs.id'))
		.addPrimaryKeyConstraint('proposal_needs_pk', ['proposal_id', 'need_id'])
		.execute();
	await db.schema.createIndex('proposal_needs_need').on('proposal_needs').column('need_id').execute();

	await db.schema
		.createTable('review_assignments')
		.addColumn('id', 'integer', identity(db))
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		.addColumn('proposal_id', 'integer', (c) =>
			c.notNull().references('proposals.id').onDelete('cascade')
		)
		.addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('comment', 'text')
		// Private to the panel and admins; never public.
		.addColumn('private_note', 'text')
		.addColumn('assigned_at', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'text')
		.addUniqueConstraint('review_assignments_unique', ['proposal_id', 'reviewer_id'])
		.execute();
	await db.schema
		.createIndex('review_assignments_reviewer')
		.on('review_assignments')
		.columns(['reviewer_id', 'round_id'])
		.execute();

	await db.schema
		.createTable('review_scores')
		.addColumn('assignment_id', 'integer', (c) =>
			c.notNull().references('review_assignments.id').onDelete('cascade')
		)
		.addColumn('criterion_id', 'integer', (c) => c.notNull().references('rubric_criteria.id'))
		.addColumn('score', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('review_scores_pk', ['assignment_id', 'criterion_id'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'review_scores',
		'review_assignments',
		'proposal_needs',
		'proposals',
		'needs'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
