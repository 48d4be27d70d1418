import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

export async function up(db: Kysely<unknown>): Promise<void> {
	// Round settings for the expert review.
	await db.schema
		.alterTable('rounds')
		.addColumn('score_visibility', 'text', (c) => c.notNull().defaultTo('after_submit'))
		.execute();
	await db.schema
		.alterTable('rounds')
		.addColumn('blind_review', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.alterTable('rounds')
		.addColumn('ranking_score', 'text', (c) => c.notNull().defaultTo('trimmed_mean'))
		.execute();

	// Guidance for each score band of a criterion (low, fair, good, excellent).
	for (const band of ['guidance_low', 'guidance_fair', 'guidance_good', 'guidance_excellent']) {
		await db.schema
			.alterTable('rubric_criteria')
			.addColumn(band, 'text', (c) => c.notNull().defaultTo(''))
			.execute();
	}

	// When the reviewer last opened or saved the review, so a re-run of auto-assignment keeps it.
	await db.schema.alterTable('review_assignments').addColumn('started_at', 'text').execute();
	await db.schema.alterTable('review_assignments').addColumn('reminded_at', 'text').execute();

	await db.schema
		.createTable('reviewer_expertise')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('category', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('reviewer_expertise_pk', ['user_id', 'category'])
		.execute();

	await db.schema
		.createTable('round_panel')
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
		.addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('added_by', 'integer', (c) => c.references('users.id'))
		.addColumn('added_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('round_panel_pk', ['round_id', 'reviewer_id'])
		.execute();

	// Declared or admin-set conflicts (回避). Same-organisation conflicts are derived, not stored.
	await db.schema
		.createTable('review_conflicts')
		.addColumn('id', 'integer', identity(db))
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
		.addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('source', 'text', (c) => c.notNull())
		// Private to admins: the reason may name people.
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('review_conflicts_unique', ['proposal_id', 'reviewer_id'])
		.execute();
	await db.schema
		.createIndex('review_conflicts_reviewer')
		.on('review_conflicts')
		.columns(['reviewer_id', 'round_id'])
		.execute();

	await db.schema
		.createTable('review_criterion_comments')
		.addColumn('assignment_id', 'integer', (c) =>
			c.notNull().references('review_assignments.id').onDelete('cascade')
		)
		.addColumn('criterion_id', 'integer', (c) => c.notNull().references('rubric_criteria.id').onDelete('cascade'))
		.addColumn('comment', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('review_criterion_comments_pk', ['assignment_id', 'criterion_id'])
		.execute();

	await db.schema
		.createTable('notices')
		.addColumn('id', 'integer', identity(db))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		// JSON params for the kind's catalogue message; never personal data of others.
		.addColumn('params', 'text', (c) => c.notNull())
		.addColumn('link', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('read_at', 'text')
		.execute();
	await db.schema.createIndex('notices_user').on('notices').columns(['user_id', 'created_at']).execute();
	await db.schema
		.createIndex('review_assignments_proposal')
		.on('review_assignments')
		.columns(['proposal_id', 'status'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('review_assignments_proposal').execute();
	for (const table of ['notices', 'review_criterion_comments', 'review_conflicts', 'round_panel', 'reviewer_expertise']) {
		await db.schema.dropTable(table).execute();
	}
	await db.schema.alterTable('review_assignments').dropColumn('reminded_at').execute();
	await db.schema.alterTable('review_assignments').dropColumn('started_at').execute();
	for (const band of ['guidance_excellent', 'guidance_good', 'guidance_fair', 'guidance_low']) {
		await db.schema.alterTable('rubric_criteria').dropColumn(band).execute();
	}
	for (const col of ['ranking_score', 'blind_review', 'score_visibility']) {
		await db.schema.alterTable('rounds').dropColumn(col).execute();
	}
}
