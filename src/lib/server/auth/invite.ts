import type { DB } from '../db';
import { lockName } from '../db';
import { ok, refuse, type Outcome, type Refusal } from '../outcome';
import { randomString, sameDigest, sha256Hex } from '../random';
import type { Role } from '../schema';
import { audit } from '../audit';
import { normaliseEmail } from '../users';
import { hashPassword } from './password';

export const INVITE_DAYS = 7;

/**
 * An invitation link `/invite/<id>.<secret>`: single use, expiring, and only a hash of the
 * secret is stored, so a copy of the database cannot be used to accept it. A new invitation for
 * an email replaces its pending ones (their links stop working), so one email never has two:
 * `replaced` says how many.
 */
export async function createInvitation(
	db: DB,
	input: { email: string; name: string; role: Role; organisationId: number | null; fundId?: number | null; createdBy: number },
	now = new Date()
): Promise<{ token: string; expiresAt: Date; replaced: number }> {
	const id = randomString(16);
	const secret = randomString(24);
	const expiresAt = new Date(now.getTime() + INVITE_DAYS * 24 * 60 * 60 * 1000);
	const email = normaliseEmail(input.email);
	const replaced = await db.transaction().execute(async (trx) => {
		// Two invitations of one address sent at once replace each other in turn, not side by side.
		await lockName(trx, `invitation:${email}`);
		const dropped = await trx.deleteFrom('invitations').where('email', '=', email).where('used_at', 'is', null).executeTakeFirst();
		await trx
			.insertInto('invitations')
			.values({
				id,
				token_hash: sha256Hex(secret),
				email,
				name: input.name.trim(),
				role: input.role,
				// A fund admin's organisation, when given, is the station that operates the fund.
				organisation_id: input.role === 'station' || input.role === 'fund_admin' ? input.organisationId : null,
				fund_id: input.role === 'fund_admin' ? (input.fundId ?? null) : null,
				created_by: input.createdBy,
				created_at: now.toISOString(),
				expires_at: expiresAt.toISOString()
			})
			.execute();
		const count = Number(dropped.numDeletedRows);
		await audit(trx, {
			actorId: input.createdBy,
			action: 'invitation.create',
			entity: 'invitation',
			entityId: id,
			detail: { role: input.role, organisationId: input.organisationId, fundId: input.fundId ?? null, replaced: count }
		});
		return count;
	});
	return { token: `${id}.${secret}`, expiresAt, replaced };
}

export type InvitationState = 'valid' | 'unknown' | 'used' | 'expired';

async function findInvitation(db: DB, token: string) {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return undefined;
	const row = await db
		.selectFrom('invitations')
		.leftJoin('organisations', 'organisations.id', 'invitations.organisation_id')
		.select([
			'invitations.id',
			'invitations.token_hash',
			'invitations.email',
			'invitations.name',
			'invitations.role',
			'invitations.organisation_id',
			'invitations.fund_id',
			'invitations.expires_at',
			'invitations.used_at',
			'invitations.used_by',
			'organisations.name as organisation_name'
		])
		.where('invitations.id', '=', id)
		.executeTakeFirst();
	return row && sameDigest(sha256Hex(secret), row.token_hash) ? row : undefined;
}

export async function checkInvitation(db: DB, token: string, now = new Date()) {
	const row = await findInvitation(db, token);
	let state: InvitationState = 'valid';
	if (!row) state = 'unknown';
	else if (row.used_at) state = 'used';
	else if (Date.parse(row.expires_at) <= now.getTime()) state = 'expired';
	return { state, invitation: row };
}

/** The account an invitation made, once it is accepted (for a resent accept of the same form). */
export async function acceptedBy(db: DB, token: string): Promise<number | null> {
	return (await findInvitation(db, token))?.used_by ?? null;
}

/** Thrown inside the accept's transaction to undo it when the email was taken meanwhile. */
class EmailTaken extends Error {}

/** An invitation that cannot be accepted: unknown, used or expired (410), or its email taken (409). */
function notAcceptable(reason: Exclude<InvitationState, 'valid'> | 'email_taken'): Refusal {
	return refuse(`invite.${reason}`, undefined, reason === 'email_taken' ? 409 : 410);
}

/**
 * Creates the account and spends the invitation; gives back the new user's id and role. Two
 * accepts at once make one account: the invitation is spent by a conditional update, and an
 * account made for the same email by another invitation meanwhile is refused as
 * `invite.email_taken`, never a constraint error.
 */
export async function acceptInvitation(
	db: DB,
	token: string,
	input: { name: string; password: string },
	now = new Date()
): Promise<Outcome<{ userId: number; role: Role }>> {
	const { state, invitation } = await checkInvitation(db, token, now);
	if (!invitation) return notAcceptable('unknown');
	if (state !== 'valid') return notAcceptable(state);
	const taken = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', invitation.email)
		.executeTakeFirst();
	if (taken) return notAcceptable('email_taken');
	const passwordHash = await hashPassword(input.password);
	let userId: number | null;
	try {
		userId = await db.transaction().execute(async (trx) => {
			// Spend the invitation first, so that two tabs accepting it at once make one account.
			const spent = await trx
				.updateTable('invitations')
				.set({ used_at: now.toISOString() })
				.where('id', '=', invitation.id)
				.where('used_at', 'is', null)
				.executeTakeFirst();
			if (Number(spent.numUpdatedRows) !== 1) return null;
			const user = await trx
				.insertInto('users')
				.values({
					email: invitation.email,
					name: input.name.trim(),
					password_hash: passwordHash,
					role: invitation.role,
					organisation_id: invitation.organisation_id,
					fund_id: invitation.fund_id,
					created_at: now.toISOString()
				})
				// Another invitation for the same email was accepted meanwhile.
				.onConflict((oc) => oc.column('email').doNothing())
				.returning('id')
				.executeTakeFirst();
			if (!user) throw new EmailTaken();
			await trx
				.updateTable('invitations')
				.set({ used_by: user.id })
				.where('id', '=', invitation.id)
				.execute();
			return user.id;
		});
	} catch (e) {
		if (e instanceof EmailTaken) return notAcceptable('email_taken');
		throw e;
	}
	if (userId === null) return notAcceptable('used');
	await audit(db, {
		actorId: userId,
		action: 'invitation.accept',
		entity: 'user',
		entityId: userId,
		detail: { invitation: invitation.id, role: invitation.role }
	});
	return ok({ userId, role: invitation.role });
}
