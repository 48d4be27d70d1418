import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { disclosureDay, roundDisclosure } from '$lib/server/round-disclosure';
import { qrSvg } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

/** Public, like the fund's disclosure: only the public facts of the round's funded projects. */
export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDb();
	const round = await publicRoundBySlug(db, params.slug);
	if (!round) error(404, 'not found');
	const now = new Date();
	const { asOf, invalid } = disclosureDay(round, url.searchParams.get('asOf'), now);
	const pageUrl = `${url.origin}/rounds/${round.slug}/disclosure?asOf=${asOf}`;
	return {
		disclosure: await roundDisclosure(db, round, asOf, now),
		invalid,
		printed: { url: pageUrl, qrSvg: await qrSvg(pageUrl), renderedAt: now.toISOString() }
	};
};
