import type { DB } from './db';
import { lockName } from './db';
import { audit } from './audit';
import { memoUntilWrite } from './cache';
import { ok, refuse, type Outcome } from './outcome';
import { arrangementError } from '../schemas/calendar';
import { calendarOf, noticePeriod, type CalendarYearDays, type WorkCalendar } from '../domain/working-days';
import { checkArrangement, clashWithOtherYears, summaryAmong, withYear, type YearSummary } from '../domain/holiday-arrangement';
import { utcToZonedInput } from '../domain/time';

/**
 * The holiday calendar the notice periods are counted with: the years whose State Council
 * arrangement an admin recorded (the migration recorded 2025 and 2026), each with its days off
 * and its weekend days made working days.
 */

/** The lock (see lockName) that recording a year and publishing a notice both take. */
export const WORK_CALENDAR_LOCK = 'work-calendar';

/** The year it is at `now` in Beijing (the default zone of rounds), for what the calendar lacks. */
export function yearInBeijing(now = new Date()): number {
	return Number(utcToZonedInput(now.toISOString(), 'Asia/Shanghai').slice(0, 4));
}

/** Every recorded year's days, read afresh (inside a transaction: what it is about to commit). */
export async function readCalendarYears(db: DB): Promise<CalendarYearDays[]> {
	const years = await db.selectFrom('calendar_years').select('year').orderBy('year').execute();
	const days = await db.selectFrom('calendar_days').select(['year', 'day', 'kind']).orderBy('day').execute();
	return years.map(({ year }) => ({
		year,
		holidays: days.filter((d) => d.year === year && d.kind === 'holiday').map((d) => d.day),
		makeupWorkdays: days.filter((d) => d.year === year && d.kind === 'workday').map((d) => d.day)
	}));
}

/** The calendar, read afresh: for a write that depends on it (publishing a notice). */
export async function readWorkCalendar(db: DB): Promise<WorkCalendar> {
	return calendarOf(await readCalendarYears(db));
}

/** The calendar for pages (the public notice reads it on every visit), read again after any write. */
export function workCalendar(db: DB): Promise<WorkCalendar> {
	return memoUntilWrite(db, 'work-calendar', 'global', () => readWorkCalendar(db));
}

export interface CalendarYearView extends CalendarYearDays {
	source: string;
	departs: boolean;
	recordedAt: string;
	/** Null for the years the system came with. */
	recordedBy: string | null;
	summary: YearSummary;
}

/** What the admin's calendar page lists, newest year first. */
export async function listCalendarYears(db: DB): Promise<CalendarYearView[]> {
	const records = await readCalendarYears(db);
	const rows = await db
		.selectFrom('calendar_years')
		.leftJoin('users', 'users.id', 'calendar_years.recorded_by')
		.select(['calendar_years.year', 'calendar_years.source', 'calendar_years.departs_from_rules', 'calendar_years.recorded_at', 'users.name'])
		.orderBy('calendar_years.year', 'desc')
		.execute();
	return rows.map((row) => {
		const days = records.find((r) => r.year === row.year)!;
		return {
			...days,
			source: row.source,
			departs: row.departs_from_rules === 1,
			recordedAt: row.recorded_at,
			recordedBy: row.name,
			summary: summaryAmong(records, days)
		};
	});
}

/** A round whose published notice would be counted differently. */
export interface ChangedNotice {
	slug: string;
	title: string;
}

/**
 * The published notices whose working days or end would differ under `after`: their end is a
 * stored legal date, and the notice page lists the days it counted, so those must not move.
 */
async function noticesChangedBy(db: DB, before: WorkCalendar, after: WorkCalendar): Promise<ChangedNotice[]> {
	const rounds = await db
		.selectFrom('rounds')
		.select(['slug', 'title', 'notice_published_at', 'notice_working_days', 'time_zone'])
		.where('notice_published_at', 'is not', null)
		.orderBy('id')
		.execute();
	return rounds
		.filter((r) => {
			const period = (calendar: WorkCalendar) =>
				JSON.stringify(noticePeriod(r.notice_published_at!, r.notice_working_days, r.time_zone, calendar));
			return period(before) !== period(after);
		})
		.map((r) => ({ slug: r.slug, title: r.title }));
}

export interface CalendarYearPreview {
	summary: YearSummary;
	/** The year as recorded now, when this would replace it. */
	replaces: { source: string; recordedAt: string } | null;
	/** Published notices this would change: saving it is refused. */
	changedNotices: ChangedNotice[];
	clash: { day: string; year: number } | null;
}

/** What recording `arrangement` would do, without doing it. */
export async function previewCalendarYear(db: DB, arrangement: CalendarYearDays): Promise<CalendarYearPreview> {
	const records = await readCalendarYears(db);
	const replaces = await db
		.selectFrom('calendar_years')
		.select(['source', 'recorded_at as recordedAt'])
		.where('year', '=', arrangement.year)
		.executeTakeFirst();
	return {
		summary: summaryAmong(records, arrangement),
		replaces: replaces ?? null,
		changedNotices: await noticesChangedBy(db, calendarOf(records), calendarOf(withYear(records, arrangement))),
		clash: clashWithOtherYears(records, arrangement)
	};
}

export interface CalendarYearInput extends CalendarYearDays {
	/** The notice it comes from: 国务院办公厅关于20XX年部分节假日安排的通知, its number and date. */
	source: string;
	/** The admin confirmed an arrangement that departs from the statutory pattern. */
	departs: boolean;
	/** Why: required to replace a year already recorded. */
	reason: string | null;
	actorId: number | null;
}

/**
 * Records a year's arrangement, or replaces the one recorded, after the same checks as the form
 * (so a script or test cannot store what an admin could not). Refused when it would change a
 * published notice's period, or contradict another year about a day at the turn of the year.
 */
export async function recordCalendarYear(db: DB, input: CalendarYearInput, now = new Date()): Promise<Outcome<{ replaced: boolean }>> {
	const arrangement: CalendarYearDays = {
		year: input.year,
		holidays: [...new Set(input.holidays)].sort(),
		makeupWorkdays: [...new Set(input.makeupWorkdays)].sort()
	};
	const { errors, departures } = checkArrangement(arrangement);
	const problem = errors[0] ?? (input.departs ? undefined : departures[0]);
	if (problem) return { ok: false, errors: { [problem.field]: arrangementError(problem) } };
	const source = input.source.trim();
	if (!source) return { ok: false, errors: { source: { key: 'err.required' } } };

	return db.transaction().execute(async (trx) => {
		// One at a time with other recordings and with notices being published, which count on it.
		await lockName(trx, WORK_CALENDAR_LOCK);
		const previous = await trx.selectFrom('calendar_years').select(['source']).where('year', '=', input.year).executeTakeFirst();
		if (previous && !input.reason?.trim()) return { ok: false, errors: { reason: { key: 'calendar.err.reasonToReplace' } } };
		const records = await readCalendarYears(trx);
		const clash = clashWithOtherYears(records, arrangement);
		if (clash) return refuse('calendar.err.clash', clash);
		const changed = await noticesChangedBy(trx, calendarOf(records), calendarOf(withYear(records, arrangement)));
		if (changed.length) {
			return refuse('calendar.err.noticesChanged', { year: input.year, rounds: changed.map((r) => r.title).join('、') });
		}
		const row = {
			source,
			departs_from_rules: departures.length > 0 ? 1 : 0,
			recorded_by: input.actorId,
			recorded_at: now.toISOString()
		};
		await trx
			.insertInto('calendar_years')
			.values({ year: input.year, ...row })
			.onConflict((oc) => oc.column('year').doUpdateSet(row))
			.execute();
		await trx.deleteFrom('calendar_days').where('year', '=', input.year).execute();
		const days = [
			...arrangement.holidays.map((day) => ({ year: input.year, day, kind: 'holiday' as const })),
			...arrangement.makeupWorkdays.map((day) => ({ year: input.year, day, kind: 'workday' as const }))
		];
		if (days.length) await trx.insertInto('calendar_days').values(days).execute();
		const before = records.find((r) => r.year === input.year);
		await audit(trx, {
			actorId: input.actorId,
			action: previous ? 'calendar.replace' : 'calendar.record',
			entity: 'calendar_year',
			entityId: input.year,
			reason: input.reason?.trim() || null,
			detail: {
				source,
				holidays: arrangement.holidays,
				makeupWorkdays: arrangement.makeupWorkdays,
				departures: departures.map((d) => d.code),
				...(previous && before
					? { previous: { source: previous.source, holidays: before.holidays, makeupWorkdays: before.makeupWorkdays } }
					: {})
			}
		});
		return ok({ replaced: !!previous });
	});
}
