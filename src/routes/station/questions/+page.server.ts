import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStation } from '$lib/server/auth/guard';
import { askQuestion, listOwnQuestions, listPublicAnswers, questionsCloseAt } from '$lib/server/questions';
import { getRoundById, listRounds, phaseOf } from '$lib/server/rounds';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { questionSchema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organisationId } = requireStation(event);
	const db = getDb();
	const open = (await listRounds(db)).filter((r) => phaseOf(r) === 'applications');
	return {
		rounds: await Promise.all(
			open.map(async (r) => ({
				id: r.id,
				slug: r.slug,
				title: r.title,
				timeZone: r.time_zone,
				closesAt: questionsCloseAt(r),
				open: Date.parse(questionsCloseAt(r)) > Date.now(),
				answers: await listPublicAnswers(db, r.id),
				mine: await listOwnQuestions(db, r.id, organisationId)
			}))
		),
		asked: event.url.searchParams.has('asked')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, organisationId } = requireStation(event);
		const values = formValues(await event.request.formData());
		const parsed = questionSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const db = getDb();
		const round = await getRoundById(db, parsed.data.roundId);
		if (!round) return fail(400, { values, errors: { roundId: { key: 'err.choice' as const } } });
		const asked = await askQuestion(db, { round, organisationId, userId: user.id, question: parsed.data.question });
		if (!asked.ok) return fail(httpStatus(asked), { values, errors: asked.errors });
		redirect(303, '/station/questions?asked=1');
	}
};
