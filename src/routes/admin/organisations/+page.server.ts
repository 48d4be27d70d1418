import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { createOrganisation, listOrganisations } from '$lib/server/organisations';
import { DISTRICTS, ORGANISATION_KINDS } from '$lib/domain/catalogue';
import { fieldErrors, formValues, text, type FieldErrors } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	name: text(60),
	kind: z.enum(ORGANISATION_KINDS),
	district: z.enum(DISTRICTS)
});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const organisations = await listOrganisations(getDb());
	const created = Number(event.url.searchParams.get('created'));
	return {
		organisations: organisations.map((o) => ({
			id: o.id,
			name: o.name,
			kind: o.kind,
			district: o.district,
			staffCount: Number(o.staff_count)
		})),
		createdName: organisations.find((o) => o.id === created)?.name ?? null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = schema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await createOrganisation(getDb(), parsed.data, user.id);
		if (!result.ok) {
			const errors: FieldErrors = { name: { key: 'org.err.nameTaken' } };
			return fail(400, { values, errors });
		}
		redirect(303, `/admin/organisations?created=${result.id}`);
	}
};
