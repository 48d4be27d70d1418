import { describe, expect, it } from 'vitest';
import { formatInZone, utcToZonedInput, zonedToUtc } from './time';

describe('round time zones', () => {
	it('reads a Shanghai wall-clock time as the right UTC instant', () => {
		expect(zonedToUtc('2026-03-01T09:00', 'Asia/Shanghai')).toBe('2026-03-01T01:00:00.000Z');
		expect(zonedToUtc('2026-01-01T00:30', 'Asia/Shanghai')).toBe('2025-12-31T16:30:00.000Z');
	});

	it('round-trips through a zone with daylight saving', () => {
		const utc = zonedToUtc('2026-07-01T12:00', 'Europe/London');
		expect(utc).toBe('2026-07-01T11:00:00.000Z');
		expect(utcToZonedInput(utc!, 'Europe/London')).toBe('2026-07-01T12:00');
	});

	it('shows instants on the round zone whatever the server zone is', () => {
		expect(formatInZone('2026-03-01T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-02 00:00');
	});

	it('refuses impossible dates', () => {
		expect(zonedToUtc('2026-02-30T09:00', 'Asia/Shanghai')).toBeNull();
		expect(zonedToUtc('2026-13-01T09:00', 'Asia/Shanghai')).toBeNull();
		expect(zonedToUtc('tomorrow', 'Asia/Shanghai')).toBeNull();
	});
});
