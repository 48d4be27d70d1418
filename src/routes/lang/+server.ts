import { redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE, isLocale } from '$lib/i18n';
import { safeRedirect } from '$lib/server/redirect';
import type { RequestHandler } from './$types';

/** The language switch: a plain form POST, so it works without JavaScript. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const lang = form.get('lang');
	if (isLocale(lang)) {
		cookies.set(LOCALE_COOKIE, lang, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 365 * 24 * 60 * 60
		});
	}
	redirect(303, safeRedirect(form.get('redirectTo'), '/', url.origin));
};
