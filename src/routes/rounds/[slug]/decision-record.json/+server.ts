import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { decisionRecord } from '$lib/server/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	const body = round ? await decisionRecord(db, round) : null;
	if (!body) error(404, 'not found');
	return json(body, { headers: { 'cache-control': 'no-cache', 'access-control-allow-origin': '*' } });
};
