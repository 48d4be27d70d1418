/** How long personal data is kept: calendar months counted in UTC from the round's close. */

/** `at` moved by `months` calendar months (negative: back); the 31st of a short month ends on its last day. */
export function addMonths(at: Date, months: number): Date {
	const out = new Date(at.getTime());
	const day = out.getUTCDate();
	out.setUTCDate(1);
	out.setUTCMonth(out.getUTCMonth() + months);
	const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
	out.setUTCDate(Math.min(day, last));
	return out;
}

/** Rounds closed at or before this instant have outlived the retention period at `now`. */
export function retentionCutoff(now: Date, months: number): Date {
	return addMonths(now, -months);
}
