import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { fundDisclosure } from '$lib/server/fund-disclosure';
import { roundsOfFund } from '$lib/server/fund-rounds';
import type { PageServerLoad } from './$types';

/** The incomes the page lists; the disclosure report lists them all. */
const RECENT_INCOMES = 30;

export const load: PageServerLoad = async ({ params }) => {
	const id = /^\d{1,12}$/.test(params.id) ? Number(params.id) : 0;
	const d = await fundDisclosure(getDb(), id);
	if (!d) error(404, 'not found');
	const live = d.incomes.filter((i) => i.reversesId === null && !i.reversed);
	return {
		disclosure: { ...d, incomes: live.slice(-RECENT_INCOMES).reverse() },
		incomeCount: live.length,
		rounds: await roundsOfFund(getDb(), id)
	};
};
