import { describe, expect, it } from 'vitest';
import { addMonths, dayAsOf, disclosureDueDays, disclosureReminderDue, isDay } from './disclosure';

describe('disclosure due days', () => {
	it('falls every three months while projects run over six months, then three months after the end', () => {
		expect(disclosureDueDays('2025-03-01', '2025-12-31')).toEqual(['2025-06-01', '2025-09-01', '2025-12-01', '2026-03-31']);
		// Six months or less: the three-monthly rule does not apply.
		expect(disclosureDueDays('2025-03-01', '2025-09-01')).toEqual([]);
		expect(disclosureDueDays('2025-03-01', '2025-09-02')).toEqual(['2025-06-01', '2025-09-01', '2025-12-02']);
	});

	it('adds months on the calendar, the 31st becoming a shorter month’s last day', () => {
		expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
		expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
		expect(addMonths('2023-11-29', 3)).toBe('2024-02-29');
		expect(addMonths('2025-01-15', 12)).toBe('2026-01-15');
	});

	it('reminds within 14 days before the day, once', () => {
		expect(disclosureReminderDue('2025-06-01', '2025-05-18', null)).toBe(true);
		expect(disclosureReminderDue('2025-06-01', '2025-05-17', null)).toBe(false);
		expect(disclosureReminderDue('2025-06-01', '2025-06-01', null)).toBe(true);
		expect(disclosureReminderDue('2025-06-01', '2025-06-02', null)).toBe(false);
		expect(disclosureReminderDue('2025-06-01', '2025-05-30', '2025-05-20T00:00:00Z')).toBe(false);
	});

	it('counts a day on or before the chosen one', () => {
		expect(dayAsOf('2025-06-30', '2025-06-30')).toBe('2025-06-30');
		expect(dayAsOf('2025-07-01', '2025-06-30')).toBeNull();
		expect(dayAsOf(null, '2025-06-30')).toBeNull();
		expect([isDay('2025-02-29'), isDay('2024-02-29'), isDay('2025-2-1')]).toEqual([false, true, false]);
	});
});
