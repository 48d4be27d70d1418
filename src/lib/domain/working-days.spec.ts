import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';
import { CN_CALENDAR_YEARS, isWorkingDay, noticePeriod } from './working-days';

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

describe('the holiday table', () => {
	// chinese-days compiles the State Council's notices (放假 and 调休 days) year by year.
	const require = createRequire(import.meta.url);
	const known = readdirSync(require.resolve('chinese-days/package.json').replace(/package\.json$/, 'dist/years'))
		.filter((f) => /^\d{4}\.json$/.test(f))
		.map((f) => Number(f.slice(0, 4)));

	it('lists every year from 2025 that chinese-days knows, and no year it cannot check', () => {
		expect(known.length).toBeGreaterThan(10);
		expect([...CN_CALENDAR_YEARS].sort()).toEqual(known.filter((y) => y >= 2025).sort());
	});

	it('agrees with chinese-days on every day of every listed year', () => {
		const disagreements: string[] = [];
		let days = 0;
		for (const year of CN_CALENDAR_YEARS) {
			for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) {
				const day = d.toISOString().slice(0, 10);
				days += 1;
				if (isWorkingDay(day) !== chineseDays.isWorkday(day)) disagreements.push(day);
			}
		}
		expect(days).toBe(365 * CN_CALENDAR_YEARS.length);
		expect(disagreements).toEqual([]);
	});
});
