import { getDb } from '$lib/server/db';
import { listPublicRounds, phaseOf, publicRoundView } from '$lib/server/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const now = new Date();
	const rounds = await listPublicRounds(getDb(), now);
	const open = rounds.filter((r) => phaseOf(r, now) !== 'closed');
	const closed = rounds.filter((r) => phaseOf(r, now) === 'closed');
	return {
		open: open.map((r) => publicRoundView(r, now)),
		earlier: closed.map((r) => ({ slug: r.slug, title: r.title, year: r.year }))
	};
};
