/**
 * A year's holiday arrangement as the State Council publishes it (国务院办公厅关于20XX年部分节假日
 * 安排的通知) and an admin pastes it: reading the dates, checking them against the rules of the
 * 全国年节及纪念日放假办法, and the working days they give.
 */
import { calendarOf, isWorkingDay, type CalendarYearDays, type WorkCalendar } from './working-days';

/** The first year under the holiday rules as revised in November 2024 (13 statutory days). */
export const CALENDAR_YEAR_MIN = 2025;
export const CALENDAR_YEAR_MAX = 2100;
/**
 * Days off for everyone (全体公民放假的假日) since 2025: 元旦 1, 春节 4 (除夕 to 初三), 清明 1,
 * 劳动节 2, 端午 1, 中秋 1, 国庆 3. One that falls on a weekend is made up on a weekday (补休),
 * and every weekend day worked (调休上班) frees one more weekday; so a year's weekdays off, less its
 * make-up working days, come to exactly these 13 (true of every notice since 2008 under the rules
 * of its time, except one-off days such as 3 September 2015 and the extended 2020 Spring Festival).
 */
export const STATUTORY_HOLIDAY_DAYS = 13;
/** The statutory days with a fixed date: 元旦, 劳动节, 国庆节 (the others follow the lunar calendar). */
export const FIXED_STATUTORY_DAYS = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'] as const;
/**
 * A notice may start the New Year holiday, or a make-up day, in the last days of the year before:
 * the 2019 notice has 2018-12-29 上班 and 2018-12-30 至 2019-01-01 放假.
 */
const PREVIOUS_DECEMBER_FROM = '12-20';
/** No holiday block is longer than this; a longer range is a typing slip. */
const RANGE_MAX_DAYS = 31;
export const HOLIDAYS_MAX = 60;
export const MAKEUP_WORKDAYS_MAX = 20;

export type DayList = 'holidays' | 'makeupWorkdays';

export type ArrangementCode =
	| 'unreadable'
	| 'mixed'
	| 'backwards'
	| 'rangeTooLong'
	| 'year'
	| 'outsideYear'
	| 'inBoth'
	| 'makeupWeekday'
	| 'tooMany'
	| 'fixedMissing'
	| 'statutoryCount';

export interface ArrangementIssue {
	field: DayList | 'year';
	code: ArrangementCode;
	params: Record<string, string | number>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" when y-m-d is a real calendar day, else null. */
function dayOf(y: number, m: number, d: number): string | null {
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
	return `${y}-${pad(m)}-${pad(d)}`;
}

const WEEKEND = new Set([0, 6]);

export function isWeekend(day: string): boolean {
	return WEEKEND.has(new Date(`${day}T00:00:00Z`).getUTCDay());
}

function nextDay(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A date as written in a list; `start` gives the year and month a range's end leaves out ("至23日"). */
function readDate(token: string, year: number, start?: { y: number; m: number }): { y: number; m: number; d: number } | null {
	let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(token) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(token);
	if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
	m = /^(\d{1,2})月(\d{1,2})日$/.exec(token);
	if (m) return { y: start?.y ?? year, m: Number(m[1]), d: Number(m[2]) };
	m = /^(\d{1,2})日$/.exec(token);
	if (m && start) return { y: start.y, m: start.m, d: Number(m[1]) };
	return null;
}

/** A list item: one date, or a range "A~B" / "A至B" of whole days. */
function readItem(item: string, year: number): { days: string[] } | { code: 'unreadable' | 'backwards' | 'rangeTooLong' } {
	const [fromText, toText, ...more] = item.split('~');
	if (more.length) return { code: 'unreadable' };
	const from = readDate(fromText, year);
	const fromDay = from && dayOf(from.y, from.m, from.d);
	if (!from || !fromDay) return { code: 'unreadable' };
	if (toText === undefined) return { days: [fromDay] };
	const to = readDate(toText, year, from);
	const toDay = to && dayOf(to.y, to.m, to.d);
	if (!toDay) return { code: 'unreadable' };
	if (toDay < fromDay) return { code: 'backwards' };
	const days = [fromDay];
	while (days.at(-1)! < toDay) {
		if (days.length >= RANGE_MAX_DAYS) return { code: 'rangeTooLong' };
		days.push(nextDay(days.at(-1)!));
	}
	return { days };
}

/** What a sentence of the notice says besides its dates. */
const LABEL = /^[^:\d]*:/; // "二、春节:" (full-width colons are folded by NFKC)
const ASIDE = /\([^)]*\)/g; // "(周六)", "(农历腊月二十八、周日)"
const WORDS = /放假调休|不调休|放假|补休|调休|连休|上班|共?\d+天/g;
const RANGE = /\s*(?:~|〜|至|到|—|–)\s*/g;
/** The notice's words for each list: a clause "…放假" names days off, "…上班" weekend days worked. */
const SAYS: Record<DayList, RegExp> = { holidays: /放假|补休/, makeupWorkdays: /上班/ };
const OTHER: Record<DayList, DayList> = { holidays: 'makeupWorkdays', makeupWorkdays: 'holidays' };

/**
 * The days a pasted list names, in order: ISO dates ("2027-02-05") or the notice's own
 * ("2月15日", "2018年12月30日"), one per line or separated by 、，; and spaces, ranges with ~ or 至
 * ("2027-02-05~2027-02-11", "2月15日（农历腊月二十八、周日）至23日"). The notice's words around its
 * dates (a heading "二、春节：", "放假调休，共9天", weekdays in brackets) may stay, and a clause
 * that says it is about the other list ("2月14日（周六）上班" among the days off) is left to that
 * list: so the notice's items can be pasted into both lists as they are.
 */
export function readDayList(
	text: string,
	year: number,
	list: DayList
): { ok: true; days: string[] } | { ok: false; code: 'unreadable' | 'mixed' | 'backwards' | 'rangeTooLong'; params: { line: number; text: string } } {
	const days = new Set<string>();
	const lines = text.normalize('NFKC').split(/\r?\n/);
	for (const [i, line] of lines.entries()) {
		for (const clause of line.replace(ASIDE, ' ').replace(LABEL, '').split(/[。,;]/)) {
			const other = SAYS[OTHER[list]].test(clause);
			if (other && SAYS[list].test(clause)) return { ok: false, code: 'mixed', params: { line: i + 1, text: clause.trim().slice(0, 40) } };
			if (other) continue;
			const items = clause.replace(WORDS, ' ').replace(RANGE, '~').split(/[\s、]+/).filter(Boolean);
			for (const item of items) {
				const read = readItem(item, year);
				if ('code' in read) return { ok: false, code: read.code, params: { line: i + 1, text: item.slice(0, 40) } };
				for (const day of read.days) days.add(day);
			}
		}
	}
	return { ok: true, days: [...days].sort() };
}

/** Weekdays off less weekend days worked: the statutory days the arrangement grants. */
export function statutoryCount(holidays: readonly string[], makeupWorkdays: readonly string[]): number {
	return holidays.filter((d) => !isWeekend(d)).length - makeupWorkdays.length;
}

/**
 * What is wrong with a year's arrangement. `errors` can never be right: a date outside the year
 * (or the last days of December before it), a day in both lists, a make-up working day that is
 * not a weekend day. `departures` break the statutory pattern (a fixed-date holiday missing, a
 * count other than 13): usually a slip, but a notice may have a one-off day, so an admin may
 * confirm them.
 */
export function checkArrangement(arrangement: CalendarYearDays): { errors: ArrangementIssue[]; departures: ArrangementIssue[] } {
	const { year, holidays, makeupWorkdays } = arrangement;
	const errors: ArrangementIssue[] = [];
	const departures: ArrangementIssue[] = [];
	if (!Number.isInteger(year) || year < CALENDAR_YEAR_MIN || year > CALENDAR_YEAR_MAX) {
		errors.push({ field: 'year', code: 'year', params: { min: CALENDAR_YEAR_MIN, max: CALENDAR_YEAR_MAX } });
		return { errors, departures };
	}
	const first = `${year - 1}-${PREVIOUS_DECEMBER_FROM}`;
	const last = `${year}-12-31`;
	for (const [field, days, max] of [
		['holidays', holidays, HOLIDAYS_MAX],
		['makeupWorkdays', makeupWorkdays, MAKEUP_WORKDAYS_MAX]
	] as const) {
		if (days.length > max) errors.push({ field, code: 'tooMany', params: { max } });
		const outside = days.find((d) => d < first || d > last);
		if (outside) errors.push({ field, code: 'outsideYear', params: { day: outside, year, from: first } });
	}
	const both = makeupWorkdays.find((d) => holidays.includes(d));
	if (both) errors.push({ field: 'makeupWorkdays', code: 'inBoth', params: { day: both } });
	const weekday = makeupWorkdays.find((d) => !isWeekend(d));
	if (weekday) errors.push({ field: 'makeupWorkdays', code: 'makeupWeekday', params: { day: weekday } });

	const missing = FIXED_STATUTORY_DAYS.map((md) => `${year}-${md}`).find((d) => !holidays.includes(d));
	if (missing) departures.push({ field: 'holidays', code: 'fixedMissing', params: { day: missing } });
	const count = statutoryCount(holidays, makeupWorkdays);
	if (count !== STATUTORY_HOLIDAY_DAYS) {
		departures.push({
			field: 'holidays',
			code: 'statutoryCount',
			params: {
				weekdays: holidays.filter((d) => !isWeekend(d)).length,
				makeup: makeupWorkdays.length,
				count,
				statutory: STATUTORY_HOLIDAY_DAYS
			}
		});
	}
	return { errors, departures };
}

/** `records` with `year`'s arrangement put in (added, or in place of the one recorded). */
export function withYear(records: readonly CalendarYearDays[], arrangement: CalendarYearDays): CalendarYearDays[] {
	return [...records.filter((r) => r.year !== arrangement.year), arrangement].sort((a, b) => a.year - b.year);
}

/**
 * A day `arrangement` lists one way that another recorded year lists the other way (the end of
 * December, named by two years' notices), or null.
 */
export function clashWithOtherYears(
	records: readonly CalendarYearDays[],
	arrangement: CalendarYearDays
): { day: string; year: number } | null {
	for (const other of records) {
		if (other.year === arrangement.year) continue;
		const day =
			arrangement.holidays.find((d) => other.makeupWorkdays.includes(d)) ??
			arrangement.makeupWorkdays.find((d) => other.holidays.includes(d));
		if (day) return { day, year: other.year };
	}
	return null;
}

export interface YearSummary {
	/** Working days in the year, in all and month by month. */
	workingDays: number;
	byMonth: number[];
	/** Weekdays off, weekend days worked, and the statutory days they come to. */
	weekdayHolidays: number;
	makeupWorkdays: number;
	statutoryDays: number;
}

/** The working days `calendar` gives `year`. */
export function yearSummary(year: number, calendar: WorkCalendar, arrangement: CalendarYearDays): YearSummary {
	const byMonth = Array.from({ length: 12 }, () => 0);
	for (let day = `${year}-01-01`; day.startsWith(String(year)); day = nextDay(day)) {
		if (isWorkingDay(day, calendar)) byMonth[Number(day.slice(5, 7)) - 1] += 1;
	}
	return {
		workingDays: byMonth.reduce((a, b) => a + b, 0),
		byMonth,
		weekdayHolidays: arrangement.holidays.filter((d) => !isWeekend(d)).length,
		makeupWorkdays: arrangement.makeupWorkdays.length,
		statutoryDays: statutoryCount(arrangement.holidays, arrangement.makeupWorkdays)
	};
}

/** The same summary for a year among all recorded ones. */
export function summaryAmong(records: readonly CalendarYearDays[], arrangement: CalendarYearDays): YearSummary {
	return yearSummary(arrangement.year, calendarOf(withYear(records, arrangement)), arrangement);
}

/** Consecutive days as ranges: ["2026-01-01", "2026-01-02"] → [{ from, to, days: 2 }]. */
export function dayRanges(days: readonly string[]): { from: string; to: string; days: number }[] {
	const ranges: { from: string; to: string; days: number }[] = [];
	for (const day of [...days].sort()) {
		const last = ranges.at(-1);
		if (last && nextDay(last.to) === day) {
			last.to = day;
			last.days += 1;
		} else ranges.push({ from: day, to: day, days: 1 });
	}
	return ranges;
}

/** A list as the form takes it back: one day or range ("2026-02-15~2026-02-23") per line. */
export function dayListText(days: readonly string[]): string {
	return dayRanges(days)
		.map((r) => (r.days === 1 ? r.from : `${r.from}~${r.to}`))
		.join('\n');
}
