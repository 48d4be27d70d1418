import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { createRound, getRoundById, getRoundBySlug } from '$lib/server/rounds';
import { newRoundFormValues } from '$lib/server/round-form';
import { listTemplateRounds, templateFormValues } from '$lib/server/round-template';
import { roundSchema, templateChoiceSchema } from '$lib/schemas/rounds';
import { fieldError, fieldErrors, formError, formValues } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const choice = templateChoiceSchema.safeParse({ templateId: event.url.searchParams.get('from') ?? '' });
	const template = choice.success && choice.data.templateId ? await getRoundById(db, choice.data.templateId) : undefined;
	return {
		values: template ? templateFormValues(template) : newRoundFormValues(),
		template: template ? { id: template.id, title: template.title } : null,
		templates: await listTemplateRounds(db)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = roundSchema.safeParse(values);
		const choice = templateChoiceSchema.safeParse(values);
		if (!parsed.success || !choice.success) {
			return fail(400, { values, errors: fieldErrors((parsed.error ?? choice.error)!) });
		}
		const db = getDb();
		const template = choice.data.templateId ? await getRoundById(db, choice.data.templateId) : undefined;
		if (choice.data.templateId && !template) {
			return fail(400, { values, errors: formError('round.template.gone') });
		}
		if (await getRoundBySlug(db, parsed.data.slug)) {
			return fail(400, { values, errors: fieldError('slug', 'round.err.slugTaken') });
		}
		const id = await createRound(db, parsed.data, user.id, template);
		redirect(303, `/admin/rounds/${id}?created=${template ? 'template' : '1'}`);
	}
};
