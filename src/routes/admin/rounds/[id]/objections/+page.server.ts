import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { inPhase } from '$lib/server/rounds';
import { NOTICE_PHASES } from '$lib/domain/phases';
import { answerObjection, listObjectionsForAdmin } from '$lib/server/objections';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { objectionAnswerSchema as answerSchema } from '$lib/schemas/decisions';
import { recordContactView } from '$lib/server/privacy';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, round } = await requireRoundAccess(event, event.params.id);
	const db = getDb();
	const objections = await listObjectionsForAdmin(db, round.id);
	// Who was shown which objector's contact is in the audit log (PIPL).
	const withContact = objections.filter((o) => o.contact).map((o) => o.id);
	await recordContactView(db, { actorId: user.id, entity: 'objection', ids: withContact, where: 'objections' });
	return {
		round: { id: round.id, slug: round.slug, title: round.title, timeZone: round.time_zone },
		canAnswer: inPhase(round, NOTICE_PHASES) && !round.results_confirmed_at,
		objections
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const objectionId = Number(values.objectionId) || null;
		const parsed = answerSchema.safeParse(values);
		if (!parsed.success) return fail(400, { objectionId, values, errors: fieldErrors(parsed.error) });
		const result = await answerObjection(getDb(), { roundId: round.id, actorId: user.id, ...parsed.data });
		if (!result.ok) return fail(400, { objectionId, values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/objections?done=1#o-${parsed.data.objectionId}`);
	}
};
