import { describe, expect, it } from 'vitest';
import { SEEDED_YEARS } from '../../../migrations/2026_11_29_0250_work_calendar';
import { NOTICE_2026 } from '../../../tests/fixtures/holiday-notices';
import { calendarYearSchema } from './calendar';
import { fieldErrors } from './form';

const form = (change: Record<string, string> = {}) => ({
	year: '2026',
	source: ' 国务院办公厅关于2026年部分节假日安排的通知 ',
	holidays: NOTICE_2026,
	makeupWorkdays: NOTICE_2026,
	reason: '  ',
	...change
});

const errorsOf = (values: Record<string, string>) => {
	const parsed = calendarYearSchema.safeParse(values);
	if (parsed.success) throw new Error('expected a refusal');
	return fieldErrors(parsed.error);
};

describe('the calendar year form', () => {
	it('reads the notice pasted into both lists as the State Council’s days', () => {
		const seeded = SEEDED_YEARS.find((y) => y.year === 2026)!;
		expect(calendarYearSchema.parse(form())).toEqual({
			year: 2026,
			holidays: seeded.holidays,
			makeupWorkdays: seeded.makeupWorkdays,
			source: '国务院办公厅关于2026年部分节假日安排的通知',
			departs: false,
			reason: null
		});
	});

	it('says what is wrong in the reader’s words, with the values the message needs', () => {
		expect(errorsOf(form({ year: '2024' }))).toEqual({ year: { key: 'err.numberRange', params: { min: 2025, max: 2100 } } });
		expect(calendarYearSchema.parse(form({ year: '２０２６' })).year).toBe(2026);
		expect(errorsOf(form({ holidays: '2026-01-01\n春节放假' }))).toEqual({
			holidays: { key: 'calendar.err.unreadable', params: { line: 2, text: '春节' } }
		});
		expect(errorsOf(form({ makeupWorkdays: '2026-01-05' }))).toEqual({
			makeupWorkdays: { key: 'calendar.err.makeupWeekday', params: { day: '2026-01-05' } }
		});
		// The Spring Festival's make-up Saturdays forgotten: the count is off, unless the admin confirms it.
		const forgotten = form({ makeupWorkdays: '2026-01-04\n2026-05-09\n2026-09-20\n2026-10-10' });
		expect(errorsOf(forgotten)).toEqual({
			holidays: { key: 'calendar.err.statutoryCount', params: { weekdays: 19, makeup: 4, count: 15, statutory: 13 } }
		});
		expect(calendarYearSchema.parse({ ...forgotten, departs: 'on' })).toMatchObject({ departs: true, makeupWorkdays: ['2026-01-04', '2026-05-09', '2026-09-20', '2026-10-10'] });
		// A tick on an arrangement that follows the rules confirms nothing.
		expect(calendarYearSchema.parse(form({ departs: 'on' })).departs).toBe(false);
		expect(errorsOf(form({ source: ' ' }))).toEqual({ source: { key: 'err.required' } });
	});
});
