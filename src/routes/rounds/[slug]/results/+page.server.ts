import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { listResults, publishedRecord } from '$lib/server/results';
import { rankedPage } from '$lib/domain/ranked-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	if (!round) error(404, 'not found');
	const results = await listResults(db, round.id);
	const district = url.searchParams.get('district')?.slice(0, 50) || '';
	const category = url.searchParams.get('category')?.slice(0, 50) || '';
	const projects = results?.projects ?? [];
	const match = (p: (typeof projects)[number]) =>
		(!district || p.district === district) && (!category || p.categories.includes(category));
	const shown = projects.filter(match);
	const { funded, others, ...list } = rankedPage(shown, url.searchParams.get('page'), url.searchParams.has('all'));
	return {
		round: { slug: round.slug, title: round.title, timeZone: round.time_zone },
		onNotice: !results && !!round.notice_published_at,
		filter: { district, category },
		districts: [...new Set(projects.map((p) => p.district))].sort(),
		categories: [...new Set(projects.flatMap((p) => p.categories))].sort(),
		record: await publishedRecord(db, round).then((r) => r && { version: r.version, createdAt: r.createdAt, reason: r.reason }),
		results: results && {
			publishedAt: results.publishedAt,
			totals: results.totals,
			fundedShown: shown.filter((p) => p.funded).length,
			funded,
			others,
			list
		}
	};
};
