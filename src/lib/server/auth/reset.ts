/**
 * Password reset for someone who forgot theirs: an admin issues a single-use link that works for
 * RESET_MINUTES (shown to the admin once, and e-mailed to the account's address when SMTP is
 * set); setting a new password with it spends it and ends every session of the account, so
 * whoever may have learnt the old password is signed out everywhere.
 */
import type { DB } from '../db';
import { writeTransaction } from '../db';
import { audit } from '../audit';
import { translate } from '../../i18n';
import { enqueueMails } from '../outbox';
import { notFound, ok, refuse, type Outcome } from '../outcome';
import { randomString, sameDigest, sha256Hex } from '../random';
import type { Role } from '../schema';
import { hashPassword } from './password';
import { invalidateUserSessions } from './session';

export const RESET_MINUTES = 60;

/** Issues a reset link for an active account; earlier unused links of the account stop working. */
export async function issuePasswordReset(
	db: DB,
	input: { actorId: number; userId: number; origin: string },
	now = new Date()
): Promise<Outcome<{ link: string; expiresAt: Date; name: string }>> {
	const id = randomString(16);
	const secret = randomString(24);
	const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60_000);
	const link = `${input.origin}/reset/${id}.${secret}`;
	return writeTransaction(db, async (trx) => {
		const user = await trx.selectFrom('users').select(['id', 'name', 'email', 'disabled_at']).where('id', '=', input.userId).forUpdate().executeTakeFirst();
		if (!user) return notFound();
		if (user.disabled_at) return refuse('people.err.resetDisabled', undefined, 409);
		await trx.deleteFrom('password_resets').where('user_id', '=', user.id).where('used_at', 'is', null).execute();
		await trx
			.insertInto('password_resets')
			.values({
				id,
				token_hash: sha256Hex(secret),
				user_id: user.id,
				created_by: input.actorId,
				created_at: now.toISOString(),
				expires_at: expiresAt.toISOString()
			})
			.execute();
		const params = { minutes: RESET_MINUTES };
		await enqueueMails(
			trx,
			[
				{
					to: user.email,
					subject: translate('zh-CN', 'people.reset.mailSubject'),
					text: `${translate('zh-CN', 'people.reset.mailBody', params)}\n${translate('en', 'people.reset.mailBody', params)}\n\n${link}`
				}
			],
			now
		);
		await audit(trx, { actorId: input.actorId, action: 'user.password_reset_issue', entity: 'user', entityId: user.id });
		return ok({ link, expiresAt, name: user.name });
	});
}

export type ResetState = 'valid' | 'unknown' | 'used' | 'expired';

async function findReset(db: DB, token: string) {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return undefined;
	const row = await db
		.selectFrom('password_resets')
		.innerJoin('users', 'users.id', 'password_resets.user_id')
		.select([
			'password_resets.id',
			'password_resets.token_hash',
			'password_resets.expires_at',
			'password_resets.used_at',
			'users.id as user_id',
			'users.name',
			'users.role',
			'users.disabled_at'
		])
		.where('password_resets.id', '=', id)
		.executeTakeFirst();
	return row && sameDigest(sha256Hex(secret), row.token_hash) ? row : undefined;
}

/** Whether a reset link may be used now, and whose account it is for. */
export async function checkPasswordReset(db: DB, token: string, now = new Date()) {
	const row = await findReset(db, token);
	let state: ResetState = 'valid';
	if (!row || row.disabled_at) state = 'unknown';
	else if (row.used_at) state = 'used';
	else if (Date.parse(row.expires_at) <= now.getTime()) state = 'expired';
	return { state, account: row && state === 'valid' ? { name: row.name } : null };
}

/**
 * Sets a new password with a reset link: spends the link (a conditional update, so two tabs
 * cannot both use it), stores the hash and ends every session of the account, in one transaction.
 */
export async function resetPassword(
	db: DB,
	token: string,
	password: string,
	now = new Date()
): Promise<Outcome<{ userId: number; role: Role }>> {
	const row = await findReset(db, token);
	const { state } = await checkPasswordReset(db, token, now);
	if (!row || state !== 'valid') return refuse(`people.reset.${state === 'valid' ? 'unknown' : state}`, undefined, 410);
	const passwordHash = await hashPassword(password);
	return writeTransaction(db, async (trx) => {
		const spent = await trx
			.updateTable('password_resets')
			.set({ used_at: now.toISOString() })
			.where('id', '=', row.id)
			.where('used_at', 'is', null)
			.executeTakeFirst();
		if (Number(spent.numUpdatedRows) !== 1) return refuse('people.reset.used', undefined, 410);
		await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', row.user_id).execute();
		await invalidateUserSessions(trx, row.user_id);
		await audit(trx, { actorId: row.user_id, action: 'user.password_reset', entity: 'user', entityId: row.user_id });
		return ok({ userId: row.user_id, role: row.role });
	});
}
