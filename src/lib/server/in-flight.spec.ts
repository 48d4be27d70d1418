import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { countInFlight, inFlight, settled } from './in-flight';

/** A request whose handler runs until `finish` is called. */
function slowRequest() {
	let finish!: () => void;
	const done = new Promise<void>((resolve) => (finish = resolve));
	const handled = countInFlight({
		event: {} as RequestEvent,
		resolve: async () => {
			await done;
			return new Response('ok');
		}
	});
	return { finish, handled };
}

describe('requests in flight at shutdown', () => {
	it('waits for handlers still running, then resolves', async () => {
		const a = slowRequest();
		const b = slowRequest();
		expect(inFlight()).toBe(2);
		let idle = false;
		const waiting = settled(60_000).then(() => (idle = true));
		a.finish();
		await a.handled;
		await Promise.resolve();
		expect(idle).toBe(false);
		b.finish();
		await b.handled;
		await waiting;
		expect(idle).toBe(true);
		expect(inFlight()).toBe(0);
	});

	it('counts a handler that throws as finished, and gives up waiting after the timeout', async () => {
		await expect(
			countInFlight({
				event: {} as RequestEvent,
				resolve: async () => {
					throw new Error('boom');
				}
			})
		).rejects.toThrow('boom');
		expect(inFlight()).toBe(0);
		const stuck = slowRequest();
		const started = Date.now();
		await settled(50);
		expect(Date.now() - started).toBeGreaterThanOrEqual(40);
		expect(inFlight()).toBe(1);
		stuck.finish();
		await stuck.handled;
	});
});
