import { sql, type Kysely } from 'kysely';
import { earlyMoney, identity } from '../src/lib/server/db/columns';

const DEFAULT_CHECKLIST = JSON.stringify([
	'申报主体依法登记或备案，证照在有效期内',
	'项目内容符合机构章程和业务范围',
	'预算不含固定资产购置、直接发放现金等禁止列支项目',
	'回应本轮已发布的社区需求',
	'配套资金及志愿服务时数有说明'
]);

export async function up(db: Kysely<unknown>): Promise<void> {
	// The round's proposal rules (DOMAIN.md defaults).
	await db.schema.alterTable('rounds').addColumn('matching_min_pct', 'integer', (c) => c.notNull().defaultTo(10)).execute();
	await db.schema.alterTable('rounds').addColumn('personnel_max_pct', 'integer', (c) => c.notNull().defaultTo(30)).execute();
	await db.schema.alterTable('rounds').addColumn('admin_max_pct', 'integer', (c) => c.notNull().defaultTo(10)).execute();
	await db.schema
		.alterTable('rounds')
		.addColumn('banned_categories', 'text', (c) => c.notNull().defaultTo('["fixed_assets","cash_transfer"]'))
		.execute();
	await db.schema.alterTable('rounds').addColumn('volunteer_hour_fen', earlyMoney(db), (c) => c.notNull().defaultTo(2000)).execute();
	await db.schema
		.alterTable('rounds')
		.addColumn('eligibility_checklist', 'text', (c) => c.notNull().defaultTo(sql.lit(DEFAULT_CHECKLIST)))
		.execute();

	for (const [name, type] of [
		['registration_no', 'text'],
		['street', 'text'],
		['communities', 'text'],
		['contact_name', 'text'],
		['contact_phone', 'text'],
		['introduction', 'text']
	] as const) {
		await db.schema.alterTable('organisations').addColumn(name, type, (c) => c.notNull().defaultTo('')).execute();
	}

	await db.schema.alterTable('proposals').addColumn('target_group', 'text', (c) => c.notNull().defaultTo('')).execute();
	await db.schema.alterTable('proposals').addColumn('beneficiaries', 'integer').execute();
	await db.schema.alterTable('proposals').addColumn('team', 'text', (c) => c.notNull().defaultTo('')).execute();
	await db.schema.alterTable('proposals').addColumn('matching_cash_fen', earlyMoney(db), (c) => c.notNull().defaultTo(0)).execute();
	await db.schema.alterTable('proposals').addColumn('volunteer_hours', 'integer', (c) => c.notNull().defaultTo(0)).execute();
	// Set while a returned proposal may be fixed and resubmitted.
	await db.schema.alterTable('proposals').addColumn('revision_due_at', 'text').execute();

	await db.schema
		.createTable('budget_lines')
		.addColumn('id', 'integer', identity(db))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('item', 'text', (c) => c.notNull())
		.addColumn('unit', 'text', (c) => c.notNull())
		.addColumn('quantity', 'integer', (c) => c.notNull())
		.addColumn('unit_price_fen', earlyMoney(db), (c) => c.notNull())
		.execute();
	await db.schema.createIndex('budget_lines_proposal').on('budget_lines').columns(['proposal_id', 'position']).execute();

	await db.schema
		.createTable('proposal_activities')
		.addColumn('id', 'integer', identity(db))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('start_month', 'text', (c) => c.notNull())
		.addColumn('end_month', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('proposal_activities_proposal').on('proposal_activities').columns(['proposal_id', 'position']).execute();

	await db.schema
		.createTable('proposal_indicators')
		.addColumn('id', 'integer', identity(db))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('target', 'text', (c) => c.notNull())
		.addColumn('unit', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('proposal_indicators_proposal').on('proposal_indicators').columns(['proposal_id', 'position']).execute();

	await db.schema
		.createTable('proposal_snapshots')
		.addColumn('id', 'integer', identity(db))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('taken_at', 'text', (c) => c.notNull())
		.addColumn('taken_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('content', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('proposal_snapshots_proposal').on('proposal_snapshots').columns(['proposal_id', 'id']).execute();

	await db.schema
		.createTable('attachments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('content_type', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('uploaded_at', 'text', (c) => c.notNull())
		.addColumn('removed_at', 'text')
		.execute();
	await db.schema.createIndex('attachments_proposal').on('attachments').column('proposal_id').execute();

	await db.schema
		.createTable('eligibility_checks')
		.addColumn('id', 'integer', identity(db))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('checklist', 'text', (c) => c.notNull())
		.addColumn('comment', 'text', (c) => c.notNull())
		.addColumn('revision_due_at', 'text')
		.addColumn('checked_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('checked_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('eligibility_checks_proposal').on('eligibility_checks').columns(['proposal_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of ['eligibility_checks', 'attachments', 'proposal_snapshots', 'proposal_indicators', 'proposal_activities', 'budget_lines']) {
		await db.schema.dropTable(table).execute();
	}
	for (const column of ['revision_due_at', 'volunteer_hours', 'matching_cash_fen', 'team', 'beneficiaries', 'target_group']) {
		await db.schema.alterTable('proposals').dropColumn(column).execute();
	}
	for (const column of ['introduction', 'contact_phone', 'contact_name', 'communities', 'street', 'registration_no']) {
		await db.schema.alterTable('organisations').dropColumn(column).execute();
	}
	for (const column of ['eligibility_checklist', 'volunteer_hour_fen', 'banned_categories', 'admin_max_pct', 'personnel_max_pct', 'matching_min_pct']) {
		await db.schema.alterTable('rounds').dropColumn(column).execute();
	}
}
