import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { createInvitation } from '$lib/server/auth/invite';
import { findUserByEmail, listUsers } from '$lib/server/users';
import { getOrganisation, listOrganisations, listPendingInvitations } from '$lib/server/organisations';
import { fieldErrors, formValues, type FieldErrors } from '$lib/schemas/form';
import { accountChangeSchema, accountSchema, invitationIdSchema, invitationSchema as schema } from '$lib/schemas/users';
import { disableUser, enableUser, leaveOrganisation, revokeInvitation } from '$lib/server/accounts';
import { issuePasswordReset, RESET_MINUTES } from '$lib/server/auth/reset';
import { setTwoFactorRequired, twoFactorRequired } from '$lib/server/auth/two-factor';
import { mailConfigured } from '$lib/server/mail';
import { getFund, listFunds } from '$lib/server/funds';
import { httpStatus, type Outcome } from '$lib/server/outcome';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin');
	const db = getDb();
	const [users, invitations, organisations, funds] = await Promise.all([
		listUsers(db),
		listPendingInvitations(db),
		listOrganisations(db),
		listFunds(db)
	]);
	return {
		users: users.map((u) => ({
			id: u.id,
			email: u.email,
			name: u.name,
			role: u.role,
			organisationName: u.organisation_name,
			createdAt: u.created_at,
			disabled: u.disabled_at !== null,
			self: u.id === user.id
		})),
		invitations: invitations.map((i) => ({
			id: i.id,
			email: i.email,
			name: i.name,
			role: i.role,
			organisationName: i.organisation_name,
			expiresAt: i.expires_at
		})),
		organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
		funds: funds.map((f) => ({ id: f.id, name: f.name })),
		done: event.url.searchParams.get('done'),
		twoFactorRequired: await twoFactorRequired(db)
	};
};

/** An account change with a reason (disable, enable, leave): checked, done, and back to the list. */
function accountChange(change: typeof disableUser | typeof enableUser | typeof leaveOrganisation, done: string) {
	return async (event: Parameters<Actions[string]>[0]) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = accountChangeSchema.safeParse(values);
		if (!parsed.success) return fail(400, { account: values.userId, values, errors: fieldErrors(parsed.error) });
		const result: Outcome = await change(getDb(), { actorId: user.id, userId: parsed.data.userId, reason: parsed.data.reason });
		if (!result.ok) return fail(httpStatus(result), { account: values.userId, values, errors: result.errors });
		redirect(303, `/admin/users?done=${done}`);
	};
}

export const actions: Actions = {
	invite: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = schema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const db = getDb();
		const { email, name, role, organisationId, fundId } = parsed.data;
		// A fund admin's organisation is optional (the station operating the fund); a station's is not.
		const withOrganisation = role === 'station' || (role === 'fund_admin' && organisationId !== null);
		let errors: FieldErrors | null = null;
		if (await findUserByEmail(db, email)) errors = { email: { key: 'users.err.emailTaken' } };
		else if (withOrganisation && !(organisationId !== null && (await getOrganisation(db, organisationId)))) {
			errors = { organisationId: { key: 'err.choice' } };
		} else if (role === 'fund_admin' && !(fundId !== null && (await getFund(db, fundId)))) {
			errors = { fundId: { key: 'err.choice' } };
		}
		if (errors) return fail(400, { values, errors });
		const invitation = await createInvitation(db, {
			email,
			name,
			role,
			organisationId: withOrganisation ? organisationId : null,
			fundId: role === 'fund_admin' ? fundId : null,
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
	},
	disable: accountChange(disableUser, 'disabled'),
	enable: accountChange(enableUser, 'enabled'),
	leave: accountChange(leaveOrganisation, 'left'),
	revoke: async (event) => {
		const user = requireRole(event, 'admin');
		const parsed = invitationIdSchema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await revokeInvitation(getDb(), { actorId: user.id, invitationId: parsed.data.id });
		if (!result.ok) return fail(httpStatus(result), { errors: result.errors });
		redirect(303, '/admin/users?done=revoked');
	},
	reset: async (event) => {
		const user = requireRole(event, 'admin');
		const parsed = accountSchema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await issuePasswordReset(getDb(), { actorId: user.id, userId: parsed.data.userId, origin: event.url.origin });
		if (!result.ok) return fail(httpStatus(result), { errors: result.errors });
		// Shown this once, like an invitation: only a hash of the link's secret is kept.
		return {
			reset: {
				name: result.value.name,
				link: result.value.link,
				minutes: RESET_MINUTES,
				expiresAt: result.value.expiresAt.toISOString(),
				mailed: mailConfigured()
			}
		};
	},
	/** Whether admins must sign in with a second factor (the environment may force it on). */
	twoFactor: async (event) => {
		const user = requireRole(event, 'admin');
		const required = (await event.request.formData()).get('required') === 'on';
		await setTwoFactorRequired(getDb(), { required, actorId: user.id });
		redirect(303, `/admin/users?done=${required ? 'twoFactorOn' : 'twoFactorOff'}`);
	}
};
