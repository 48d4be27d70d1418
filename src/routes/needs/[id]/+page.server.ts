import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPublicNeed } from '$lib/server/needs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	// Public page: only published needs exist here, and never with their contact.
	const id = /^\d{1,12}$/.test(params.id) ? Number(params.id) : NaN;
	const need = Number.isSafeInteger(id) ? await getPublicNeed(getDb(), id) : undefined;
	if (!need) error(404, 'not found');
	return { need };
};
