import { describe, expect, it } from 'vitest';
import { shiftWallClockByYears, withYear } from './round-template';
import { utcToZonedInput, zonedToUtc } from './time';

describe('shiftWallClockByYears', () => {
	it('keeps the local date and time a year on', () => {
		expect(shiftWallClockByYears('2025-03-01T09:00', 1)).toBe('2026-03-01T09:00');
		expect(shiftWallClockByYears('2025-12-31T23:59', 1)).toBe('2026-12-31T23:59');
	});

	it('turns 29 February into 28 February, not 1 March', () => {
		expect(shiftWallClockByYears('2024-02-29T09:00', 1)).toBe('2025-02-28T09:00');
		expect(shiftWallClockByYears('2027-02-28T09:00', 1)).toBe('2028-02-28T09:00');
		expect(shiftWallClockByYears('2023-02-28T09:00', 1)).toBe('2024-02-28T09:00');
	});

	it('keeps the wall-clock date across a change of offset in the round’s zone', () => {
		// 1 April 2025 09:00 in New York is daylight time; the new instant is 09:00 local again.
		const zone = 'America/New_York';
		const before = utcToZonedInput(zonedToUtc('2025-04-01T09:00', zone)!, zone);
		const after = zonedToUtc(shiftWallClockByYears(before, 1), zone)!;
		expect(utcToZonedInput(after, zone)).toBe('2026-04-01T09:00');
		// A date near midnight in Shanghai is on the previous UTC day: the local day still holds.
		const late = utcToZonedInput('2025-03-01T16:30:00.000Z', 'Asia/Shanghai');
		expect(late).toBe('2025-03-02T00:30');
		expect(shiftWallClockByYears(late, 1)).toBe('2026-03-02T00:30');
	});

	it('leaves text that is not a wall-clock time alone', () => {
		expect(shiftWallClockByYears('', 1)).toBe('');
		expect(shiftWallClockByYears('next spring', 1)).toBe('next spring');
	});
});

describe('withYear', () => {
	it('replaces the year in a title or slug, and only a whole year', () => {
		expect(withYear('2025 社区公益微创投', 2025, 2026)).toBe('2026 社区公益微创投');
		expect(withYear('gz-2025', 2025, 2026)).toBe('gz-2026');
		expect(withYear('gz-20250', 2025, 2026)).toBe('gz-20250');
		expect(withYear('社区微创投', 2025, 2026)).toBe('社区微创投');
	});
});
