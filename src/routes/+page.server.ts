import { getDb } from '$lib/server/db';
import { currentRound, listPublicRounds, publicRoundView } from '$lib/server/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = getDb();
	const now = new Date();
	const current = await currentRound(db, now);
	const others = (await listPublicRounds(db, now)).filter((r) => r.id !== current?.id);
	return {
		current: current ? publicRoundView(current, now) : null,
		earlier: others.map((r) => ({ slug: r.slug, title: r.title, year: r.year }))
	};
};
