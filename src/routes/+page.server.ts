import { getDb } from '$lib/server/db';
import { listPublicRounds, phaseOf, publicRoundView } from '$lib/server/rounds';
import { findRounds } from '$lib/server/fund-rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const now = new Date();
	const rounds = await listPublicRounds(getDb(), now);
	const open = rounds.filter((r) => phaseOf(r, now) !== 'closed');
	const closed = rounds.filter((r) => phaseOf(r, now) === 'closed');
	return {
		open: open.map((r) => publicRoundView(r, now)),
		earlier: closed.map((r) => ({ slug: r.slug, title: r.title, year: r.year })),
		// A resident's street's fund and its rounds: a GET form, district first, then street.
		finder: await findRounds(getDb(), { district: url.searchParams.get('district'), street: url.searchParams.get('street') }, now)
	};
};
