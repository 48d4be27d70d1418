import type { DB } from './db';
import { translate, type MessageKey, type Params } from '../i18n';

/** What a notice says: a catalogue key whose zh/en text the reader's page (or the email) fills in. */
export type NoticeKind = 'notice.reviewAssigned' | 'notice.reviewReminder' | 'notice.conflictDeclared';

export interface NoticeInput {
	userId: number;
	kind: NoticeKind;
	/** Message parameters: titles and counts only, never anyone's personal data. */
	params: Params;
	link: string | null;
}

/** A mail transport, made once, only when SMTP_URL is set. */
let transport: { sendMail(m: { from: string; to: string; subject: string; text: string }): Promise<unknown> } | null | undefined;

async function mailer() {
	if (transport !== undefined) return transport;
	const url = process.env.SMTP_URL;
	if (!url) return (transport = null);
	const nodemailer = await import('nodemailer');
	transport = nodemailer.createTransport(url);
	return transport;
}

/** For tests: forget the transport so that a changed SMTP_URL is read again, or use a fake one. */
export function setMailTransport(next: typeof transport) {
	transport = next;
}

/**
 * Leaves an in-app notice for each user and, when SMTP is configured, emails it in Chinese and
 * English. A failed email never fails the action that caused it: the in-app notice is the record.
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
	const mail = await mailer();
	if (!mail) return;
	const users = await db
		.selectFrom('users')
		.select(['id', 'email'])
		.where('id', 'in', [...new Set(notices.map((n) => n.userId))])
		.where('disabled_at', 'is', null)
		.execute();
	const emailOf = new Map(users.map((u) => [u.id, u.email]));
	const from = process.env.SMTP_FROM || 'no-reply@localhost';
	const origin = process.env.ORIGIN ?? '';
	for (const n of notices) {
		const to = emailOf.get(n.userId);
		if (!to) continue;
		const zh = translate('zh-CN', n.kind as MessageKey, n.params);
		const en = translate('en', n.kind as MessageKey, n.params);
		const link = n.link ? `\n\n${origin}${n.link}` : '';
		try {
			await mail.sendMail({ from, to, subject: zh, text: `${zh}\n${en}${link}` });
		} catch (e) {
			// The address stays out of the log; the notice itself is already stored.
			console.error('notice email failed', n.kind, (e as Error).message);
		}
	}
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

export async function markNoticesRead(db: DB, userId: number, now = new Date()): Promise<void> {
	await db
		.updateTable('notices')
		.set({ read_at: now.toISOString() })
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.execute();
}
