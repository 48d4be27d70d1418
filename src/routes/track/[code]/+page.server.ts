import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formatReceiptCode, normaliseReceiptCode, trackLimiter, trackNeed } from '$lib/server/needs';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Public by receipt code; limiting wrong codes per address is what keeps codes from being
	// guessed, while a resident checking their own code again and again is never stopped.
	const address = event.getClientAddress();
	if (trackLimiter.blocked(address)) error(429, 'err.rateLimited');
	const need = await trackNeed(getDb(), event.params.code);
	if (!need) {
		trackLimiter.consume(address);
		error(404, 'not found');
	}
	return { need, isNew: event.url.searchParams.get('new') === '1' };
};

export const actions: Actions = {
	/** The look-up form on the not-found page: works without JavaScript. */
	default: async (event) => {
		const data = await event.request.formData();
		const typed = String(data.get('code') ?? '').slice(0, 40);
		const code = normaliseReceiptCode(typed);
		redirect(303, `/track/${code ? formatReceiptCode(code) : encodeURIComponent(typed.trim() || '-')}`);
	}
};
