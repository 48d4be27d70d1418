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

/** One e-mail, already written: who gets it and what it says. */
export interface Mail {
	to: string;
	subject: string;
	text: string;
}

/** What `sendMails` needs of a transport: nodemailer's, or a test's. */
export interface MailTransport {
	sendMail(m: Mail & { from: string }): Promise<unknown>;
	close?(): void;
}

/** The transport, made once, only when SMTP_URL is set (null: mail is off). */
let transport: MailTransport | null | undefined;

async function mailer(): Promise<MailTransport | null> {
	if (transport !== undefined) return transport;
	const url = process.env.SMTP_URL;
	if (!url) return (transport = null);
	const nodemailer = await import('nodemailer');
	// A pool keeps a couple of connections open and sends a batch (a bulk assignment reaches every
	// reviewer) over them, instead of a new connection and login per message. Settings in the
	// URL's query (`?pool=false&maxConnections=…`) win over these.
	transport = nodemailer.createTransport({ url, pool: true, maxConnections: 2, maxMessages: 100 });
	return transport;
}

/** For tests: forget the transport so that a changed SMTP_URL is read again, or use a fake one. */
export function setMailTransport(next: MailTransport | null | undefined) {
	transport?.close?.();
	transport = next;
}

/**
 * The one place e-mail leaves the app: sends each mail, and reports what failed instead of
 * throwing, since a notice's in-app copy is its record. (A later outbox moves the sending out
 * of the request by calling this from a worker.)
 */
export async function sendMails(mails: readonly Mail[]): Promise<{ sent: number; failed: number }> {
	const mail = mails.length ? await mailer() : null;
	if (!mail) return { sent: 0, failed: 0 };
	const from = process.env.SMTP_FROM || 'no-reply@localhost';
	const results = await Promise.allSettled(mails.map((m) => mail.sendMail({ from, ...m })));
	const failures = results.filter((r) => r.status === 'rejected');
	// The addresses stay out of the log.
	for (const f of failures) console.error('notice email failed:', (f.reason as Error)?.message);
	return { sent: results.length - failures.length, failed: failures.length };
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
	if ((await mailer()) === null) return;
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
		const zh = translate('zh-CN', n.kind as MessageKey, n.params);
		const en = translate('en', n.kind as MessageKey, n.params);
		const link = n.link ? `\n\n${origin}${n.link}` : '';
		mails.push({ to, subject: zh, text: `${zh}\n${en}${link}` });
	}
	await sendMails(mails);
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
