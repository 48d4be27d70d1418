import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { getDb } from '$lib/server/db';
import { SUPPORTER_COOKIE, getPublicNeed, hasSupported, publicTargetOf, supportNeed } from '$lib/server/needs';
import { LIMITS, consume } from '$lib/server/rate-limit';
import { httpStatus } from '$lib/server/outcome';
import { addressKey } from '$lib/domain/throttle';
import { listCategories } from '$lib/server/categories';
import { randomString, sha256Hex } from '$lib/server/random';
import { formError } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

function idOf(param: string): number {
	const id = /^\d{1,12}$/.test(param) ? Number(param) : NaN;
	return Number.isSafeInteger(id) ? id : NaN;
}

/**
 * Who is saying "me too": a random cookie of this browser, hashed, so the same browser counts
 * once. (How many browsers one address may speak for is limited apart, by a hash of the address.)
 */
function supporterOf(cookies: Cookies, create: boolean, secure: boolean): string | null {
	let token = cookies.get(SUPPORTER_COOKIE);
	if (!token || !/^[a-z2-9]{24}$/.test(token)) {
		if (!create) return null;
		token = randomString(24);
		cookies.set(SUPPORTER_COOKIE, token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: secure && !dev,
			maxAge: 60 * 60 * 24 * 400
		});
	}
	return sha256Hex(`need-support:${token}`);
}

export const load: PageServerLoad = async ({ params, url, cookies }) => {
	// Public page: only published needs exist here, and never with their contact.
	const db = getDb();
	const id = idOf(params.id);
	const need = Number.isNaN(id) ? undefined : await getPublicNeed(db, id);
	if (!need) {
		// A duplicate merged into a published need: its link leads on to that need.
		const target = Number.isNaN(id) ? undefined : await publicTargetOf(db, id);
		if (target) redirect(302, `/needs/${target}?merged=1`);
		error(404, 'not found');
	}
	const supporter = supporterOf(cookies, false, url.protocol === 'https:');
	const category = (await listCategories(db, { withRetired: true })).find((c) => c.key === need.category);
	return {
		need,
		category: category ? { zh: category.zh, en: category.en } : null,
		supported: supporter ? await hasSupported(db, need.id, supporter) : false,
		mergedHere: url.searchParams.get('merged') === '1'
	};
};

export const actions: Actions = {
	/** "Me too": no account; once per browser, a few a day per need from one address. */
	support: async ({ params, url, cookies, getClientAddress }) => {
		const id = idOf(params.id);
		if (Number.isNaN(id)) error(404, 'not found');
		const db = getDb();
		const address = addressKey(getClientAddress());
		if (!(await consume(db, 'support', address, LIMITS.support))) return fail(429, { errors: formError('err.rateLimited') });
		const supporter = supporterOf(cookies, true, url.protocol === 'https:')!;
		const supported = await supportNeed(db, id, supporter, address);
		if (!supported.ok) {
			if (supported.status === 404) error(404, 'not found');
			return fail(httpStatus(supported), { errors: supported.errors });
		}
		const { needId, added } = supported.value;
		redirect(303, `/needs/${needId}?supported=${added ? '1' : 'again'}`);
	}
};
