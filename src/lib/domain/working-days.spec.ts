import { describe, expect, it } from 'vitest';
import { SEEDED_YEARS } from '../../../migrations/2026_11_29_0250_work_calendar';
import { calendarOf, isWorkingDay as isWorkingDayIn, noticePeriod as noticePeriodIn } from './working-days';

/** The calendar a new install starts with (2025 and 2026; compared with chinese-days in work-calendar.spec.ts). */
const SEEDED = calendarOf(SEEDED_YEARS);
const isWorkingDay = (day: string) => isWorkingDayIn(day, SEEDED);
const noticePeriod = (publishedAt: string, n: number, zone: string) => noticePeriodIn(publishedAt, n, zone, SEEDED);

const noticeDays = (publishedAt: string, n: number, zone: string) => {
	const period = noticePeriod(publishedAt, n, zone);
	if (!period.ok) throw new Error(`uncovered ${period.uncoveredYear}`);
	return period.days;
};
const noticeEndsAt = (publishedAt: string, n: number, zone: string) => {
	const period = noticePeriod(publishedAt, n, zone);
	if (!period.ok) throw new Error(`uncovered ${period.uncoveredYear}`);
	return period.endsAt;
};

describe('working days', () => {
	it('knows weekends, public holidays and make-up working days', () => {
		expect(isWorkingDay('2026-03-02')).toBe(true); // Monday
		expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
		expect(isWorkingDay('2026-10-05')).toBe(false); // 国庆, a Monday
		expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday made a working day
	});

	it('refuses a notice period that reaches a year whose holidays are not listed', () => {
		// Published Wednesday 23 December 2026: 24, 25, 28, 29 and 30 December make five working
		// days, and 31 December a sixth; a seventh would be in January 2027, not listed yet.
		expect(noticePeriod('2026-12-23T02:00:00.000Z', 6, 'Asia/Shanghai')).toMatchObject({ ok: true, endsAt: '2026-12-31T16:00:00.000Z' });
		expect(noticePeriod('2026-12-23T02:00:00.000Z', 7, 'Asia/Shanghai')).toEqual({ ok: false, uncoveredYear: 2027 });
		// The year before the first listed one is unknown too.
		expect(noticePeriod('2024-12-20T02:00:00.000Z', 5, 'Asia/Shanghai')).toEqual({ ok: false, uncoveredYear: 2024 });
	});

	it('ends a 5-working-day notice at midnight Shanghai time after the fifth working day', () => {
		// Published Monday 2 March 2026, 15:00 in Shanghai: Tue–Fri and the next Monday.
		const published = '2026-03-02T07:00:00.000Z';
		expect(noticeDays(published, 5, 'Asia/Shanghai')).toEqual([
			'2026-03-03',
			'2026-03-04',
			'2026-03-05',
			'2026-03-06',
			'2026-03-09'
		]);
		// Midnight starting 10 March in Shanghai is 16:00 UTC on 9 March.
		expect(noticeEndsAt(published, 5, 'Asia/Shanghai')).toBe('2026-03-09T16:00:00.000Z');
	});

	it('uses the round’s wall clock, not UTC: 23:30 UTC on Sunday is already Monday in Shanghai', () => {
		const published = '2026-03-01T23:30:00.000Z'; // Monday 07:30 in Shanghai
		expect(noticeDays(published, 1, 'Asia/Shanghai')).toEqual(['2026-03-03']);
	});

	it('skips the National Day holiday and counts the make-up Saturday', () => {
		// Published Tuesday 29 September 2026: 30 Sep, (1–7 Oct off), 8 Oct, 9 Oct, Sat 10 Oct, 12 Oct.
		expect(noticeDays('2026-09-29T02:00:00.000Z', 5, 'Asia/Shanghai')).toEqual([
			'2026-09-30',
			'2026-10-08',
			'2026-10-09',
			'2026-10-10',
			'2026-10-12'
		]);
	});

	it('treats zero or nonsense lengths as no working days', () => {
		expect(noticeDays('2026-03-02T07:00:00.000Z', 0, 'Asia/Shanghai')).toEqual([]);
		expect(noticeEndsAt('2026-03-02T07:00:00.000Z', -3, 'Asia/Shanghai')).toBe('2026-03-02T16:00:00.000Z');
	});
});

describe('a calendar of several recorded years', () => {
	it('counts a day a year’s notice names in the year before (the 2019 notice: 2018-12-29 上班)', () => {
		const calendar = calendarOf([
			{ year: 2019, holidays: ['2018-12-30', '2018-12-31', '2019-01-01'], makeupWorkdays: ['2018-12-29'] },
			{ year: 2018, holidays: ['2018-01-01'], makeupWorkdays: [] }
		]);
		expect(calendar.years).toEqual([2018, 2019]);
		expect(isWorkingDayIn('2018-12-29', calendar)).toBe(true); // a Saturday
		expect(isWorkingDayIn('2018-12-31', calendar)).toBe(false); // a Monday
		// Published Monday 24 December 2018: 25–28 December, then the Saturday worked.
		expect(noticePeriodIn('2018-12-24T02:00:00.000Z', 5, 'Asia/Shanghai', calendar)).toMatchObject({
			ok: true,
			days: ['2018-12-25', '2018-12-26', '2018-12-27', '2018-12-28', '2018-12-29']
		});
	});
});
