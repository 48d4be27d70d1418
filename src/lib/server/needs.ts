import type { DB } from './db';
import type { NeedStatus, Round } from './schema';
import type { NeedInput } from '../schemas/needs';
import { currentPhase, type Phase } from '../domain/phases';
import { audit } from './audit';
import { phaseOf } from './rounds';
import { randomString } from './random';
import { RateLimiter } from './rate-limit';

/** Reports per IP: generous for a family sharing one phone, tight for a script. */
export const reportLimiter = new RateLimiter(10, 10 * 60 * 1000);
/** Receipt look-ups per IP: enough to retype a code, far too few to guess one (60 bits). */
export const trackLimiter = new RateLimiter(30, 60 * 1000);

export const NEEDS_PAGE_SIZE = 20;

const RECEIPT_LENGTH = 12;
const RECEIPT_PATTERN = /^[abcdefghijkmnpqrstuvwxyz23456789]{12}$/;

/** Thrown when a need is reported outside the needs call; `phase` is the phase in force. */
export class NeedsCallClosedError extends Error {
	constructor(readonly phase: Phase) {
		super(`the needs call is closed (phase ${phase})`);
		this.name = 'NeedsCallClosedError';
	}
}

/** A stored receipt code ("abcd2efgh3jk") as people read it aloud: "ABCD-2EFG-H3JK". */
export function formatReceiptCode(code: string): string {
	return code.toUpperCase().match(/.{1,4}/g)!.join('-');
}

/**
 * What a resident typed (any case, with or without dashes or spaces) as the stored code, or null
 * when it cannot be one. 1 and l are read as i: neither is in the code's alphabet.
 */
export function normaliseReceiptCode(text: string): string | null {
	const code = text
		.toLowerCase()
		.replace(/[\s\-_–—.]/g, '')
		.replace(/[1l]/g, 'i');
	return RECEIPT_PATTERN.test(code) ? code : null;
}

function isUniqueViolation(error: unknown, column: string): boolean {
	return error instanceof Error && error.message.includes(`UNIQUE constraint failed: needs.${column}`);
}

async function receiptBySubmissionKey(db: DB, submissionKey: string) {
	return db
		.selectFrom('needs')
		.select('receipt_code')
		.where('submission_key', '=', submissionKey)
		.executeTakeFirst();
}

/** The receipt of a need already stored from this form (a resent form), if any. */
export async function receiptForSubmission(db: DB, submissionKey: string | null) {
	if (!submissionKey) return undefined;
	const row = await receiptBySubmissionKey(db, submissionKey);
	return row ? formatReceiptCode(row.receipt_code) : undefined;
}

/**
 * Stores a resident's need as `new` (awaiting moderation) and gives back its receipt code. A
 * form sent twice with the same `submissionKey` gives the first need's receipt and stores nothing.
 */
export async function reportNeed(
	db: DB,
	round: Round,
	input: NeedInput,
	submissionKey: string | null,
	now = new Date()
): Promise<{ receiptCode: string; duplicate: boolean }> {
	if (submissionKey) {
		const existing = await receiptBySubmissionKey(db, submissionKey);
		if (existing) return { receiptCode: formatReceiptCode(existing.receipt_code), duplicate: true };
	}
	const phase = phaseOf(round, now);
	if (phase !== 'needs_call') throw new NeedsCallClosedError(phase);

	for (let attempt = 0; ; attempt++) {
		const code = randomString(RECEIPT_LENGTH);
		try {
			await db
				.insertInto('needs')
				.values({
					round_id: round.id,
					receipt_code: code,
					submission_key: submissionKey,
					title: input.title,
					description: input.description,
					category: input.category,
					district: input.district,
					street: input.street,
					affected_group: input.affected_group,
					affected_count: input.affected_count,
					urgency: input.urgency,
					contact_name: input.contact_name,
					contact_phone: input.contact_phone,
					status: 'new',
					created_at: now.toISOString()
				})
				.execute();
			return { receiptCode: formatReceiptCode(code), duplicate: false };
		} catch (error) {
			// The same form sent twice at once: the other request stored it first.
			if (submissionKey && isUniqueViolation(error, 'submission_key')) {
				const existing = await receiptBySubmissionKey(db, submissionKey);
				if (existing) return { receiptCode: formatReceiptCode(existing.receipt_code), duplicate: true };
			}
			// 60 random bits rarely collide; try a fresh code a few times before giving up.
			if (!isUniqueViolation(error, 'receipt_code') || attempt >= 4) throw error;
		}
	}
}

/** Proposals that count as answering a need: submitted or further, not drafts or withdrawn. */
const ANSWERING = ['submitted', 'eligible', 'ineligible', 'funded', 'not_funded'] as const;

async function answeringCount(db: DB, needId: number): Promise<number> {
	const row = await db
		.selectFrom('proposal_needs')
		.innerJoin('proposals', 'proposals.id', 'proposal_needs.proposal_id')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('proposal_needs.need_id', '=', needId)
		.where('proposals.status', 'in', ANSWERING)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Funded projects answering a need, only once their round's results are published. */
async function fundedProjects(db: DB, needId: number): Promise<{ id: number; title: string }[]> {
	return db
		.selectFrom('proposal_needs')
		.innerJoin('proposals', 'proposals.id', 'proposal_needs.proposal_id')
		.innerJoin('rounds', 'rounds.id', 'proposals.round_id')
		.select(['proposals.id', 'proposals.title'])
		.where('proposal_needs.need_id', '=', needId)
		.where('proposals.status', '=', 'funded')
		.where('rounds.results_published_at', 'is not', null)
		.orderBy('proposals.id')
		.execute();
}

export interface TrackedNeed {
	receiptCode: string;
	title: string;
	status: NeedStatus;
	declineReason: string | null;
	receivedAt: string;
	publishedAt: string | null;
	/** The public page, once published. */
	publicId: number | null;
	round: { slug: string; title: string; timeZone: string };
	answeredBy: number;
	funded: { id: number; title: string }[];
}

/** What a resident sees of their own need by its receipt code; never the contact. */
export async function trackNeed(db: DB, code: string): Promise<TrackedNeed | undefined> {
	const receipt = normaliseReceiptCode(code);
	if (!receipt) return undefined;
	const row = await db
		.selectFrom('needs')
		.innerJoin('rounds', 'rounds.id', 'needs.round_id')
		.select([
			'needs.id',
			'needs.receipt_code',
			'needs.title',
			'needs.status',
			'needs.decline_reason',
			'needs.created_at',
			'needs.published_at',
			'rounds.slug as round_slug',
			'rounds.title as round_title',
			'rounds.time_zone'
		])
		.where('needs.receipt_code', '=', receipt)
		.executeTakeFirst();
	if (!row) return undefined;
	const published = row.status === 'published';
	return {
		receiptCode: formatReceiptCode(row.receipt_code),
		title: row.title,
		status: row.status,
		declineReason: row.status === 'declined' ? row.decline_reason : null,
		receivedAt: row.created_at,
		publishedAt: published ? row.published_at : null,
		publicId: published ? row.id : null,
		round: { slug: row.round_slug, title: row.round_title, timeZone: row.time_zone },
		answeredBy: published ? await answeringCount(db, row.id) : 0,
		funded: published ? await fundedProjects(db, row.id) : []
	};
}

export interface NeedFilter {
	district?: string | null;
	category?: string | null;
	page?: number;
}

/** The public needs board: published needs of a round, newest first, 20 a page. */
export async function listPublishedNeeds(db: DB, roundId: number, filter: NeedFilter = {}) {
	let query = db
		.selectFrom('needs')
		.where('round_id', '=', roundId)
		.where('status', '=', 'published');
	if (filter.district) query = query.where('district', '=', filter.district);
	if (filter.category) query = query.where('category', '=', filter.category);
	const page = Math.max(1, Math.floor(filter.page ?? 1));
	const [items, count] = await Promise.all([
		query
			.select([
				'id',
				'title',
				'category',
				'district',
				'street',
				'urgency',
				'support_count',
				'published_at'
			])
			.orderBy('published_at', 'desc')
			.orderBy('id', 'desc')
			.limit(NEEDS_PAGE_SIZE)
			.offset((page - 1) * NEEDS_PAGE_SIZE)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { items, total: Number(count.n), page, pageSize: NEEDS_PAGE_SIZE };
}

/** One published need for the public, with how proposals answer it; never the contact. */
export async function getPublicNeed(db: DB, id: number, now = new Date()) {
	const row = await db
		.selectFrom('needs')
		.innerJoin('rounds', 'rounds.id', 'needs.round_id')
		.select([
			'needs.id',
			'needs.title',
			'needs.description',
			'needs.category',
			'needs.district',
			'needs.street',
			'needs.affected_group',
			'needs.affected_count',
			'needs.urgency',
			'needs.support_count',
			'needs.published_at',
			'rounds.id as round_id',
			'rounds.slug as round_slug',
			'rounds.title as round_title',
			'rounds.time_zone',
			'rounds.phase_override',
			'rounds.needs_call_at',
			'rounds.applications_at',
			'rounds.eligibility_at',
			'rounds.review_at',
			'rounds.decision_at',
			'rounds.notice_at',
			'rounds.implementation_at',
			'rounds.closed_at'
		])
		.where('needs.id', '=', id)
		.where('needs.status', '=', 'published')
		.executeTakeFirst();
	// A round still in draft is hidden from the public, its needs too.
	if (!row || currentPhase(row, now) === 'draft') return undefined;
	return {
		id: row.id,
		title: row.title,
		description: row.description,
		category: row.category,
		district: row.district,
		street: row.street,
		affectedGroup: row.affected_group,
		affectedCount: row.affected_count,
		urgency: row.urgency,
		supportCount: row.support_count,
		publishedAt: row.published_at,
		round: { id: row.round_id, slug: row.round_slug, title: row.round_title, timeZone: row.time_zone },
		proposalCount: await answeringCount(db, row.id),
		funded: await fundedProjects(db, row.id)
	};
}

/** Everything about a round's needs in one status (or all), contacts included: admins only. */
export async function listNeedsForModeration(db: DB, roundId: number, status: NeedStatus | 'all') {
	let query = db
		.selectFrom('needs')
		.select([
			'id',
			'receipt_code',
			'title',
			'description',
			'category',
			'district',
			'street',
			'affected_group',
			'affected_count',
			'urgency',
			'contact_name',
			'contact_phone',
			'status',
			'decline_reason',
			'support_count',
			'created_at',
			'published_at'
		])
		.where('round_id', '=', roundId);
	if (status !== 'all') query = query.where('status', '=', status);
	// Oldest first: the queue is worked through in the order residents wrote in.
	const rows = await query.orderBy('created_at').orderBy('id').execute();
	return rows.map((r) => ({ ...r, receipt_code: formatReceiptCode(r.receipt_code) }));
}

/**
 * Publishes needs that await moderation or were declined; returns the ids published. With
 * `roundId`, needs of other rounds are left alone.
 */
export async function publishNeeds(
	db: DB,
	ids: readonly number[],
	actorId: number,
	roundId?: number
): Promise<number[]> {
	if (ids.length === 0) return [];
	return db.transaction().execute(async (trx) => {
		let query = trx
			.selectFrom('needs')
			.select('id')
			.where('id', 'in', [...ids])
			.where('status', 'in', ['new', 'declined']);
		if (roundId !== undefined) query = query.where('round_id', '=', roundId);
		const found = (await query.execute()).map((r) => r.id);
		if (found.length === 0) return [];
		const at = new Date().toISOString();
		await trx
			.updateTable('needs')
			.set({ status: 'published', published_at: at, decline_reason: null })
			.where('id', 'in', found)
			.execute();
		for (const id of found) {
			await audit(trx, { actorId, action: 'need.publish', entity: 'need', entityId: id });
		}
		return found;
	});
}

/**
 * Declines a need awaiting moderation (or takes a published one down) with a reason the resident
 * reads on their tracking page. False when there was nothing to decline.
 */
export async function declineNeed(
	db: DB,
	id: number,
	reason: string,
	actorId: number,
	roundId?: number
): Promise<boolean> {
	const why = reason.trim();
	if (!why) throw new Error('a reason is required to decline a need');
	return db.transaction().execute(async (trx) => {
		let query = trx
			.updateTable('needs')
			.set({ status: 'declined', decline_reason: why, published_at: null })
			.where('id', '=', id)
			.where('status', 'in', ['new', 'published']);
		if (roundId !== undefined) query = query.where('round_id', '=', roundId);
		const result = await query.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) return false;
		await audit(trx, { actorId, action: 'need.decline', entity: 'need', entityId: id, reason: why });
		return true;
	});
}
