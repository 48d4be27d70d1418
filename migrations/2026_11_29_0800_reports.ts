import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

/**
 * The station's reports after the award (中期报告, 结项报告): one per funded project and kind, its
 * content (JSON of ReportContent), its state through draft, submitted, returned and accepted, and
 * when its reminder went out. Accepting a report meets its tranche's condition (tranches).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('project_reports')
		.addColumn('id', 'integer', identity(db))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('agreements.proposal_id'))
		// 'midterm' or 'final'.
		.addColumn('kind', 'text', (c) => c.notNull())
		// 'draft', 'submitted', 'returned' or 'accepted'.
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('content', 'text', (c) => c.notNull())
		// Beneficiary visits and spending, kept beside the JSON for the public pages and the disclosure.
		.addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('spent_fen', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('submitted_at', 'text')
		.addColumn('first_submitted_at', 'text')
		.addColumn('accepted_at', 'text')
		// The admin's comments when returned.
		.addColumn('review_comment', 'text')
		.addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
		.addColumn('updated_by', 'integer', (c) => c.references('users.id'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('project_reports_kind', ['proposal_id', 'kind'])
		.execute();
	// One reminder per project and kind before its due date.
	await db.schema
		.createTable('report_reminders')
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('agreements.proposal_id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('report_reminders_pk', ['proposal_id', 'kind'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('report_reminders').execute();
	await db.schema.dropTable('project_reports').execute();
}
