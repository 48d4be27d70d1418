import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { createRound, getRoundBySlug } from '$lib/server/rounds';
import { newRoundFormValues } from '$lib/server/round-form';
import { roundSchema } from '$lib/schemas/rounds';
import { fieldError, fieldErrors, formValues } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return { values: newRoundFormValues() };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = roundSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const db = getDb();
		if (await getRoundBySlug(db, parsed.data.slug)) {
			return fail(400, { values, errors: fieldError('slug', 'round.err.slugTaken') });
		}
		const id = await createRound(db, parsed.data, user.id);
		redirect(303, `/admin/rounds/${id}?created=1`);
	}
};
