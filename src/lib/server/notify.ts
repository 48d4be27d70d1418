import type { DB } from './db';
import { isMessageKey, translate, type MessageKey, type Params } from '../i18n';
import { mailConfigured, type Mail } from './mail';
import { enqueueMails } from './outbox';

/** What a notice says: a catalogue key whose zh/en text the reader's page (or the email) fills in. */
export type NoticeKind =
	| 'notice.reviewAssigned'
	| 'notice.reviewReminder'
	| 'notice.conflictDeclared'
	| 'notice.returned'
	| 'notice.eligibilityPassed'
	| 'notice.eligibilityRejected'
	| 'notice.reviewsComplete'
	| 'notice.noticePublished'
	| 'notice.listConfirmed'
	| 'notice.objectionAnswered'
	| 'notice.reportDue'
	| 'notice.reportReturned'
	| 'notice.reportAccepted'
	| 'notice.budgetChangeRequested'
	| 'notice.budgetChangeApproved'
	| 'notice.budgetChangeRefused'
	| 'notice.disclosureDue'
	| 'notice.evaluationAssigned';

export interface NoticeInput {
	userId: number;
	kind: NoticeKind;
	/** Message parameters: titles and counts only, never anyone's personal data. */
	params: Params;
	link: string | null;
}

export { setMailTransport, type Mail, type MailTransport } from './mail';

/**
 * Leaves an in-app notice for each user and, when SMTP is configured, writes its e-mail (Chinese
 * and English) to the outbox. Call it inside the transaction of the change it tells of: the
 * notices and mails are then kept or dropped with it, and sent after the response (outbox.ts).
 */
export async function notify(db: DB, notices: readonly NoticeInput[], now = new Date()): Promise<void> {
	if (notices.length === 0) return;
	await db
		.insertInto('notices')
		.values(
			notices.map((n) => ({
				user_id: n.userId,
				kind: n.kind,
				params: JSON.stringify(n.params),
				link: n.link,
				created_at: now.toISOString(),
				read_at: null
			}))
		)
		.execute();
	if (!mailConfigured()) return;
	const users = await db
		.selectFrom('users')
		.select(['id', 'email'])
		.where('id', 'in', [...new Set(notices.map((n) => n.userId))])
		.where('disabled_at', 'is', null)
		.execute();
	const emailOf = new Map(users.map((u) => [u.id, u.email]));
	const origin = process.env.ORIGIN ?? '';
	const mails: Mail[] = [];
	for (const n of notices) {
		const to = emailOf.get(n.userId);
		if (!to) continue;
		if (!isMessageKey(n.kind)) continue;
		const zh = translate('zh-CN', n.kind, n.params);
		const en = translate('en', n.kind, n.params);
		const link = n.link ? `\n\n${origin}${n.link}` : '';
		mails.push({ to, subject: zh, text: `${zh}\n${en}${link}` });
	}
	await enqueueMails(db, mails, now);
}

/** The active users of a role, or of an organisation (its station staff): who a notice goes to. */
export async function recipients(db: DB, who: { role: 'admin' } | { organisationId: number }): Promise<number[]> {
	let query = db.selectFrom('users').select('id').where('disabled_at', 'is', null);
	query = 'role' in who ? query.where('role', '=', who.role) : query.where('organisation_id', '=', who.organisationId).where('role', '=', 'station');
	return (await query.orderBy('id').execute()).map((u) => u.id);
}

/** A user's notices, newest first. */
export async function listNotices(db: DB, userId: number, limit = 20) {
	const rows = await db
		.selectFrom('notices')
		.select(['id', 'kind', 'params', 'link', 'created_at', 'read_at'])
		.where('user_id', '=', userId)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind as NoticeKind,
		params: JSON.parse(r.params) as Params,
		link: r.link,
		createdAt: r.created_at,
		unread: r.read_at === null
	}));
}

/** How many of a user's notices are unread (the inbox link in the header). */
export async function unreadCount(db: DB, userId: number): Promise<number> {
	const row = await db
		.selectFrom('notices')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Marks a user's notices read; with `upToId`, only those up to it (what the page showed). */
export async function markNoticesRead(db: DB, userId: number, now = new Date(), upToId?: number): Promise<void> {
	let query = db.updateTable('notices').set({ read_at: now.toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null);
	if (upToId !== undefined) query = query.where('id', '<=', upToId);
	await query.execute();
}
