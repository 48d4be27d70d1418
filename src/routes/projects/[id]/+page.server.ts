import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPublicProject } from '$lib/server/results';
import { publicImplementation } from '$lib/server/grant-views';
import { publicPhotos } from '$lib/server/report-files';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const id = Number(params.id);
	// Only funded projects of rounds with published results; anything else is simply not found.
	const project = Number.isSafeInteger(id) && id > 0 ? await getPublicProject(getDb(), id) : undefined;
	if (!project) error(404, 'not found');
	const impl = await publicImplementation(getDb(), id);
	const implementation = impl && {
		stage: impl.stage,
		progress: impl.progress,
		awardedFen: impl.awardedFen,
		paidFen: impl.paidFen,
		returnedFen: impl.returnedFen,
		closingNote: impl.closingNote,
		timeZone: impl.timeZone,
		timeline: impl.timeline,
		spentFen: impl.spentFen,
		outcome: impl.outcome,
		evaluation: impl.evaluation
	};
	// Only the report photos an admin approved, one by one.
	return { project, implementation: implementation ?? null, photos: await publicPhotos(getDb(), id) };
};
