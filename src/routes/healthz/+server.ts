import { getDb } from '$lib/server/db';
import { databaseAnswers } from '$lib/server/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	if (!(await databaseAnswers(getDb()))) return new Response('database unavailable', { status: 503 });
	return new Response('ok', {
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
};
