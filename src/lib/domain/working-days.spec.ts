import { describe, expect, it } from 'vitest';
import { isWorkingDay, noticeDays, noticeEndsAt } from './working-days';

describe('working days', () => {
	it('knows weekends, public holidays and make-up working days', () => {
		expect(isWorkingDay('2026-03-02')).toBe(true); // Monday
		expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
		expect(isWorkingDay('2026-10-05')).toBe(false); // 国庆, a Monday
		expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday made a working day
		expect(isWorkingDay('2027-03-06')).toBe(false); // unlisted year: weekends only
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
