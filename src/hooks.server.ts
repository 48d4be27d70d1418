import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { closeDb, getDb, migrate, readVersion } from '$lib/server/db';
import { PageCache, pageCacheHandle, scopeOfPath } from '$lib/server/cache';
import { SUPPORTER_COOKIE } from '$lib/server/needs';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from '$lib/i18n';
import messagesChunks from 'virtual:messages/preload';
import { logServerError, sendableHeaders } from '$lib/server/headers';
import { kickOutbox, outboxSettled, startOutboxTimer, stopOutboxTimer } from '$lib/server/outbox';
import { countInFlight, settled } from '$lib/server/in-flight';
import { startRetentionTimer, stopRetentionTimer } from '$lib/server/privacy';
import { isAdminRole, twoFactorRequired } from '$lib/server/auth/two-factor';
import { startReportReminders, stopReportReminders } from '$lib/server/project-reports';
import { startDisclosureReminders, stopDisclosureReminders } from '$lib/server/round-disclosure';

export const init: ServerInit = async () => {
	await migrate(getDb());
	// Failed e-mails are retried when their time comes, and whatever an earlier process left is sent.
	startOutboxTimer(getDb());
	kickOutbox(getDb());
	// Residents' and objectors' contacts past their retention are erased now and every few hours.
	startRetentionTimer(getDb());
	// Stations hear of a report due within two weeks (once per report), admins of a round's disclosure.
	startReportReminders(getDb());
	startDisclosureReminders(getDb());
	// adapter-node's graceful shutdown (SIGTERM, SIGINT) ends with this event, once connections are
	// closed; handlers whose client left and a send in progress still get up to 10 s to finish
	// before the database closes (a message sent but not marked sent would go out again).
	process.once('sveltekit:shutdown', async () => {
		stopOutboxTimer();
		stopRetentionTimer();
		stopReportReminders();
		stopDisclosureReminders();
		await Promise.all([settled(10_000), outboxSettled(10_000)]);
		await closeDb();
	});
};

const auth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	event.locals.pendingTwoFactor = null;
	if (token) {
		const result = await validateSessionToken(getDb(), token);
		if (result && result.user.twoFactor && !result.session.twoFactorVerified) {
			// Password checked, second factor not yet: the session opens no page but /login/two-factor.
			event.locals.pendingTwoFactor = { userId: result.user.id, sessionId: result.session.id, role: result.user.role };
		} else if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			setSessionCookie(event.cookies, event.url, token, result.session.expiresAt);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	// When the federation requires it, an admin without a second factor enrols before any admin page.
	const user = event.locals.user;
	if (user && isAdminRole(user.role) && !user.twoFactor && event.url.pathname.startsWith('/admin') && (await twoFactorRequired(getDb()))) {
		redirect(303, '/account/two-factor?required=1');
	}
	return resolve(event);
};

const i18n: Handle = async ({ event, resolve }) => {
	const chosen = event.cookies.get(LOCALE_COOKIE);
	const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
	event.locals.locale = locale;
	// The reader's words are a script of their own (see src/routes/+layout.ts): named up front, so
	// the browser fetches them beside SvelteKit's scripts instead of after them; a page rendered
	// without scripts (`csr = false`) names none.
	const chunk = messagesChunks[locale];
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const preload = chunk && html.includes('<script') ? `<link rel="modulepreload" href="${chunk}">` : '';
			return html.replace('%lang%', locale).replace('%messages.preload%', preload);
		}
	});
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	// The CSP itself comes from svelte.config.js, with nonces for SvelteKit's inline script.
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (!response.headers.has('Content-Security-Policy')) {
		response.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	}
	const area = event.url.pathname.split('/')[1];
	if (event.locals.user || ['admin', 'station', 'review', 'invite', 'track'].includes(area)) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

let pages: PageCache | null | undefined;

/** The anonymous page cache; `PAGE_CACHE=off` turns it off (to measure without it). */
function pageCache(): PageCache | null {
	if (pages !== undefined) return pages;
	if (process.env.PAGE_CACHE === 'off') return (pages = null);
	// A page is kept at most 5 s (PAGE_CACHE_TTL_MS: tests keep it longer), as pages follow the clock.
	const ttlMs = Number(process.env.PAGE_CACHE_TTL_MS) || 5_000;
	pages = new PageCache({ ttlMs, maxEntries: 2_000, maxBytes: 48 * 1024 * 1024 });
	return pages;
}

const cachePages = pageCacheHandle({
	cache: pageCache,
	personalCookies: [SESSION_COOKIE, SUPPORTER_COOKIE],
	version: (event) => readVersion(getDb(), scopeOfPath(event.url.pathname)),
	variant: (event) => {
		const chosen = event.cookies.get(LOCALE_COOKIE);
		return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
	}
});

/** A request that may have written an e-mail to the outbox: it is sent after the response, never before. */
const outbox: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') kickOutbox(getDb());
	return response;
};

export const handle = sequence(countInFlight, sendableHeaders, securityHeaders, cachePages, outbox, auth, i18n);

/** Logs the failure without the request's body or query, which may hold personal data. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) logServerError(status, event, error);
	return { message: status === 404 ? 'not found' : 'internal error' };
};
