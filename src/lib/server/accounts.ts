/**
 * An account's life after its invitation: disabled and enabled again, taken out of an
 * organisation when its holder leaves, and a pending invitation revoked. Each change and its
 * audit entry are one transaction; a change that takes access away ends the sessions at once
 * (the session check reads the account's row on every request, so the next request is refused).
 */
import type { DB } from './db';
import { writeTransaction } from './db';
import { audit } from './audit';
import { invalidateUserSessions } from './auth/session';
import { notFound, ok, refuse, type Outcome } from './outcome';

interface AccountChange {
	actorId: number;
	userId: number;
	reason: string;
}

async function lockedUser(db: DB, userId: number) {
	return db
		.selectFrom('users')
		.select(['id', 'role', 'organisation_id', 'disabled_at'])
		.where('id', '=', userId)
		.forUpdate()
		.executeTakeFirst();
}

/**
 * Disables an account: it cannot sign in, and its open sessions end now. An admin cannot disable
 * their own account (nobody could then enable it from that browser), nor the last active admin.
 */
export async function disableUser(db: DB, input: AccountChange, now = new Date()): Promise<Outcome> {
	if (input.actorId === input.userId) return refuse('people.err.disableSelf', undefined, 409);
	return writeTransaction(db, async (trx) => {
		const user = await lockedUser(trx, input.userId);
		if (!user) return notFound();
		if (user.disabled_at) return refuse('people.err.alreadyDisabled', undefined, 409);
		if (user.role === 'admin') {
			const admins = await trx
				.selectFrom('users')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('role', '=', 'admin')
				.where('disabled_at', 'is', null)
				.executeTakeFirstOrThrow();
			if (Number(admins.n) <= 1) return refuse('people.err.lastAdmin', undefined, 409);
		}
		await trx.updateTable('users').set({ disabled_at: now.toISOString() }).where('id', '=', user.id).execute();
		await invalidateUserSessions(trx, user.id);
		// A reset link issued before must not bring the account back.
		await trx.deleteFrom('password_resets').where('user_id', '=', user.id).where('used_at', 'is', null).execute();
		await audit(trx, { actorId: input.actorId, action: 'user.disable', entity: 'user', entityId: user.id, reason: input.reason });
		return ok();
	});
}

/** Enables a disabled account again: its holder signs in with their password as before. */
export async function enableUser(db: DB, input: AccountChange): Promise<Outcome> {
	return writeTransaction(db, async (trx) => {
		const user = await lockedUser(trx, input.userId);
		if (!user) return notFound();
		if (!user.disabled_at) return refuse('people.err.notDisabled', undefined, 409);
		await trx.updateTable('users').set({ disabled_at: null }).where('id', '=', user.id).execute();
		await audit(trx, { actorId: input.actorId, action: 'user.enable', entity: 'user', entityId: user.id, reason: input.reason });
		return ok();
	});
}

/**
 * A station's staff member leaves the organisation: the account loses it (and with it every
 * proposal, attachment and notice of it) on its next request, and its sessions end, so that a
 * page left open shows nothing more. The account itself stays, to be invited to another
 * organisation or disabled.
 */
export async function leaveOrganisation(db: DB, input: AccountChange): Promise<Outcome> {
	return writeTransaction(db, async (trx) => {
		const user = await lockedUser(trx, input.userId);
		if (!user) return notFound();
		if (user.role !== 'station' || user.organisation_id === null) return refuse('people.err.noOrganisation', undefined, 409);
		await trx.updateTable('users').set({ organisation_id: null }).where('id', '=', user.id).execute();
		await invalidateUserSessions(trx, user.id);
		await audit(trx, {
			actorId: input.actorId,
			action: 'user.leave_organisation',
			entity: 'user',
			entityId: user.id,
			reason: input.reason,
			detail: { organisationId: user.organisation_id }
		});
		return ok();
	});
}

/** Revokes a pending invitation: its link stops working at once. A used one is an account already. */
export async function revokeInvitation(db: DB, input: { actorId: number; invitationId: string }): Promise<Outcome> {
	return writeTransaction(db, async (trx) => {
		const gone = await trx
			.deleteFrom('invitations')
			.where('id', '=', input.invitationId)
			.where('used_at', 'is', null)
			.executeTakeFirst();
		if (Number(gone.numDeletedRows) !== 1) return refuse('people.err.invitationGone', undefined, 409);
		await audit(trx, { actorId: input.actorId, action: 'invitation.revoke', entity: 'invitation', entityId: input.invitationId });
		return ok();
	});
}
