import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { roundLedger, roundLedgerCsv } from '$lib/server/fund-disclosure';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	if (!round) error(404, 'not found');
	return new Response(roundLedgerCsv(await roundLedger(db, round)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${encodeURIComponent(round.slug)}-ledger.csv"`,
			'cache-control': 'no-cache'
		}
	});
};
