import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { phaseOf } from '$lib/server/rounds';
import { listPublishedNeeds } from '$lib/server/needs';
import { publicRoundBySlug } from '$lib/server/rounds';
import { DISTRICTS, SERVICE_CATEGORIES } from '$lib/domain/catalogue';
import type { PageServerLoad } from './$types';

/** A filter value from the query string, kept only when it is on the list. */
function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
	return value && (list as readonly string[]).includes(value) ? (value as T) : null;
}

export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	if (!round) error(404, 'not found');
	const district = oneOf(DISTRICTS, url.searchParams.get('district'));
	const category = oneOf(SERVICE_CATEGORIES, url.searchParams.get('category'));
	const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '', 10) || 1));
	const { items, total, pageSize } = await listPublishedNeeds(db, round.id, { district, category, page });
	return {
		round: { slug: round.slug, title: round.title, timeZone: round.time_zone },
		callOpen: phaseOf(round) === 'needs_call',
		filter: { district, category },
		needs: items,
		total,
		page,
		pages: Math.max(1, Math.ceil(total / pageSize))
	};
};
