import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { roundStats } from '$lib/server/stats';
import { implementationStats } from '$lib/server/implementation-stats';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	if (!round) error(404, 'not found');
	const stats = await roundStats(db, round);
	// After confirmation: what the funded projects did (reports, grades, outcomes, matching realised).
	const implementation = stats.final ? await implementationStats(db, round) : null;
	return { round: { slug: round.slug, title: round.title }, stats, implementation };
};
