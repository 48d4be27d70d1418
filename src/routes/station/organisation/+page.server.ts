import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStation } from '$lib/server/auth/guard';
import { getOrganisationProfile, updateOrganisationProfile } from '$lib/server/organisations';
import { saveProfile } from '$lib/server/organisation-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organisationId } = requireStation(event);
	const profile = await getOrganisationProfile(getDb(), organisationId);
	if (!profile) error(403, 'forbidden');
	return { profile, saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async (event) => {
		const { user, organisationId } = requireStation(event);
		const { values, saved } = await saveProfile(event.request, (input) => updateOrganisationProfile(getDb(), organisationId, input, user.id));
		if (!saved.ok) return fail(400, { values, errors: saved.errors });
		redirect(303, '/station/organisation?saved');
	}
};
