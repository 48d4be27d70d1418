import { error, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import type { DB } from './db';
import { getDb } from './db';
import { randomString, sha256Hex } from './random';
import { submissionKeyOf } from '../schemas/form';

/**
 * One store of form submissions (table `form_submissions`). Every form that creates a record or
 * moves a state carries a key made when its page was loaded (`submission_key`). A submission is
 * who sent it (the user, or "public" for residents), the action, that key, and what was sent;
 * the first request of a submission runs the action, and every other request of the same
 * submission — a double click with scripts off, a resend on a slow network, two tabs — waits
 * for it and gets its answer (the redirect) without running anything.
 *
 * Only answers that redirect are kept: a refused form (fail), an error or a redirect to sign in
 * is forgotten, so the corrected form can be sent again with the same key.
 */

export interface FirstAnswer {
	status: number;
	location: string;
}

/** A fresh key for a form page's load. */
export function newSubmissionKey(): string {
	return randomString(24);
}

/** How long a second request waits for the first before saying the form is still being sent. */
const WAIT_MS = 20_000;
const POLL_MS = 25;
/** A first request that has not answered after this long crashed; another request may take over. */
const STALE_MS = 60_000;
/** How long answers are remembered. */
const KEEP_MS = 24 * 60 * 60 * 1000;

async function submissionId(event: RequestEvent): Promise<string | null> {
	const data = await event.request.clone().formData();
	const key = submissionKeyOf(String(data.get('submission_key') ?? ''));
	if (!key) return null;
	const sent: [string, string][] = [];
	for (const [name, value] of data) {
		if (name === 'submission_key') continue;
		sent.push([name, typeof value === 'string' ? value : `file:${value.name}:${value.size}:${value.type}`]);
	}
	const who = event.locals.user ? `user:${event.locals.user.id}` : 'public';
	return sha256Hex(JSON.stringify([who, event.url.pathname + event.url.search, key, sent]));
}

type Claim = { claimed: true } | { claimed: false; answer: FirstAnswer | null };

/** Takes the submission for this request, or reads what the first request made of it. */
async function claim(db: DB, id: string, now: Date): Promise<Claim> {
	const inserted = await db
		.insertInto('form_submissions')
		.values({ id, state: 'running', answer: null, created_at: now.toISOString() })
		.onConflict((oc) => oc.column('id').doNothing())
		.executeTakeFirst();
	if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { claimed: true };
	const row = await db.selectFrom('form_submissions').select(['state', 'answer', 'created_at']).where('id', '=', id).executeTakeFirst();
	if (!row) return claim(db, id, now);
	if (row.state === 'done' && row.answer) return { claimed: false, answer: JSON.parse(row.answer) as FirstAnswer };
	if (Date.parse(row.created_at) < now.getTime() - STALE_MS) {
		const taken = await db
			.updateTable('form_submissions')
			.set({ created_at: now.toISOString() })
			.where('id', '=', id)
			.where('state', '=', 'running')
			.where('created_at', '=', row.created_at)
			.executeTakeFirst();
		if (Number(taken.numUpdatedRows) === 1) return { claimed: true };
	}
	return { claimed: false, answer: null };
}

/** Waits for the first request's answer; null when it was refused (and forgotten) or took too long. */
async function waitForAnswer(db: DB, id: string): Promise<Claim> {
	const until = Date.now() + WAIT_MS;
	while (Date.now() < until) {
		await new Promise((r) => setTimeout(r, POLL_MS));
		const now = new Date();
		const row = await db.selectFrom('form_submissions').select(['state', 'answer']).where('id', '=', id).executeTakeFirst();
		// The first request was refused: this one runs the form itself.
		if (!row) return claim(db, id, now);
		if (row.state === 'done' && row.answer) return { claimed: false, answer: JSON.parse(row.answer) as FirstAnswer };
	}
	return { claimed: false, answer: null };
}

async function forget(db: DB, id: string) {
	await db.deleteFrom('form_submissions').where('id', '=', id).where('state', '=', 'running').execute();
}

/**
 * Runs `action` once per submission (see above). `replayed` is told when a request gets the first
 * answer instead of running, e.g. to sign in the browser that accepted an invitation twice.
 */
export async function runOnce<E extends RequestEvent, R>(
	db: DB,
	event: E,
	action: (event: E) => Promise<R>,
	replayed?: (event: E, answer: FirstAnswer) => Promise<void>
): Promise<R> {
	const id = await submissionId(event);
	if (!id) return action(event);
	const now = new Date();
	let taken = await claim(db, id, now);
	if (!taken.claimed && !taken.answer) taken = await waitForAnswer(db, id);
	if (!taken.claimed) {
		// Still running after the wait: say so rather than run it a second time.
		if (!taken.answer) error(409, 'the same form is still being sent');
		await replayed?.(event, taken.answer);
		redirect(taken.answer.status, taken.answer.location);
	}
	let result: R;
	try {
		result = await action(event);
	} catch (thrown) {
		// Sent to sign in first: the form was not carried out, so there is no answer to keep.
		if (isRedirect(thrown) && !thrown.location.startsWith('/login')) {
			const answer: FirstAnswer = { status: thrown.status, location: thrown.location };
			await db.updateTable('form_submissions').set({ state: 'done', answer: JSON.stringify(answer) }).where('id', '=', id).execute();
			if (Math.random() < 0.01) await db.deleteFrom('form_submissions').where('created_at', '<', new Date(now.getTime() - KEEP_MS).toISOString()).execute();
		} else {
			await forget(db, id);
		}
		throw thrown;
	}
	// A refused form (or an answer that is not a redirect) is not kept.
	await forget(db, id);
	return result;
}

/** Wraps a form action: once per submission, against the app's database. */
export function once<E extends RequestEvent, R>(
	action: (event: E) => Promise<R>,
	replayed?: (event: E, answer: FirstAnswer) => Promise<void>
): (event: E) => Promise<R> {
	return (event) => runOnce(getDb(), event, action, replayed);
}
