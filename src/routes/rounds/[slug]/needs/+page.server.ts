import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { phaseOf, publicRoundBySlug } from '$lib/server/rounds';
import { boardPlaces, listPublishedNeeds } from '$lib/server/needs';
import { listCategories } from '$lib/server/categories';
import { BOARD_SORTS, BOARD_STATUSES, SEARCH_MAX } from '$lib/schemas/needs';
import type { PageServerLoad } from './$types';

/** A filter value from the query string, kept only when it is on the list. */
function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
	return value && (list as readonly string[]).includes(value) ? (value as T) : null;
}

export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	if (!round) error(404, 'not found');
	const [places, categories] = await Promise.all([
		boardPlaces(db, round.id),
		listCategories(db, { withRetired: true })
	]);
	const get = (name: string) => url.searchParams.get(name);
	const district = oneOf(places.map((p) => p.district), get('district'));
	const street = district
		? oneOf(places.find((p) => p.district === district)!.streets, get('street'))
		: null;
	const category = oneOf(categories.map((c) => c.key), get('category'));
	const status = oneOf(BOARD_STATUSES, get('status'));
	const sort = oneOf(BOARD_SORTS, get('sort')) ?? 'newest';
	const q = (get('q') ?? '').trim().slice(0, SEARCH_MAX);
	const page = Math.max(1, Math.min(10_000, Number.parseInt(get('page') ?? '', 10) || 1));
	const { items, total, pageSize } = await listPublishedNeeds(db, round.id, {
		district,
		street,
		category,
		status,
		q,
		sort,
		page
	});
	return {
		round: { slug: round.slug, title: round.title, timeZone: round.time_zone },
		callOpen: phaseOf(round) === 'needs_call',
		places,
		categories,
		filter: { district, street, category, status, sort, q },
		needs: items,
		total,
		page,
		pages: Math.max(1, Math.ceil(total / pageSize))
	};
};
