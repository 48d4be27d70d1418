import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { getOrganisationProfile, updateOrganisationProfile } from '$lib/server/organisations';
import { saveProfile } from '$lib/server/organisation-form';
import type { Actions, PageServerLoad } from './$types';

async function organisation(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireRole(event, 'admin');
	const id = Number(event.params.id);
	const profile = Number.isSafeInteger(id) ? await getOrganisationProfile(getDb(), id) : undefined;
	if (!profile) error(404, 'not found');
	return { user, profile };
}

export const load: PageServerLoad = async (event) => {
	const { profile } = await organisation(event);
	return { profile, saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async (event) => {
		const { user, profile } = await organisation(event);
		const { values, saved } = await saveProfile(event.request, (input) => updateOrganisationProfile(getDb(), profile.id, input, user.id));
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, `/admin/organisations/${profile.id}?saved`);
	}
};
