import type { DB } from './db';
import type { Role } from './schema';
import { hashPassword } from './auth/password';

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DB, email: string) {
	return db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'role', 'password_hash', 'disabled_at', 'organisation_id'])
		.where('email', '=', normaliseEmail(email))
		.executeTakeFirst();
}

export async function createUser(
	db: DB,
	input: { email: string; name: string; password: string; role: Role; organisationId?: number | null }
): Promise<number> {
	const row = await db
		.insertInto('users')
		.values({
			email: normaliseEmail(input.email),
			name: input.name.trim(),
			password_hash: await hashPassword(input.password),
			role: input.role,
			organisation_id: input.organisationId ?? null,
			created_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function setPassword(db: DB, userId: number, password: string): Promise<void> {
	await db
		.updateTable('users')
		.set({ password_hash: await hashPassword(password) })
		.where('id', '=', userId)
		.execute();
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

export async function listReviewers(db: DB) {
	return db
		.selectFrom('users')
		.select(['id', 'name', 'email', 'organisation_id'])
		.where('role', '=', 'reviewer')
		.where('disabled_at', 'is', null)
		.orderBy('name')
		.execute();
}
