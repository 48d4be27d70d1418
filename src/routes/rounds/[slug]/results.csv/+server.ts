import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { resultsCsv } from '$lib/server/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	const csv = round ? await resultsCsv(db, round) : null;
	if (!round || csv === null) error(404, 'not found');
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${encodeURIComponent(round.slug)}-results.csv"`,
			'cache-control': 'no-cache'
		}
	});
};
