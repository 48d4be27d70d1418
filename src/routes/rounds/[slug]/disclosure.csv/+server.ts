import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { disclosureDay, roundDisclosure, roundDisclosureCsv } from '$lib/server/round-disclosure';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	if (!round) error(404, 'not found');
	const { asOf } = disclosureDay(round, url.searchParams.get('asOf'));
	return new Response(roundDisclosureCsv(await roundDisclosure(db, round, asOf)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${encodeURIComponent(round.slug)}-disclosure-${asOf}.csv"`,
			'cache-control': 'no-cache'
		}
	});
};
