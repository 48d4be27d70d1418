/** The mail transport: nodemailer's pooled SMTP when SMTP_URL is set, else none (mail is off). */

/** One e-mail, already written: who gets it and what it says. */
export interface Mail {
	to: string;
	subject: string;
	text: string;
}

/** What the sender needs of a transport: nodemailer's, or a test's. */
export interface MailTransport {
	sendMail(m: Mail & { from: string }): Promise<unknown>;
	close?(): void;
}

/** The transport, made once, only when SMTP_URL is set (null: mail is off). */
let transport: MailTransport | null | undefined;

export async function mailer(): Promise<MailTransport | null> {
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

/** Whether mail is configured: messages are written to the outbox only then. */
export function mailConfigured(): boolean {
	return !!process.env.SMTP_URL;
}

/** For tests: forget the transport so that a changed SMTP_URL is read again, or use a fake one. */
export function setMailTransport(next: MailTransport | null | undefined) {
	transport?.close?.();
	transport = next;
}

/**
 * The one place e-mail leaves the app (called by the outbox's sender): sends each mail and says,
 * per mail, whether it went and why not, instead of throwing.
 */
export async function sendMails(mails: readonly Mail[]): Promise<({ ok: true } | { ok: false; error: string })[]> {
	const mail = mails.length ? await mailer() : null;
	if (!mail) return mails.map(() => ({ ok: false as const, error: 'mail is not configured' }));
	const from = process.env.SMTP_FROM || 'no-reply@localhost';
	const results = await Promise.allSettled(mails.map((m) => mail.sendMail({ from, ...m })));
	return results.map((r) =>
		r.status === 'fulfilled' ? { ok: true as const } : { ok: false as const, error: String((r.reason as Error)?.message ?? r.reason).slice(0, 300) }
	);
}
