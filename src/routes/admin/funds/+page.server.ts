import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listPlaceTree } from '$lib/server/places';
import { publicFunds } from '$lib/server/fund-disclosure';
import { saveFund } from '$lib/server/funds';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { fundSchema } from '$lib/schemas/funds';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	return {
		funds: await publicFunds(db),
		streets: (await listPlaceTree(db)).flatMap((d) => d.streets.map((s) => ({ value: s.id, label: `${d.name} · ${s.name}` })))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = fundSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const saved = await saveFund(getDb(), null, parsed.data, user.id);
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, `/admin/funds/${saved.value}?done=saved`);
	}
};
