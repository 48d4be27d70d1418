import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listReviewerProfiles, updateReviewerProfile } from '$lib/server/reviewers';
import { listOrganisationNames } from '$lib/server/organisations';
import { fieldErrors } from '$lib/schemas/form';
import { reviewerProfileSchema as schema } from '$lib/schemas/review';
import { SERVICE_CATEGORIES } from '$lib/domain/catalogue';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const [reviewers, organisations] = await Promise.all([
		listReviewerProfiles(db),
		listOrganisationNames(db)
	]);
	return {
		reviewers: reviewers.map((r) => ({
			id: r.id,
			name: r.name,
			email: r.email,
			organisationId: r.organisationId,
			active: r.active,
			expertise: r.expertise
		})),
		organisations,
		categories: SERVICE_CATEGORIES
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const data = await event.request.formData();
		const values = {
			reviewerId: String(data.get('reviewerId') ?? ''),
			organisationId: String(data.get('organisationId') ?? ''),
			categories: data.getAll('categories').map(String)
		};
		const reviewerId = Number(values.reviewerId) || null;
		const parsed = schema.safeParse(values);
		if (!parsed.success) return fail(400, { reviewerId, values, errors: fieldErrors(parsed.error) });
		const result = await updateReviewerProfile(getDb(), { ...parsed.data, actorId: user.id });
		if (!result.ok) return fail(400, { reviewerId, values, errors: result.errors });
		redirect(303, `/admin/reviewers?saved=1#r-${parsed.data.reviewerId}`);
	}
};
