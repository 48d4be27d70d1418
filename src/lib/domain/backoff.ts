/**
 * When to try a failed e-mail again: one minute after the first failure, doubling each time, at
 * most six hours apart, so a mail server that is down for a day is tried a dozen times, not
 * thousands, and a brief outage costs a minute.
 */
export const RETRY_FIRST_MS = 60_000;
export const RETRY_MAX_MS = 6 * 60 * 60_000;

/** The wait after the `attempts`-th failed attempt (1 = the first). */
export function retryDelayMs(attempts: number): number {
	const n = Math.max(1, Math.floor(attempts));
	return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(n - 1, 20));
}
