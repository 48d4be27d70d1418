import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPublicProject } from '$lib/server/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const id = Number(params.id);
	// Only funded projects of rounds with published results; anything else is simply not found.
	const project = Number.isSafeInteger(id) && id > 0 ? await getPublicProject(getDb(), id) : undefined;
	if (!project) error(404, 'not found');
	return { project };
};
