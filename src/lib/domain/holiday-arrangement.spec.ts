import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SEEDED_YEARS } from '../../../migrations/2026_11_29_0250_work_calendar';
import { NOTICE_2025, NOTICE_2026 } from '../../../tests/fixtures/holiday-notices';
import {
	checkArrangement,
	dayListText,
	dayRanges,
	readDayList,
	summaryAmong,
	STATUTORY_HOLIDAY_DAYS
} from './holiday-arrangement';

const seeded = (year: number) => SEEDED_YEARS.find((y) => y.year === year)!;

const read = (text: string, year: number, list: 'holidays' | 'makeupWorkdays') => {
	const result = readDayList(text, year, list);
	if (!result.ok) throw new Error(JSON.stringify(result));
	return result.days;
};

describe('reading a pasted arrangement', () => {
	it('reads the notices’ items pasted as they are: each list takes its own clauses', () => {
		for (const [year, notice] of [
			[2025, NOTICE_2025],
			[2026, NOTICE_2026]
		] as const) {
			expect(read(notice, year, 'holidays')).toEqual(seeded(year).holidays);
			expect(read(notice, year, 'makeupWorkdays')).toEqual(seeded(year).makeupWorkdays);
		}
	});

	it('reads ISO dates and ranges, one per line or separated, in full-width characters too', () => {
		expect(read('2027-02-05~2027-02-07\n\n2027-01-01、2027/5/1 ２０２７－１０－０１', 2027, 'holidays')).toEqual([
			'2027-01-01',
			'2027-02-05',
			'2027-02-06',
			'2027-02-07',
			'2027-05-01',
			'2027-10-01'
		]);
		expect(read('2027-02-05 ～ 2027-02-06；2027年2月6日', 2027, 'holidays')).toEqual(['2027-02-05', '2027-02-06']);
		// A range across months, and one across the turn of the year with both years written.
		expect(read('1月31日至2月2日', 2027, 'holidays')).toEqual(['2027-01-31', '2027-02-01', '2027-02-02']);
		expect(read('元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', 2019, 'holidays')).toEqual([
			'2018-12-30',
			'2018-12-31',
			'2019-01-01'
		]);
		// What a list that has no days says: nothing.
		expect(read('  \n', 2027, 'makeupWorkdays')).toEqual([]);
	});

	it('says which line it cannot read, and why', () => {
		expect(readDayList('2027-01-01\n2027-02-30', 2027, 'holidays')).toEqual({
			ok: false,
			code: 'unreadable',
			params: { line: 2, text: '2027-02-30' }
		});
		expect(readDayList('春节前后', 2027, 'holidays')).toMatchObject({ ok: false, code: 'unreadable', params: { line: 1 } });
		expect(readDayList('2027-02-11~2027-02-05', 2027, 'holidays')).toMatchObject({ ok: false, code: 'backwards' });
		expect(readDayList('2027-01-01~2027-03-01', 2027, 'holidays')).toMatchObject({ ok: false, code: 'rangeTooLong' });
		// 23日 alone only ends a range.
		expect(readDayList('23日', 2027, 'holidays')).toMatchObject({ ok: false, code: 'unreadable' });
		// A clause about both lists cannot be split by the reader.
		expect(readDayList('1月1日放假，1月4日上班', 2027, 'holidays')).toMatchObject({ ok: true });
		expect(readDayList('1月1日放假1月4日上班', 2027, 'holidays')).toMatchObject({ ok: false, code: 'mixed', params: { line: 1 } });
	});

	it('writes a list back as the form reads it', () => {
		const days = seeded(2026).holidays;
		expect(dayRanges(days).map((r) => r.days)).toEqual([3, 9, 3, 5, 3, 3, 7]);
		expect(dayListText(days).split('\n')[1]).toBe('2026-02-15~2026-02-23');
		expect(read(dayListText(days), 2026, 'holidays')).toEqual(days);
	});
});

describe('the holiday rules', () => {
	it('accept the State Council’s 2025 and 2026 arrangements as they are', () => {
		for (const year of SEEDED_YEARS) expect(checkArrangement(year)).toEqual({ errors: [], departures: [] });
	});

	it('accept every arrangement chinese-days knows from 2025 on (its later releases add the coming years)', () => {
		const require = createRequire(import.meta.url);
		const folder = require.resolve('chinese-days/package.json').replace(/package\.json$/, 'dist/years');
		const years = readdirSync(folder)
			.filter((f) => /^\d{4}\.json$/.test(f))
			.map((f) => Number(f.slice(0, 4)))
			.filter((y) => y >= 2025);
		expect(years.length).toBeGreaterThanOrEqual(2);
		for (const year of years) {
			const data = JSON.parse(readFileSync(`${folder}/${year}.json`, 'utf8')) as { holidays: object; workdays: object };
			const arrangement = { year, holidays: Object.keys(data.holidays).sort(), makeupWorkdays: Object.keys(data.workdays).sort() };
			expect(checkArrangement(arrangement), String(year)).toEqual({ errors: [], departures: [] });
		}
	});

	it('refuse a date outside the year, a day in both lists, a weekday “made” a working day', () => {
		const base = seeded(2026);
		const errorsOf = (change: Partial<typeof base>) => checkArrangement({ ...base, ...change }).errors.map((e) => [e.field, e.code, e.params]);
		expect(errorsOf({ holidays: [...base.holidays, '2027-01-01'] })).toEqual([
			['holidays', 'outsideYear', { day: '2027-01-01', year: 2026, from: '2025-12-20' }]
		]);
		// The last days of the year before are a notice's own (a New Year holiday starting in December).
		expect(errorsOf({ makeupWorkdays: [...base.makeupWorkdays, '2025-12-20'] })).toEqual([]);
		expect(errorsOf({ makeupWorkdays: [...base.makeupWorkdays, '2025-12-13'] })[0]).toEqual([
			'makeupWorkdays',
			'outsideYear',
			{ day: '2025-12-13', year: 2026, from: '2025-12-20' }
		]);
		expect(errorsOf({ makeupWorkdays: [...base.makeupWorkdays, '2026-02-21'] })).toEqual([
			['makeupWorkdays', 'inBoth', { day: '2026-02-21' }]
		]);
		expect(errorsOf({ makeupWorkdays: ['2026-01-05', ...base.makeupWorkdays] })).toEqual([
			['makeupWorkdays', 'makeupWeekday', { day: '2026-01-05' }]
		]);
		expect(checkArrangement({ ...base, year: 2024 }).errors.map((e) => e.code)).toEqual(['year']);
	});

	it(`hold a slip against the statutory pattern (fixed dates, ${STATUTORY_HOLIDAY_DAYS} days), which an admin may confirm`, () => {
		const base = seeded(2026);
		// A forgotten make-up Saturday: 19 weekdays off less 5 days worked is 14, not 13.
		expect(checkArrangement({ ...base, makeupWorkdays: base.makeupWorkdays.filter((d) => d !== '2026-02-28') })).toEqual({
			errors: [],
			departures: [{ field: 'holidays', code: 'statutoryCount', params: { weekdays: 19, makeup: 5, count: 14, statutory: 13 } }]
		});
		// National Day's third day left out: a Saturday, so the count alone would not notice.
		expect(checkArrangement({ ...base, holidays: base.holidays.filter((d) => d !== '2026-10-03') }).departures).toEqual([
			{ field: 'holidays', code: 'fixedMissing', params: { day: '2026-10-03' } }
		]);
		// A year of weekends only (test data) departs on both counts.
		expect(checkArrangement({ year: 2031, holidays: [], makeupWorkdays: [] }).departures.map((d) => d.code)).toEqual([
			'fixedMissing',
			'statutoryCount'
		]);
	});

	it('counts the working days the arrangement gives, month by month', () => {
		const summary = summaryAmong(SEEDED_YEARS, seeded(2026));
		expect(summary).toMatchObject({ workingDays: 248, weekdayHolidays: 19, makeupWorkdays: 6, statutoryDays: 13 });
		// February 2026: 20 weekdays, 6 of them off, 2 Saturdays worked.
		expect(summary.byMonth[1]).toBe(16);
		expect(summary.byMonth.reduce((a, b) => a + b)).toBe(248);
		expect(summaryAmong(SEEDED_YEARS, seeded(2025)).workingDays).toBe(248);
	});
});
