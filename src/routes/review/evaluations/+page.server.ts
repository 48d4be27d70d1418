import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { evaluatorQueue } from '$lib/server/evaluations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'reviewer');
	return { evaluations: await evaluatorQueue(getDb(), user.id), declared: event.url.searchParams.has('declared') };
};
