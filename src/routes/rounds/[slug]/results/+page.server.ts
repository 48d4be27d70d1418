import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getRoundBySlug, phaseOf } from '$lib/server/rounds';
import { listResults } from '$lib/server/decisions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const db = getDb();
	const round = await getRoundBySlug(db, params.slug);
	if (!round || phaseOf(round) === 'draft') error(404, 'not found');
	return {
		round: { slug: round.slug, title: round.title, timeZone: round.time_zone },
		results: await listResults(db, round.id)
	};
};
