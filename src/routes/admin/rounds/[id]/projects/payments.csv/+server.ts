import { requireRoundAccess } from '$lib/server/auth/guard';
import { toCsv } from '$lib/domain/csv';
import { downloadResponse } from '$lib/server/table-file';
import { paymentsSheet } from '../payments';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const access = await requireRoundAccess(event, event.params.id);
	const { header, rows, fileName } = await paymentsSheet(access, event.locals.locale, 'csv');
	return downloadResponse(toCsv(header, rows), 'csv', fileName('csv'));
};
