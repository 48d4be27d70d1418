import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import { startSmtpCatcher } from '../../../tests/helpers/smtp-catcher';
import { assignReviewer, sendReviewReminders } from './assignments';
import { listNotices, setMailTransport } from './notify';
import { deliverOutbox, enqueueMails, listOutbox, outboxCounts } from './outbox';
import { RETRY_FIRST_MS } from '../domain/backoff';

const saved = { url: process.env.SMTP_URL, from: process.env.SMTP_FROM };
afterEach(() => {
	setMailTransport(undefined);
	process.env.SMTP_URL = saved.url;
	process.env.SMTP_FROM = saved.from;
	if (saved.url === undefined) delete process.env.SMTP_URL;
	if (saved.from === undefined) delete process.env.SMTP_FROM;
});

/** A round in review with `n` reviewers, each with one review outstanding (no mail yet). */
async function roundWithReviewers(n: number) {
	delete process.env.SMTP_URL;
	setMailTransport(undefined);
	const db = await freshDb();
	const round = await makeRound(db, 'review');
	const admin = await makeUser(db, 'admin');
	const proposalId = await makeProposal(db, round.id, await makeOrganisation(db));
	const reviewers = [];
	for (let i = 0; i < n; i++) {
		const reviewer = await makeUser(db, 'reviewer');
		expect((await assignReviewer(db, { proposalId, reviewerId: reviewer.id, actorId: admin.id })).ok).toBe(true);
		reviewers.push(reviewer);
	}
	return { db, round, admin, reviewers };
}

describe('e-mail to a real SMTP server', () => {
	it('delivers a reminder to every reviewer with reviews outstanding, over a pooled connection', async () => {
		const { db, round, admin, reviewers } = await roundWithReviewers(5);
		const smtp = await startSmtpCatcher();
		try {
			process.env.SMTP_URL = smtp.url;
			process.env.SMTP_FROM = 'grants@example.org';
			setMailTransport(undefined);
			expect(await sendReviewReminders(db, { roundId: round.id, actorId: admin.id })).toEqual({ ok: true, value: { reminded: 5 } });
			// Written to the outbox with the change; sent after the response.
			expect(smtp.mails).toHaveLength(0);
			expect(await deliverOutbox(db)).toEqual({ sent: 5, failed: 0 });

			expect(smtp.mails.map((m) => m.to).flat().sort()).toEqual(reviewers.map((r) => r.email).sort());
			const mail = smtp.mails[0];
			expect(mail.from).toBe('grants@example.org');
			expect(mail.subject).toContain(`「${round.title}」`);
			expect(mail.subject).toContain('1 份评审未提交');
			expect(mail.text).toContain('Reminder: 1 review');
			expect(mail.text).toMatch(/\/review\s*$/);
			// Five messages, not five connections: the pool reuses at most two.
			expect(smtp.connections).toBeGreaterThanOrEqual(1);
			expect(smtp.connections).toBeLessThanOrEqual(2);
		} finally {
			setMailTransport(undefined);
			await smtp.close();
		}
	});

	it('keeps the in-app notice and the action when the mail server is down', async () => {
		const { db, round, admin, reviewers } = await roundWithReviewers(1);
		// A port that was free a moment ago: nothing listens there.
		const probe = createServer();
		await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
		const { port } = probe.address() as AddressInfo;
		await new Promise((resolve) => probe.close(resolve));
		process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
		setMailTransport(undefined);
		expect(await sendReviewReminders(db, { roundId: round.id, actorId: admin.id })).toEqual({ ok: true, value: { reminded: 1 } });
		expect((await listNotices(db, reviewers[0].id)).map((n) => n.kind)).toContain('notice.reviewReminder');
	});

	it('keeps an outbox message through a failed send and sends it on the retry, not before its time', async () => {
		const { db, round, admin, reviewers } = await roundWithReviewers(1);
		process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
		setMailTransport(undefined);
		const t0 = new Date();
		expect((await sendReviewReminders(db, { roundId: round.id, actorId: admin.id }, t0)).ok).toBe(true);

		// The mail server is down: the send fails, the message stays with its error and a later attempt.
		expect(await deliverOutbox(db, t0)).toEqual({ sent: 0, failed: 1 });
		const [waiting] = await listOutbox(db);
		expect(waiting).toMatchObject({ attempts: 1, nextAttemptAt: new Date(t0.getTime() + RETRY_FIRST_MS).toISOString() });
		expect(waiting.lastError).toBeTruthy();
		// Admins see it, without the address.
		expect(waiting.recipient).not.toBe(reviewers[0].email);
		expect(await outboxCounts(db)).toEqual({ waiting: 1, failing: 1 });

		const smtp = await startSmtpCatcher();
		try {
			process.env.SMTP_URL = smtp.url;
			setMailTransport(undefined);
			// Before its next attempt is due nothing is sent.
			expect(await deliverOutbox(db, new Date(t0.getTime() + RETRY_FIRST_MS - 1000))).toEqual({ sent: 0, failed: 0 });
			expect(await deliverOutbox(db, new Date(t0.getTime() + RETRY_FIRST_MS))).toEqual({ sent: 1, failed: 0 });
			expect(smtp.mails.map((m) => m.to)).toEqual([[reviewers[0].email]]);
			expect(smtp.mails[0].subject).toContain('份评审未提交');
			expect(await outboxCounts(db)).toEqual({ waiting: 0, failing: 0 });
			// Sent once: a later run finds nothing.
			expect(await deliverOutbox(db, new Date(t0.getTime() + 10 * RETRY_FIRST_MS))).toEqual({ sent: 0, failed: 0 });
			expect(smtp.mails).toHaveLength(1);
		} finally {
			setMailTransport(undefined);
			await smtp.close();
		}
	});
	it('sends each message once when several senders run at the same time', async () => {
		const smtp = await startSmtpCatcher();
		try {
			process.env.SMTP_URL = smtp.url;
			setMailTransport(undefined);
			const db = await freshDb();
			const count = 120;
			await enqueueMails(db, Array.from({ length: count }, (_, i) => ({ to: `r${i}@example.org`, subject: `message ${i}`, text: '…' })));
			// Four senders at once, each taking 25 at a time, until nothing is due (on PostgreSQL
			// they run on separate connections and claim side by side).
			const totals = { sent: 0, failed: 0 };
			for (let pass = 0; pass < 10; pass++) {
				const results = await Promise.all(Array.from({ length: 4 }, () => deliverOutbox(db, new Date(), 25)));
				for (const r of results) (totals.sent += r.sent), (totals.failed += r.failed);
				if ((await outboxCounts(db)).waiting === 0) break;
			}
			expect(totals).toEqual({ sent: count, failed: 0 });
			const subjects = smtp.mails.map((m) => m.subject);
			expect(new Set(subjects).size).toBe(count);
			expect(subjects).toHaveLength(count);
		} finally {
			setMailTransport(undefined);
			await smtp.close();
		}
	});
});

/** A port that was free a moment ago: nothing listens there. */
async function closedPort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}
