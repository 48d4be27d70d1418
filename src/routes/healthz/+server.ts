import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	try {
		await sql`select 1`.execute(getDb());
		return new Response('ok', {
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	} catch {
		return new Response('database unavailable', { status: 503 });
	}
};
