/** Pure rules for starting a round from an earlier one: the same calendar, a year on. */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2})$/;

/**
 * "2025-03-01T09:00" → "2026-03-01T09:00": the same local date and time `years` later, on the
 * round's own wall clock (the form turns it into an instant in the round's zone, so a change of
 * offset between the years cannot move the day). 29 February becomes 28 February in a year
 * without it: the last day of the same month, never a day in March. Anything else is returned
 * unchanged for the admin to correct.
 */
export function shiftWallClockByYears(local: string, years: number): string {
	const m = WALL_CLOCK.exec(local);
	if (!m) return local;
	const year = Number(m[1]) + years;
	const month = Number(m[2]);
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const day = Math.min(Number(m[3]), daysInMonth);
	return `${String(year).padStart(4, '0')}-${m[2]}-${String(day).padStart(2, '0')}${m[4]}`;
}

/**
 * A title or slug with the template's year replaced by the new one ("2025 社区公益微创投" →
 * "2026 社区公益微创投"); one without the year is returned unchanged.
 */
export function withYear(text: string, fromYear: number, toYear: number): string {
	return text.replace(new RegExp(`(?<!\\d)${fromYear}(?!\\d)`, 'g'), String(toYear));
}
