/**
 * Working days (工作日) for the public notice period: Monday to Friday on the round's wall clock,
 * except public holidays, plus the weekend days the State Council makes working days (调休).
 *
 * The holidays are data: each year's arrangement (国务院办公厅关于…部分节假日安排的通知) is recorded
 * by the federation's admins (src/lib/server/work-calendar.ts builds the calendar from it). A
 * notice period that reaches a year not recorded is refused rather than counted by weekends
 * alone, since its end is a legal date that is stored and published.
 */
import { utcToZonedInput, zonedToUtc } from './time';

export interface WorkCalendar {
	/** The years the lists are complete for; any other year is unknown. */
	years: readonly number[];
	holidays: readonly string[];
	makeupWorkdays: readonly string[];
}

/** One year's arrangement as recorded: its days off and its weekend days made working days. */
export interface CalendarYearDays {
	year: number;
	holidays: readonly string[];
	makeupWorkdays: readonly string[];
}

/**
 * The calendar of the recorded years. A year's notice may name days at the end of the year
 * before (the 2019 notice: 2018-12-29 上班), so every year's days count, whichever year they fall in.
 */
export function calendarOf(records: readonly CalendarYearDays[]): WorkCalendar {
	return {
		years: records.map((r) => r.year).sort((a, b) => a - b),
		holidays: [...new Set(records.flatMap((r) => r.holidays))].sort(),
		makeupWorkdays: [...new Set(records.flatMap((r) => r.makeupWorkdays))].sort()
	};
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of a UTC-midnight date. */
function dayText(d: Date): string {
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function nextDay(d: Date): Date {
	return new Date(d.getTime() + 24 * 60 * 60 * 1000);
}

/** Whether the calendar knows a day's year ("2027-01-04" → whether 2027 is listed). */
export function calendarCovers(day: string, calendar: WorkCalendar): boolean {
	return calendar.years.includes(Number(day.slice(0, 4)));
}

/** Whether a calendar day ("2026-10-09") of a covered year is a working day. */
export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
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
	calendar: WorkCalendar
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
