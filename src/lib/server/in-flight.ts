/**
 * Requests still being handled. The server's graceful shutdown ends when every connection is
 * closed, but a handler whose client went away (a closed tab, a load generator that stopped)
 * still runs: the database must stay open until it is done, or it fails with a closed pool.
 */
import type { Handle } from '@sveltejs/kit';

let running = 0;
let waiters: (() => void)[] = [];

/** The first handle of the sequence: counts a request from its start until its response is made. */
export const countInFlight: Handle = async ({ event, resolve }) => {
	running += 1;
	try {
		return await resolve(event);
	} finally {
		running -= 1;
		if (running === 0) for (const wake of waiters.splice(0)) wake();
	}
};

export function inFlight(): number {
	return running;
}

/** Resolves once no request is being handled, or after `timeoutMs` (whichever comes first). */
export function settled(timeoutMs: number): Promise<void> {
	if (running === 0) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			waiters = waiters.filter((w) => w !== done);
			resolve();
		}, timeoutMs);
		timer.unref?.();
		const done = () => {
			clearTimeout(timer);
			resolve();
		};
		waiters.push(done);
	});
}
