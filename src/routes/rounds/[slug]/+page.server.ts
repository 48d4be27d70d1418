import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug, publicRoundView } from '$lib/server/rounds';
import { roundSources } from '$lib/server/fund-disclosure';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	// A draft round is the admins' alone: to everyone else it does not exist yet.
	const round = await publicRoundBySlug(getDb(), params.slug);
	if (!round) error(404, 'not found');
	return { round: publicRoundView(round), sources: await roundSources(getDb(), round.id) };
};
