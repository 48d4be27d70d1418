import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listCategories, saveCategory, setCategoryRetired } from '$lib/server/categories';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { categorySchema } from '$lib/schemas/needs';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return {
		categories: await listCategories(getDb(), { withRetired: true }),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'admin');
		const raw = formValues(await event.request.formData());
		const values = { key: raw.key ?? '', name_zh: raw.name_zh ?? '', name_en: raw.name_en ?? '' };
		const parsed = categorySchema.safeParse(values);
		if (!parsed.success) return fail(400, { key: raw.original ?? '', values, errors: fieldErrors(parsed.error) });
		await saveCategory(getDb(), parsed.data, user.id);
		redirect(303, '/admin/categories?saved');
	},
	retire: async (event) => {
		const user = requireRole(event, 'admin');
		const data = await event.request.formData();
		const key = String(data.get('key') ?? '');
		const retired = data.get('retired') === '1';
		await setCategoryRetired(getDb(), key, retired, user.id);
		redirect(303, '/admin/categories?saved');
	}
};
