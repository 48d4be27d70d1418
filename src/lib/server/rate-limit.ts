import type { DB } from './db';
import { sha256Hex } from './random';
import { growingDelayMs } from '../domain/throttle';

/**
 * Rate limits, decided in one place and kept in the database (table `rate_limits`), so that they
 * hold when the app runs as several processes or servers. Each counter is a (bucket, subject)
 * pair; the subject (an address key, an email) is stored only as a SHA-256.
 *
 * `RATE_LIMITS=off` turns every limit off, for the benchmark and the test servers that send
 * thousands of requests from one address. Never set it in production.
 */
const disabled = () => process.env.RATE_LIMITS === 'off';

export interface Limit {
	max: number;
	windowMs: number;
}

const MINUTE = 60_000;

/** The app's fixed-window limits, per client address unless said otherwise. */
export const LIMITS = {
	/**
	 * Needs stored: generous for a community centre's Wi-Fi or a family sharing one phone, tight
	 * for a script (refused forms do not count).
	 */
	needReport: { max: 20, windowMs: 10 * MINUTE },
	/** Wrong receipt codes: enough to retype a code, far too few to guess one (60 bits). */
	trackMiss: { max: 20, windowMs: 10 * MINUTE },
	/** "Me too" across all needs: a neighbour clicking through the list, not a script. */
	support: { max: 60, windowMs: 60 * MINUTE },
	/**
	 * "Me too" to one need: a community centre's Wi-Fi or a carrier's NAT puts many honest
	 * residents behind one address, so a few a day, not one.
	 */
	supportPerNeed: { max: 5, windowMs: 24 * 60 * MINUTE },
	/** Objections filed: enough for a real objector, not for a flood. */
	objection: { max: 5, windowMs: 60 * MINUTE },
	/** Invitation accepts: each hashes a password (deliberately slow). */
	inviteAccept: { max: 20, windowMs: 15 * MINUTE },
	/** Second-factor codes of one account: a typo or two, never a million guesses. */
	twoFactor: { max: 10, windowMs: 15 * MINUTE }
} satisfies Record<string, Limit>;

/** How long failure counts (sign-in) are remembered after the last failure. */
const FAILURE_MEMORY_MS = 24 * 60 * MINUTE;

const subjectOf = (bucket: string, subject: string) => sha256Hex(`${bucket}\n${subject}`);

/** Deletes counters whose window and wait are over; run now and then by `consume`. */
export async function pruneLimits(db: DB, now = new Date()): Promise<void> {
	const at = now.toISOString();
	await db
		.deleteFrom('rate_limits')
		.where('window_ends_at', '<', at)
		.where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', at)]))
		.execute();
}

/**
 * Counts one attempt of `subject` in `bucket`; false when that makes it more than the limit
 * allows in the current window. One statement (an upsert), so concurrent requests count right.
 */
export async function consume(db: DB, bucket: string, subject: string, limit: Limit, now = new Date()): Promise<boolean> {
	if (disabled()) return true;
	const at = now.toISOString();
	const ends = new Date(now.getTime() + limit.windowMs).toISOString();
	const row = await db
		.insertInto('rate_limits')
		.values({ bucket, subject: subjectOf(bucket, subject), count: 1, window_ends_at: ends, blocked_until: null })
		.onConflict((oc) =>
			oc.columns(['bucket', 'subject']).doUpdateSet((eb) => {
				const over = eb('rate_limits.window_ends_at', '<=', at);
				return {
					count: eb.case().when(over).then(1).else(eb('rate_limits.count', '+', 1)).end(),
					window_ends_at: eb.case().when(over).then(ends).else(eb.ref('rate_limits.window_ends_at')).end()
				};
			})
		)
		.returning('count')
		.executeTakeFirstOrThrow();
	if (Math.random() < 0.01) await pruneLimits(db, now);
	return row.count <= limit.max;
}

/** Whether `subject` has used up its limit for the current window, without counting an attempt. */
export async function overLimit(db: DB, bucket: string, subject: string, limit: Limit, now = new Date()): Promise<boolean> {
	if (disabled()) return false;
	const row = await db
		.selectFrom('rate_limits')
		.select('count')
		.where('bucket', '=', bucket)
		.where('subject', '=', subjectOf(bucket, subject))
		.where('window_ends_at', '>', now.toISOString())
		.executeTakeFirst();
	return !!row && row.count >= limit.max;
}

export async function clearLimit(db: DB, bucket: string, subject: string): Promise<void> {
	await db.deleteFrom('rate_limits').where('bucket', '=', bucket).where('subject', '=', subjectOf(bucket, subject)).execute();
}

/**
 * Records a failure (a wrong password): after `free` failures each further one makes the next
 * attempt wait longer (see growingDelayMs). Failures are forgotten a day after the last one.
 */
export async function recordFailure(db: DB, bucket: string, subject: string, free: number, now = new Date()): Promise<void> {
	if (disabled()) return;
	const at = now.toISOString();
	const ends = new Date(now.getTime() + FAILURE_MEMORY_MS).toISOString();
	const hashed = subjectOf(bucket, subject);
	const row = await db
		.insertInto('rate_limits')
		.values({ bucket, subject: hashed, count: 1, window_ends_at: ends, blocked_until: null })
		.onConflict((oc) =>
			oc.columns(['bucket', 'subject']).doUpdateSet((eb) => ({
				count: eb.case().when(eb('rate_limits.window_ends_at', '<=', at)).then(1).else(eb('rate_limits.count', '+', 1)).end(),
				window_ends_at: ends
			}))
		)
		.returning('count')
		.executeTakeFirstOrThrow();
	const delay = growingDelayMs(row.count, free);
	if (delay > 0) {
		await db
			.updateTable('rate_limits')
			.set({ blocked_until: new Date(now.getTime() + delay).toISOString() })
			.where('bucket', '=', bucket)
			.where('subject', '=', hashed)
			.execute();
	}
}

/** The instant before which `subject` may not try again, or null when it may now. */
export async function waitUntil(db: DB, bucket: string, subject: string, now = new Date()): Promise<string | null> {
	if (disabled()) return null;
	const row = await db
		.selectFrom('rate_limits')
		.select('blocked_until')
		.where('bucket', '=', bucket)
		.where('subject', '=', subjectOf(bucket, subject))
		.executeTakeFirst();
	return row?.blocked_until && row.blocked_until > now.toISOString() ? row.blocked_until : null;
}
