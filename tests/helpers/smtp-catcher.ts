/**
 * A real SMTP server on a free loopback port that keeps what it receives, so a test sees the
 * e-mail that left the app the way a mail server does: connections, envelope and message.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface CaughtMail {
	from: string;
	to: string[];
	subject: string;
	text: string;
}

/** RFC 2047 encoded words ("=?UTF-8?B?…?=") in a header, decoded. */
function decodeHeader(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
			enc.toLowerCase() === 'b'
				? Buffer.from(data, 'base64').toString('utf8')
				: Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
		);
}

/** A single-part text message's subject and body, decoded from its transfer encoding. */
function parseMessage(raw: string): { subject: string; text: string } {
	const [head, ...rest] = raw.split(/\r?\n\r?\n/);
	const body = rest.join('\n\n');
	const headers = head.replace(/\r?\n[ \t]+/g, ' ');
	const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	const text =
		encoding === 'base64'
			? Buffer.from(body, 'base64').toString('utf8')
			: encoding === 'quoted-printable'
				? Buffer.from(
						body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))),
						'latin1'
					).toString('utf8')
				: body;
	return { subject: decodeHeader(header('Subject')), text };
}

export async function startSmtpCatcher() {
	const mails: CaughtMail[] = [];
	let connections = 0;
	const server = new SMTPServer({
		// Plain SMTP on loopback, no login: the catcher has no certificate for STARTTLS.
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onConnect(_session, callback) {
			connections += 1;
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				mails.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					...parseMessage(Buffer.concat(chunks).toString('utf8'))
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		mails,
		/** How many SMTP connections were opened to it. */
		get connections() {
			return connections;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
