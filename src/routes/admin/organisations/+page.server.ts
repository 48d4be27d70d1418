import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { createOrganisation, listOrganisations } from '$lib/server/organisations';
import { organisationProfileSchema } from '$lib/schemas/organisations';
import { fieldErrors, formValues } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

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
		const parsed = organisationProfileSchema.safeParse({
			street: '',
			registrationNo: '',
			communities: '',
			contactName: '',
			contactPhone: '',
			introduction: '',
			...values
		});
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await createOrganisation(getDb(), parsed.data, user.id);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(303, `/admin/organisations?created=${result.value}`);
	}
};
