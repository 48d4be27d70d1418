import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { roundLedger } from '$lib/server/fund-disclosure';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	if (!round) error(404, 'not found');
	return json(await roundLedger(db, round), { headers: { 'cache-control': 'no-cache', 'access-control-allow-origin': '*' } });
};
