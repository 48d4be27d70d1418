import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { answerQuestion, listQuestionsForAdmin, questionsCloseAt, setQuestionDeadline } from '$lib/server/questions';
import { httpStatus } from '$lib/server/outcome';
import { utcToZonedInput, zonedToUtc } from '$lib/domain/time';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { answerSchema, questionDeadlineSchema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	return {
		round: { id: round.id, slug: round.slug, title: round.title, timeZone: round.time_zone },
		closesAt: questionsCloseAt(round),
		closesAtInput: round.questions_close_at ? utcToZonedInput(round.questions_close_at, round.time_zone) : '',
		questions: await listQuestionsForAdmin(getDb(), round.id),
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const parsed = answerSchema.safeParse(values);
		if (!parsed.success) return fail(400, { questionId: values.questionId, values, errors: fieldErrors(parsed.error) });
		const result = await answerQuestion(getDb(), { roundId: round.id, questionId: parsed.data.questionId, actorId: user.id, answer: parsed.data.answer });
		if (!result.ok) return fail(httpStatus(result), { questionId: values.questionId, values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/questions?done=answered`);
	},
	deadline: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const parsed = questionDeadlineSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const at = parsed.data.closesAt ? zonedToUtc(parsed.data.closesAt, round.time_zone) : null;
		if (parsed.data.closesAt && !at) return fail(400, { values, errors: { closesAt: { key: 'err.date' as const } } });
		await setQuestionDeadline(getDb(), { roundId: round.id, actorId: user.id, at });
		redirect(303, `/admin/rounds/${round.id}/questions?done=deadline`);
	}
};
