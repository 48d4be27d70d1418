import { requireRoundAccess } from '$lib/server/auth/guard';
import { downloadResponse, writeXlsx } from '$lib/server/table-file';
import { fileName, needsSheet } from '../export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const access = await requireRoundAccess(event, event.params.id);
	const { round, header, rows } = await needsSheet(access, event.locals.locale, 'xlsx');
	// Title and description (columns 4 and 5) get room; the rest are short.
	const buffer = await writeXlsx({ sheet: 'needs', header, rows, widths: { 3: 40, 4: 40 } });
	return downloadResponse(buffer, 'xlsx', fileName(round.slug, 'xlsx'));
};
