import { requireRoundAccess } from '$lib/server/auth/guard';
import { toCsv } from '$lib/domain/csv';
import { paymentsSheet } from '../payments';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const access = await requireRoundAccess(event, event.params.id);
	const { header, rows, fileName } = await paymentsSheet(access, event.locals.locale, 'csv');
	return new Response(toCsv(header, rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName('csv')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
