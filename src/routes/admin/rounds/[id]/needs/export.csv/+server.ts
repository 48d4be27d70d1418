import { requireRoundAccess } from '$lib/server/auth/guard';
import { toCsv } from '$lib/domain/csv';
import { fileName, needsSheet } from '../export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const access = await requireRoundAccess(event, event.params.id);
	const { round, header, rows } = await needsSheet(access, event.locals.locale, 'csv');
	return new Response(toCsv(header, rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName(round.slug, 'csv')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
