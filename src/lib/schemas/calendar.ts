import { z } from 'zod';
import { optionalText, text, wholeNumber, type FieldError } from './form';
import type { MessageKey } from '../i18n';
import {
	CALENDAR_YEAR_MAX,
	CALENDAR_YEAR_MIN,
	checkArrangement,
	readDayList,
	type ArrangementCode,
	type ArrangementIssue
} from '../domain/holiday-arrangement';

/** The form's fields, in the order the page shows them. */
export const CALENDAR_FIELDS = ['year', 'source', 'holidays', 'makeupWorkdays', 'departs', 'reason'] as const;
export const CALENDAR_SOURCE_MAX = 200;
export const CALENDAR_REASON_MAX = 500;
const HOLIDAYS_TEXT_MAX = 6000;
const MAKEUP_TEXT_MAX = 2000;

const MESSAGES: Record<ArrangementCode, MessageKey> = {
	unreadable: 'calendar.err.unreadable',
	mixed: 'calendar.err.mixed',
	backwards: 'calendar.err.backwards',
	rangeTooLong: 'calendar.err.rangeTooLong',
	year: 'calendar.err.year',
	outsideYear: 'calendar.err.outsideYear',
	inBoth: 'calendar.err.inBoth',
	makeupWeekday: 'calendar.err.makeupWeekday',
	tooMany: 'calendar.err.tooMany',
	fixedMissing: 'calendar.err.fixedMissing',
	statutoryCount: 'calendar.err.statutoryCount'
};

/** An arrangement's issue as the form shows it. */
export function arrangementError(issue: Pick<ArrangementIssue, 'code' | 'params'>): FieldError {
	return { key: MESSAGES[issue.code], params: issue.params };
}

/**
 * A year of the holiday calendar as an admin records it: the two lists read (dates or ranges, as
 * ISO dates or in the notice's own words) and checked against the holiday rules. Departures from
 * the statutory pattern pass only when the admin ticked `departs`.
 */
export const calendarYearSchema = z
	.object({
		year: wholeNumber(CALENDAR_YEAR_MIN, CALENDAR_YEAR_MAX),
		source: text(CALENDAR_SOURCE_MAX),
		holidays: z.string().max(HOLIDAYS_TEXT_MAX),
		makeupWorkdays: z.string().max(MAKEUP_TEXT_MAX),
		departs: z
			.string()
			.optional()
			.transform((v) => v === 'on'),
		reason: optionalText(CALENDAR_REASON_MAX, { multiline: true })
	})
	.transform((v, ctx) => {
		const issue = (i: Pick<ArrangementIssue, 'field' | 'code' | 'params'>) => {
			const { key, params } = arrangementError(i);
			ctx.addIssue({ code: 'custom', path: [i.field], message: key, params });
		};
		const holidays = readDayList(v.holidays, v.year, 'holidays');
		const makeupWorkdays = readDayList(v.makeupWorkdays, v.year, 'makeupWorkdays');
		if (!holidays.ok) issue({ field: 'holidays', code: holidays.code, params: holidays.params });
		if (!makeupWorkdays.ok) issue({ field: 'makeupWorkdays', code: makeupWorkdays.code, params: makeupWorkdays.params });
		if (!holidays.ok || !makeupWorkdays.ok) return z.NEVER;
		const arrangement = { year: v.year, holidays: holidays.days, makeupWorkdays: makeupWorkdays.days };
		const { errors, departures } = checkArrangement(arrangement);
		// A day that can never be right first; the statutory pattern once every day can be.
		for (const e of errors.length ? errors : v.departs ? [] : departures) issue(e);
		if (errors.length || (departures.length && !v.departs)) return z.NEVER;
		return { ...arrangement, source: v.source, departs: departures.length > 0, reason: v.reason };
	});

export type CalendarYearForm = z.output<typeof calendarYearSchema>;
