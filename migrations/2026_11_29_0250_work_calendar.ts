import type { Kysely } from 'kysely';

/**
 * The holiday calendar as data the federation's admins keep up to date (at /admin/calendar)
 * instead of a constant in the code: one row per year whose State Council arrangement is known,
 * and its days off (放假) and weekend days made working days (调休上班).
 *
 * It starts with the two arrangements the code carried when the calendar became data, so an
 * existing install counts notice periods exactly as before.
 */

interface SeedYear {
	year: number;
	source: string;
	holidays: string[];
	makeupWorkdays: string[];
}

/** 国务院办公厅关于2025/2026年部分节假日安排的通知, day by day (checked against chinese-days in a test). */
export const SEEDED_YEARS: readonly SeedYear[] = [
	{
		year: 2025,
		source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
		holidays: [
			'2025-01-01',
			'2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
			'2025-04-04', '2025-04-05', '2025-04-06',
			'2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
			'2025-05-31', '2025-06-01', '2025-06-02',
			'2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'
		],
		makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']
	},
	{
		year: 2026,
		source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
		holidays: [
			'2026-01-01', '2026-01-02', '2026-01-03',
			'2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
			'2026-04-04', '2026-04-05', '2026-04-06',
			'2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
			'2026-06-19', '2026-06-20', '2026-06-21',
			'2026-09-25', '2026-09-26', '2026-09-27',
			'2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'
		],
		makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']
	}
];

interface SeedTables {
	calendar_years: { year: number; source: string; departs_from_rules: number; recorded_by: number | null; recorded_at: string };
	calendar_days: { year: number; day: string; kind: 'holiday' | 'workday' };
}

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('calendar_years')
		.addColumn('year', 'integer', (c) => c.primaryKey())
		// The notice it was taken from (its title, number and date), as the admin gave it.
		.addColumn('source', 'text', (c) => c.notNull())
		// 1 when the admin confirmed an arrangement that departs from the usual statutory pattern.
		.addColumn('departs_from_rules', 'integer', (c) => c.notNull().defaultTo(0))
		// Null for the years this migration recorded.
		.addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('calendar_days')
		.addColumn('year', 'integer', (c) => c.notNull().references('calendar_years.year'))
		// A calendar day, YYYY-MM-DD; a notice may name days at the end of the year before.
		.addColumn('day', 'text', (c) => c.notNull())
		// 'holiday' (放假) or 'workday' (a weekend day made a working day, 调休上班).
		.addColumn('kind', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('calendar_days_pk', ['year', 'day'])
		.execute();

	const seed = db as unknown as Kysely<SeedTables>;
	const recordedAt = new Date().toISOString();
	for (const { year, source, holidays, makeupWorkdays } of SEEDED_YEARS) {
		await seed.insertInto('calendar_years').values({ year, source, departs_from_rules: 0, recorded_by: null, recorded_at: recordedAt }).execute();
		await seed
			.insertInto('calendar_days')
			.values([
				...holidays.map((day) => ({ year, day, kind: 'holiday' as const })),
				...makeupWorkdays.map((day) => ({ year, day, kind: 'workday' as const }))
			])
			.execute();
	}
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('calendar_days').execute();
	await db.schema.dropTable('calendar_years').execute();
}
