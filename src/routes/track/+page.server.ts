import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The home page's "follow your need" form lands here and goes on to the need's own page. */
export const load: PageServerLoad = ({ url }) => {
	const code = (url.searchParams.get('code') ?? '').trim().slice(0, 40);
	redirect(303, code ? `/track/${encodeURIComponent(code)}` : '/');
};
