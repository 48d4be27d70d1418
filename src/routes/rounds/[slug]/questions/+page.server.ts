import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { listPublicAnswers, questionsCloseAt } from '$lib/server/questions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	if (!round) error(404, 'not found');
	return {
		round: { slug: round.slug, title: round.title, timeZone: round.time_zone, closesAt: questionsCloseAt(round) },
		answers: await listPublicAnswers(db, round.id)
	};
};
