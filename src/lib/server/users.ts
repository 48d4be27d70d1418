import type { DB } from './db';
import type { Role } from './schema';
import { hashPassword, verifyPassword } from './auth/password';
import { invalidateUserSessions } from './auth/session';
import { audit } from './audit';
import { ok, refuseField, type Outcome } from './outcome';

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DB, email: string) {
	return db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'role', 'password_hash', 'disabled_at', 'organisation_id', 'totp_enrolled_at'])
		.where('email', '=', normaliseEmail(email))
		.executeTakeFirst();
}

export async function createUser(
	db: DB,
	input: { email: string; name: string; password: string; role: Role; organisationId?: number | null; fundId?: number | null }
): Promise<number> {
	const row = await db
		.insertInto('users')
		.values({
			email: normaliseEmail(input.email),
			name: input.name.trim(),
			password_hash: await hashPassword(input.password),
			role: input.role,
			organisation_id: input.organisationId ?? null,
			fund_id: input.fundId ?? null,
			created_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/**
 * Changes a user's own password, after checking the current one: the new hash, the end of every
 * other session of theirs (someone who learnt the old password is signed out) and the audit
 * entry are one transaction.
 */
export async function changePassword(
	db: DB,
	input: { userId: number; current: string; password: string; keepSessionId?: string }
): Promise<Outcome> {
	const row = await db.selectFrom('users').select('password_hash').where('id', '=', input.userId).executeTakeFirst();
	if (!row || !(await verifyPassword(row.password_hash, input.current))) {
		return refuseField('current', 'password.wrongCurrent');
	}
	const passwordHash = await hashPassword(input.password);
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', input.userId).execute();
		await invalidateUserSessions(trx, input.userId, input.keepSessionId);
		await audit(trx, { actorId: input.userId, action: 'user.password_change', entity: 'user', entityId: input.userId });
	});
	return ok();
}

export async function listUsers(db: DB) {
	return db
		.selectFrom('users')
		.leftJoin('organisations', 'organisations.id', 'users.organisation_id')
		.select([
			'users.id',
			'users.email',
			'users.name',
			'users.role',
			'users.created_at',
			'users.disabled_at',
			'organisations.name as organisation_name'
		])
		.orderBy('users.role')
		.orderBy('users.id')
		.execute();
}

/** The admins by name: who may appear in the audit log as acting. */
export async function listAdmins(db: DB) {
	return db.selectFrom('users').select(['id', 'name']).where('role', '=', 'admin').orderBy('name').execute();
}

export async function listReviewers(db: DB) {
	return db
		.selectFrom('users')
		.select(['id', 'name', 'email', 'organisation_id'])
		.where('role', '=', 'reviewer')
		.where('disabled_at', 'is', null)
		.orderBy('name')
		.execute();
}
