import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { streetsOfDistrict } from '$lib/server/places';
import type { RequestHandler } from './$types';

/**
 * A district's streets with their communities, for the need form once the resident chose the
 * district (the place registry is public). Without JavaScript the form's "update the lists"
 * brings the same list.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	if (!(await publicRoundBySlug(getDb(), params.slug))) error(404, 'not found');
	const district = Number(url.searchParams.get('district') ?? '');
	return json(await streetsOfDistrict(getDb(), district), { headers: { 'cache-control': 'public, max-age=60' } });
};
