import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { createInvitation } from '$lib/server/auth/invite';
import { findUserByEmail, listUsers } from '$lib/server/users';
import { getOrganisation, listOrganisations, listPendingInvitations } from '$lib/server/organisations';
import { fieldErrors, formValues, type FieldErrors } from '$lib/schemas/form';
import { invitationSchema as schema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const [users, invitations, organisations] = await Promise.all([
		listUsers(db),
		listPendingInvitations(db),
		listOrganisations(db)
	]);
	return {
		users: users.map((u) => ({
			id: u.id,
			email: u.email,
			name: u.name,
			role: u.role,
			organisationName: u.organisation_name,
			createdAt: u.created_at,
			disabled: u.disabled_at !== null
		})),
		invitations: invitations.map((i) => ({
			id: i.id,
			email: i.email,
			name: i.name,
			role: i.role,
			organisationName: i.organisation_name,
			expiresAt: i.expires_at
		})),
		organisations: organisations.map((o) => ({ id: o.id, name: o.name }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = schema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const db = getDb();
		const { email, name, role, organisationId } = parsed.data;
		let errors: FieldErrors | null = null;
		if (await findUserByEmail(db, email)) errors = { email: { key: 'users.err.emailTaken' } };
		else if (role === 'station' && !(organisationId !== null && (await getOrganisation(db, organisationId)))) {
			errors = { organisationId: { key: 'err.choice' } };
		}
		if (errors) return fail(400, { values, errors });
		const invitation = await createInvitation(db, {
			email,
			name,
			role,
			organisationId: role === 'station' ? organisationId : null,
			createdBy: user.id
		});
		// Shown this once: only a hash of the secret is kept, so the link cannot be shown again.
		return {
			invited: {
				email: email.trim().toLowerCase(),
				link: `${event.url.origin}/invite/${invitation.token}`,
				expiresAt: invitation.expiresAt.toISOString(),
				replaced: invitation.replaced > 0
			}
		};
	}
};
