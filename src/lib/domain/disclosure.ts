/**
 * The round's disclosure (信息公开) for projects that run over six months: at least every three
 * months from the agreements' start, and in full within three months of the end. Pure rules over
 * calendar days (YYYY-MM-DD on the round's wall clock): when a disclosure is due, when the admins
 * are reminded, and which of a report's dates count as of the chosen day.
 */

/** A disclosure is due this many months apart, and the full one this long after the end. */
export const DISCLOSE_EVERY_MONTHS = 3;
/** Projects running longer than this disclose every three months. */
export const LONG_PROJECT_MONTHS = 6;
/** Days before a due day when the admins are reminded. */
export const DISCLOSURE_REMIND_DAYS = 14;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
	return DAY_RE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** The day `months` later; the 31st of a shorter month becomes its last day. */
export function addMonths(day: string, months: number): string {
	const [y, m, d] = day.split('-').map(Number);
	const target = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d, last));
	return target.toISOString().slice(0, 10);
}

/**
 * The days a disclosure is due for projects running from `start` to `end`: every three months
 * from the start while they run, then the full one three months after the end. None when they
 * run six months or less (the rule is for longer projects).
 */
export function disclosureDueDays(start: string, end: string): string[] {
	if (end <= addMonths(start, LONG_PROJECT_MONTHS)) return [];
	const due: string[] = [];
	for (let k = 1; addMonths(start, k * DISCLOSE_EVERY_MONTHS) < end; k++) due.push(addMonths(start, k * DISCLOSE_EVERY_MONTHS));
	due.push(addMonths(end, DISCLOSE_EVERY_MONTHS));
	return due;
}

/** Remind when the due day is today or within the next 14 days, once. */
export function disclosureReminderDue(dueOn: string, today: string, remindedAt: string | null): boolean {
	if (remindedAt) return false;
	const days = (Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
	return days >= 0 && days <= DISCLOSURE_REMIND_DAYS;
}

/** A day that counts as of `asOf`: on or before it; later ones (and none) are null. */
export function dayAsOf(day: string | null, asOf: string): string | null {
	return day !== null && day <= asOf ? day : null;
}
