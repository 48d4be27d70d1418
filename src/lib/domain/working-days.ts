/**
 * Working days (工作日) for the public notice period: Monday to Friday on the round's wall clock,
 * except public holidays, plus the weekend days the State Council makes working days (调休).
 *
 * The holiday lists below are the State Council's published arrangements for 2025 and 2026.
 * They must be extended each year when the next arrangement is announced (usually in November);
 * for a year not listed, only weekends count as days off.
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

export interface WorkCalendar {
	holidays: readonly string[];
	makeupWorkdays: readonly string[];
}

export const CN_CALENDAR: WorkCalendar = { holidays: CN_PUBLIC_HOLIDAYS, makeupWorkdays: CN_MAKEUP_WORKDAYS };

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of a UTC-midnight date. */
function dayText(d: Date): string {
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function nextDay(d: Date): Date {
	return new Date(d.getTime() + 24 * 60 * 60 * 1000);
}

/** Whether a calendar day ("2026-10-09") is a working day. */
export function isWorkingDay(day: string, calendar: WorkCalendar = CN_CALENDAR): boolean {
	if (calendar.makeupWorkdays.includes(day)) return true;
	if (calendar.holidays.includes(day)) return false;
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
	return weekday !== 0 && weekday !== 6;
}

/**
 * When a notice published at `publishedAt` ends: it runs for `workingDays` whole working days
 * counted from the day after publication (so the public always gets the full days, whatever the
 * hour it went up), and ends at midnight after the last of them, on the zone's wall clock.
 */
export function noticeEndsAt(
	publishedAt: string,
	workingDays: number,
	timeZone: string,
	calendar: WorkCalendar = CN_CALENDAR
): string {
	let day = new Date(`${utcToZonedInput(publishedAt, timeZone).slice(0, 10)}T00:00:00Z`);
	let counted = 0;
	while (counted < Math.max(0, Math.floor(workingDays))) {
		day = nextDay(day);
		if (isWorkingDay(dayText(day), calendar)) counted += 1;
	}
	const end = zonedToUtc(`${dayText(nextDay(day))}T00:00`, timeZone);
	if (!end) throw new Error('unreachable: a computed calendar day is always valid');
	return end;
}

/** The working days of the notice, as calendar days ("2026-10-09"), for the printed notice. */
export function noticeDays(
	publishedAt: string,
	workingDays: number,
	timeZone: string,
	calendar: WorkCalendar = CN_CALENDAR
): string[] {
	const days: string[] = [];
	let day = new Date(`${utcToZonedInput(publishedAt, timeZone).slice(0, 10)}T00:00:00Z`);
	while (days.length < Math.max(0, Math.floor(workingDays))) {
		day = nextDay(day);
		if (isWorkingDay(dayText(day), calendar)) days.push(dayText(day));
	}
	return days;
}
