import type { Handle, RequestEvent } from '@sveltejs/kit';
import { validateHeaderName, validateHeaderValue } from 'node:http';

/** Logs a server failure with its stack, without the request's body or query (personal data). */
export function logServerError(status: number, event: Pick<RequestEvent, 'request' | 'url'>, error: unknown): void {
	const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
	console.error(`[${status}] ${event.request.method} ${event.url.pathname}: ${message}`);
}

/**
 * The last step before the response leaves: fetch's `Headers` accept characters (VT, FF…) that
 * Node's `writeHead` refuses, and that refusal happens after SvelteKit's error handling, as a raw
 * `TypeError [ERR_INVALID_CHAR]` page with nothing in the log. Checked here instead, such a
 * response becomes a logged 500, and whatever it carried (a session cookie) is dropped.
 */
export const sendableHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		response.headers.forEach((value, name) => {
			validateHeaderName(name);
			validateHeaderValue(name, value);
		});
	} catch (error) {
		logServerError(500, event, error);
		return new Response('internal error', {
			status: 500,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }
		});
	}
	return response;
};
