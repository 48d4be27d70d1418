import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';

/**
 * Reviews reach their readers: a reviewer marks which criterion comments the applicant may read
 * (existing comments stay with the panel: nobody wrote them for the applicant), and the panel
 * discusses each proposal in a thread of its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('review_criterion_comments')
		.addColumn('for_applicant', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createTable('proposal_discussion')
		.addColumn('id', 'integer', identity(db))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
		.addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('proposal_discussion_proposal').on('proposal_discussion').columns(['proposal_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('proposal_discussion').execute();
	await db.schema.alterTable('review_criterion_comments').dropColumn('for_applicant').execute();
}
