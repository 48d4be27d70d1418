import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { fundDisclosure } from '$lib/server/fund-disclosure';
import { fundToday } from '$lib/server/funds';
import { qrSvg } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const id = /^\d{1,12}$/.test(params.id) ? Number(params.id) : 0;
	const now = new Date();
	const disclosure = await fundDisclosure(getDb(), id, now);
	if (!disclosure) error(404, 'not found');
	const pageUrl = `${url.origin}/funds/${id}/disclosure`;
	return {
		disclosure,
		asOf: fundToday(now),
		printed: { url: pageUrl, qrSvg: await qrSvg(pageUrl), renderedAt: now.toISOString() }
	};
};
