import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { fundDisclosure, fundLedgerCsv } from '$lib/server/fund-disclosure';
import { translate } from '$lib/i18n';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const id = /^\d{1,12}$/.test(params.id) ? Number(params.id) : 0;
	const d = await fundDisclosure(getDb(), id);
	if (!d) error(404, 'not found');
	return new Response(fundLedgerCsv(d, translate(locals.locale, 'funds.anonymous')), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="fund-${id}-ledger.csv"`,
			'cache-control': 'no-cache'
		}
	});
};
