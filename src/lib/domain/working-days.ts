/**
 * Working days (工作日) for the public notice period: Monday to Friday on the round's wall clock,
 * except public holidays, plus the weekend days the State Council makes working days (调休).
 *
 * The holiday lists below are the State Council's published arrangements (国务院办公厅关于…部分
 * 节假日安排的通知) for the years in CN_CALENDAR_YEARS. Add the next year when it is announced
 * (usually in November) and its test checks it against the `chinese-days` package. A notice period
 * that reaches a year not listed is refused rather than counted by weekends alone, since its end
 * is a legal date that is stored and published.
 */
import { utcToZonedInput, zonedToUtc } from './time';

export const CN_PUBLIC_HOLIDAYS: readonly string[] = [
	// 2025
	'2025-01-01',
	'2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
	'2025-04-04', '2025-04-05', '2025-04-06',
	'2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
	'2025-05-31', '2025-06-01', '2025-06-02',
	'2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
	// 2026
	'2026-01-01', '2026-01-02', '2026-01-03',
	'2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
	'2026-04-04', '2026-04-05', '2026-04-06',
	'2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
	'2026-06-19', '2026-06-20', '2026-06-21',
	'2026-09-25', '2026-09-26', '2026-09-27',
	'2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'
];

/** Weekend days that are working days by the same arrangements (调休上班). */
export const CN_MAKEUP_WORKDAYS: readonly string[] = [
	'2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
	'2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'
];

/** The years whose arrangement is listed above. */
export const CN_CALENDAR_YEARS: readonly number[] = [2025, 2026];

export interface WorkCalendar {
	/** The years the lists are complete for; any other year is unknown. */
	years: readonly number[];
	holidays: readonly string[];
	makeupWorkdays: readonly string[];
}

export const CN_CALENDAR: WorkCalendar = {
	years: CN_CALENDAR_YEARS,
	holidays: CN_PUBLIC_HOLIDAYS,
	makeupWorkdays: CN_MAKEUP_WORKDAYS
};

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of a UTC-midnight date. */
function dayText(d: Date): string {
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function nextDay(d: Date): Date {
	return new Date(d.getTime() + 24 * 60 * 60 * 1000);
}

/** Whether the calendar knows a day's year ("2027-01-04" → whether 2027 is listed). */
export function calendarCovers(day: string, calendar: WorkCalendar = CN_CALENDAR): boolean {
	return calendar.years.includes(Number(day.slice(0, 4)));
}

/** Whether a calendar day ("2026-10-09") of a covered year is a working day. */
export function isWorkingDay(day: string, calendar: WorkCalendar = CN_CALENDAR): boolean {
	if (calendar.makeupWorkdays.includes(day)) return true;
	if (calendar.holidays.includes(day)) return false;
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
	return weekday !== 0 && weekday !== 6;
}

/** A notice period's working days and end, or the first year it reaches that the calendar lacks. */
export type NoticePeriod = { ok: true; days: string[]; endsAt: string } | { ok: false; uncoveredYear: number };

/**
 * The notice published at `publishedAt`: it runs for `workingDays` whole working days counted
 * from the day after publication (so the public always gets the full days, whatever the hour it
 * went up), and ends at midnight after the last of them, on the zone's wall clock. The days are
 * calendar days ("2026-10-09") for the printed notice.
 */
export function noticePeriod(
	publishedAt: string,
	workingDays: number,
	timeZone: string,
	calendar: WorkCalendar = CN_CALENDAR
): NoticePeriod {
	const days: string[] = [];
	let day = new Date(`${utcToZonedInput(publishedAt, timeZone).slice(0, 10)}T00:00:00Z`);
	while (days.length < Math.max(0, Math.floor(workingDays))) {
		day = nextDay(day);
		const text = dayText(day);
		if (!calendarCovers(text, calendar)) return { ok: false, uncoveredYear: day.getUTCFullYear() };
		if (isWorkingDay(text, calendar)) days.push(text);
	}
	const endsAt = zonedToUtc(`${dayText(nextDay(day))}T00:00`, timeZone);
	if (!endsAt) throw new Error('unreachable: a computed calendar day is always valid');
	return { ok: true, days, endsAt };
}
