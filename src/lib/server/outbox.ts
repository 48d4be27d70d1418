/**
 * The outbox: e-mails are written here in the same transaction as the change they tell of, and
 * sent after the response by `deliverOutbox`, which retries a failed send with backoff
 * (domain/backoff.ts). Nothing is lost when the mail server is down, nothing waits for it, and
 * admins see what is waiting or failing at /admin/outbox.
 */
import type { DB } from './db';
import { mailConfigured, sendMails, type Mail } from './mail';
import { retryDelayMs } from '../domain/backoff';
import { audit } from './audit';
import { writeTransaction } from './db';

/** How long a sender holds the messages it took before another process may take them. */
const CLAIM_MS = 2 * 60_000;

/** Writes mails to the outbox (in the caller's transaction); nothing when mail is not configured. */
export async function enqueueMails(db: DB, mails: readonly Mail[], now = new Date()): Promise<void> {
	if (mails.length === 0 || !mailConfigured()) return;
	const at = now.toISOString();
	await db
		.insertInto('outbox')
		.values(mails.map((m) => ({ recipient: m.to, subject: m.subject, body: m.text, created_at: at, next_attempt_at: at })))
		.execute();
}

/**
 * Takes up to `limit` messages that are due and not held by another sender, and holds them for
 * CLAIM_MS. On PostgreSQL the rows are selected `for update skip locked`: two nodes claiming at
 * once each take different rows, neither waits for the other. On SQLite the transaction holds the
 * database's write lock (BEGIN IMMEDIATE), so processes on one file claim one after the other.
 */
async function claimDue(db: DB, now: Date, limit: number) {
	const at = now.toISOString();
	return writeTransaction(db, async (trx) => {
		const due = await trx
			.selectFrom('outbox')
			.select(['id', 'recipient', 'subject', 'body', 'attempts'])
			.where('sent_at', 'is', null)
			.where('next_attempt_at', '<=', at)
			.where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
			.orderBy('id')
			.limit(limit)
			.forUpdate()
			.skipLocked()
			.execute();
		if (due.length > 0) {
			await trx
				.updateTable('outbox')
				.set({ claimed_until: new Date(now.getTime() + CLAIM_MS).toISOString() })
				.where('id', 'in', due.map((r) => r.id))
				.execute();
		}
		return due;
	});
}

/**
 * Sends the messages that are due: each is claimed first (so two server processes never send one
 * twice), then marked sent, or given its next attempt with the error kept. Never throws for a
 * failed send.
 */
export async function deliverOutbox(db: DB, now = new Date(), limit = 50): Promise<{ sent: number; failed: number }> {
	const claimed = await claimDue(db, now, limit);
	const results = await sendMails(claimed.map((r) => ({ to: r.recipient, subject: r.subject, text: r.body })));
	let sent = 0;
	for (const [i, row] of claimed.entries()) {
		const result = results[i];
		if (result.ok) {
			sent += 1;
			await db.updateTable('outbox').set({ sent_at: new Date().toISOString(), claimed_until: null, last_error: null }).where('id', '=', row.id).execute();
		} else {
			const attempts = row.attempts + 1;
			await db
				.updateTable('outbox')
				.set({
					attempts,
					next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
					last_error: result.error,
					claimed_until: null
				})
				.where('id', '=', row.id)
				.execute();
			// The address stays out of the log.
			console.error(`outbox: message ${row.id} failed (attempt ${attempts}): ${result.error}`);
		}
	}
	return { sent, failed: claimed.length - sent };
}

/** An address shown to admins without giving it away: "ab***@example.org". */
function masked(address: string): string {
	const [local, domain] = address.split('@');
	return domain ? `${local.slice(0, 2)}***@${domain}` : '***';
}

/** What waits in the outbox: unsent messages, those that failed at least once first. */
export async function listOutbox(db: DB, limit = 100) {
	const rows = await db
		.selectFrom('outbox')
		.select(['id', 'recipient', 'subject', 'created_at', 'attempts', 'next_attempt_at', 'last_error'])
		.where('sent_at', 'is', null)
		.orderBy('attempts', 'desc')
		.orderBy('id')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		recipient: masked(r.recipient),
		subject: r.subject,
		createdAt: r.created_at,
		attempts: r.attempts,
		nextAttemptAt: r.next_attempt_at,
		lastError: r.last_error
	}));
}

/** How many messages wait, and how many of them failed at least once (the admins' to-do list). */
export async function outboxCounts(db: DB): Promise<{ waiting: number; failing: number }> {
	const row = await db
		.selectFrom('outbox')
		.select((eb) => [
			eb.fn.countAll<number>().as('waiting'),
			eb.fn.sum<number>(eb.case().when('attempts', '>', 0).then(1).else(0).end()).as('failing')
		])
		.where('sent_at', 'is', null)
		.executeTakeFirstOrThrow();
	return { waiting: Number(row.waiting), failing: Number(row.failing ?? 0) };
}

/** An admin asks for every waiting message to be tried again now (recorded). */
export async function retryOutboxNow(db: DB, actorId: number, now = new Date()): Promise<number> {
	const result = await db.updateTable('outbox').set({ next_attempt_at: now.toISOString() }).where('sent_at', 'is', null).executeTakeFirst();
	const count = Number(result.numUpdatedRows);
	await audit(db, { actorId, action: 'outbox.retry', entity: 'outbox', detail: { count } });
	return count;
}

// ---------------------------------------------------------------------------------------------
// The sender in a server process: after each response that may have written, and every minute.
// ---------------------------------------------------------------------------------------------

let running: Promise<unknown> | null = null;
let again = false;
let timer: ReturnType<typeof setInterval> | null = null;
/** Set at shutdown: no new send starts once the database is about to close. */
let stopped = false;

/** Sends what is due, in the background (never awaited by a request); one run at a time per process. */
export function kickOutbox(db: DB): void {
	if (!mailConfigured() || stopped) return;
	if (running) {
		again = true;
		return;
	}
	running = new Promise((resolve) => setTimeout(resolve, 0))
		.then(() => deliverOutbox(db))
		.catch((error) => console.error('outbox:', (error as Error).message))
		.finally(() => {
			running = null;
			if (again) {
				again = false;
				kickOutbox(db);
			}
		});
}

/** Starts the minute timer that retries failed messages when their time comes. */
export function startOutboxTimer(db: DB, everyMs = 60_000): void {
	stopped = false;
	if (timer || !mailConfigured()) return;
	timer = setInterval(() => kickOutbox(db), everyMs);
	timer.unref?.();
}

/** Resolves when no send is in progress in this process, or after `timeoutMs`. */
export async function outboxSettled(timeoutMs: number): Promise<void> {
	if (!running) return;
	await Promise.race([running, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref?.())]);
}

export function stopOutboxTimer(): void {
	stopped = true;
	if (timer) clearInterval(timer);
	timer = null;
}
