import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug, publicRoundView } from '$lib/server/rounds';
import { roundSources } from '$lib/server/fund-disclosure';
import { lotteryRecordOf } from '$lib/server/grey-zone-lottery';
import { roundPaidOfAwarded } from '$lib/server/grant-views';
import { roundMatching } from '$lib/server/matching';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	// A draft round is the admins' alone: to everyone else it does not exist yet.
	const round = await publicRoundBySlug(getDb(), params.slug);
	if (!round) error(404, 'not found');
	// A grey-zone lottery's commitment is public from the moment it is recorded; its seed once drawn.
	const [lottery, money] = await Promise.all([lotteryRecordOf(getDb(), round.id), roundPaidOfAwarded(getDb(), round)]);
	return {
		round: publicRoundView(round),
		// Once the list is confirmed: paid of awarded, as on the stats page.
		money,
		sources: await roundSources(getDb(), round.id),
		// Pledged and delivered matching: memo entries, shown once a project signed.
		matching: await roundMatching(getDb(), round.id).then((m) => (m.entries.length ? { pledged: m.pledged, delivered: m.delivered } : null)),
		lottery: lottery && {
			recordedAt: lottery.recordedAt,
			zone: lottery.zone.map((z) => z.id),
			commitment: lottery.commitment,
			seed: lottery.seed,
			drawnAt: lottery.drawnAt,
			drawnOrder: lottery.drawnOrder
		}
	};
};
