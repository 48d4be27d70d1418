import { requireRoundAccess } from '$lib/server/auth/guard';
import { downloadResponse, writeXlsx } from '$lib/server/table-file';
import { paymentsSheet } from '../payments';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const access = await requireRoundAccess(event, event.params.id);
	const { header, rows, fileName } = await paymentsSheet(access, event.locals.locale, 'xlsx');
	// The project's title and the reason get room; the rest are short.
	const buffer = await writeXlsx({ sheet: 'payments', header, rows, widths: { 3: 36, 4: 24, 9: 30 } });
	return downloadResponse(buffer, 'xlsx', fileName('xlsx'));
};
