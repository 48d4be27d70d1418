import { requireRoundAccess } from '$lib/server/auth/guard';
import { writeXlsx } from '$lib/server/table-file';
import { fileName, needsSheet } from '../export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const access = await requireRoundAccess(event, event.params.id);
	const { round, header, rows } = await needsSheet(access, event.locals.locale, 'xlsx');
	// Title and description (columns 4 and 5) get room; the rest are short.
	const buffer = await writeXlsx({ sheet: 'needs', header, rows, widths: { 3: 40, 4: 40 } });
	return new Response(new Uint8Array(buffer), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${fileName(round.slug, 'xlsx')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
