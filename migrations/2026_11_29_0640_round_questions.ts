import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

/**
 * Questions during applications (答疑): stations ask about a round's rules, an admin answers, and
 * the answers are published to every applicant and the public without the asker. A round may set
 * its own deadline for questions (else the application deadline).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('round_questions')
		.addColumn('id', 'integer', identity(db))
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		// Who asked: admins only, never published.
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
		.addColumn('asked_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('question', 'text', (c) => c.notNull())
		.addColumn('asked_at', 'text', (c) => c.notNull())
		.addColumn('answer', 'text')
		.addColumn('answered_by', 'integer', (c) => c.references('users.id'))
		.addColumn('answered_at', 'text')
		.execute();
	await db.schema.createIndex('round_questions_round').on('round_questions').columns(['round_id', 'answered_at']).execute();
	await db.schema.alterTable('rounds').addColumn('questions_close_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('rounds').dropColumn('questions_close_at').execute();
	await db.schema.dropTable('round_questions').execute();
}
