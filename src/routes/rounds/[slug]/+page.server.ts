import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getRoundBySlug, phaseOf, publicRoundView } from '$lib/server/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const round = await getRoundBySlug(getDb(), params.slug);
	// A draft round is the admins' alone: to everyone else it does not exist yet.
	if (!round || phaseOf(round) === 'draft') error(404, 'not found');
	return { round: publicRoundView(round) };
};
