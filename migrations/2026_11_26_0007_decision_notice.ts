import type { Kysely } from 'kysely';
import { earlyMoney, earlyScore, identity } from '../src/lib/server/db/columns';

const ROUND_COLUMNS = [
	'notice_working_days',
	'funding_tie_rule',
	'funding_min_score',
	'district_caps',
	'line_drawn_at',
	'notice_published_at',
	'notice_ends_at',
	'results_confirmed_at'
];
const PROPOSAL_COLUMNS = [
	'funding_rank',
	'funding_reason',
	'ranking_score',
	'reduced_award_fen',
	'reduced_award_reason',
	'line_override',
	'line_override_reason'
];

export async function up(db: Kysely<unknown>): Promise<void> {
	// The round's funding rules and the notice's clock.
	await db.schema.alterTable('rounds').addColumn('notice_working_days', 'integer', (c) => c.notNull().defaultTo(5)).execute();
	await db.schema
		.alterTable('rounds')
		.addColumn('funding_tie_rule', 'text', (c) => c.notNull().defaultTo('lower_request'))
		.execute();
	await db.schema.alterTable('rounds').addColumn('funding_min_score', earlyScore(db)).execute();
	// JSON: { "越秀区": 10000000 } — the most each capped district may receive, in fen.
	await db.schema.alterTable('rounds').addColumn('district_caps', 'text', (c) => c.notNull().defaultTo('{}')).execute();
	await db.schema.alterTable('rounds').addColumn('line_drawn_at', 'text').execute();
	await db.schema.alterTable('rounds').addColumn('notice_published_at', 'text').execute();
	await db.schema.alterTable('rounds').addColumn('notice_ends_at', 'text').execute();
	await db.schema.alterTable('rounds').addColumn('results_confirmed_at', 'text').execute();

	// What the funding line said about each proposal, and the admin's inputs to it.
	await db.schema.alterTable('proposals').addColumn('funding_rank', 'integer').execute();
	await db.schema.alterTable('proposals').addColumn('funding_reason', 'text').execute();
	await db.schema.alterTable('proposals').addColumn('ranking_score', earlyScore(db)).execute();
	await db.schema.alterTable('proposals').addColumn('reduced_award_fen', earlyMoney(db)).execute();
	await db.schema.alterTable('proposals').addColumn('reduced_award_reason', 'text').execute();
	await db.schema.alterTable('proposals').addColumn('line_override', 'text').execute();
	await db.schema.alterTable('proposals').addColumn('line_override_reason', 'text').execute();

	await db.schema
		.createTable('objections')
		.addColumn('id', 'integer', identity(db))
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
		// Private: the objector's name and contact never leave the admin area.
		.addColumn('objector_name', 'text', (c) => c.notNull())
		.addColumn('objector_contact', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		// A per-form token so that a double click files one objection.
		.addColumn('submission_key', 'text', (c) => c.unique())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.addColumn('response', 'text')
		.addColumn('effect', 'text')
		.addColumn('answered_by', 'integer', (c) => c.references('users.id'))
		.addColumn('answered_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('objections_round').on('objections').columns(['round_id', 'status', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('objections').execute();
	for (const column of PROPOSAL_COLUMNS) await db.schema.alterTable('proposals').dropColumn(column).execute();
	for (const column of ROUND_COLUMNS) await db.schema.alterTable('rounds').dropColumn(column).execute();
}
