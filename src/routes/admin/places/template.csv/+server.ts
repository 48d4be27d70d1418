import { toCsv } from '$lib/domain/csv';
import { requireRole } from '$lib/server/auth/guard';
import type { RequestHandler } from './$types';

/** An example file in the format the import reads. */
export const GET: RequestHandler = (event) => {
	requireRole(event, 'admin');
	const body = toCsv(
		['区', '街道/镇', '社区/村'],
		[
			['海珠区', '南华西街', '龙导尾社区'],
			['海珠区', '南华西街', '洪德社区'],
			['越秀区', '北京街', '']
		]
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="places-template.csv"'
		}
	});
};
