import { getDb } from '$lib/server/db';
import { publicFunds } from '$lib/server/fund-disclosure';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { funds: await publicFunds(getDb()) };
};
