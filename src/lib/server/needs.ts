import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from './db';
import type { Database, NeedStatus, Round } from './schema';
import type { NeedInput } from '../schemas/needs';
import { ROLLOVER_FROM_PHASES, ROLLOVER_TO_PHASES, currentPhase, type Phase } from '../domain/phases';
import { audit } from './audit';
import { phaseOf } from './rounds';
import { randomString } from './random';
import { LIMITS, consume } from './rate-limit';
import { PlaceError, resolvePlace } from './places';
import { isActiveCategory } from './categories';
import type { MessageKey } from '../i18n';
import type { BoardSort, BoardStatus } from '../schemas/needs';

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

/** A report that names a category or place that does not exist (or no longer does). */
export class NeedInputError extends Error {
	constructor(
		readonly field: string,
		readonly key: MessageKey
	) {
		super(`bad ${field}`);
		this.name = 'NeedInputError';
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
	if (!(await isActiveCategory(db, input.category))) throw new NeedInputError('category', 'err.choice');
	let place;
	try {
		place = await resolvePlace(db, input);
	} catch (e) {
		if (e instanceof PlaceError) throw new NeedInputError(e.field, 'needs.err.place');
		throw e;
	}

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
					district: place.district,
					street: place.street,
					community: place.community,
					district_id: place.districtId,
					street_id: place.streetId,
					community_id: place.communityId,
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
async function fundedProjects(
	db: DB,
	needId: number,
	now = new Date()
): Promise<{ id: number; title: string; completed: boolean }[]> {
	const rows = await db
		.selectFrom('proposal_needs')
		.innerJoin('proposals', 'proposals.id', 'proposal_needs.proposal_id')
		.innerJoin('rounds', 'rounds.id', 'proposals.round_id')
		.select(['proposals.id', 'proposals.title', 'rounds.closed_at', 'rounds.phase_override'])
		.where('proposal_needs.need_id', '=', needId)
		.where('proposals.status', '=', 'funded')
		.where('rounds.results_published_at', 'is not', null)
		.orderBy('proposals.id')
		.execute();
	// A funded project is complete once its round has closed (final reports are in).
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		completed: r.phase_override === 'closed' || (r.phase_override === null && r.closed_at <= now.toISOString())
	}));
}

export interface TrackedNeed {
	receiptCode: string;
	title: string;
	status: NeedStatus;
	declineReason: string | null;
	receivedAt: string;
	publishedAt: string | null;
	declinedAt: string | null;
	/** When the need was merged: the time, and the need it now counts as (followed below). */
	merged: { at: string | null; intoTitle: string; intoStatus: NeedStatus } | null;
	/** The public page, once published (of the need it was merged into, when merged). */
	publicId: number | null;
	round: { slug: string; title: string; timeZone: string };
	answeredBy: number;
	funded: { id: number; title: string; completed: boolean }[];
}

function needByReceipt(db: DB) {
	return db
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
			'needs.declined_at',
			'needs.merged_at',
			'needs.merged_into',
			'rounds.slug as round_slug',
			'rounds.title as round_title',
			'rounds.time_zone'
		]);
}

/**
 * What a resident sees of their own need by its receipt code; never the contact. A merged need
 * shows the need it was merged into, so its progress stays visible on the same code.
 */
export async function trackNeed(db: DB, code: string, now = new Date()): Promise<TrackedNeed | undefined> {
	const receipt = normaliseReceiptCode(code);
	if (!receipt) return undefined;
	const own = await needByReceipt(db).where('needs.receipt_code', '=', receipt).executeTakeFirst();
	if (!own) return undefined;
	let row = own;
	// Merges are flattened when made; the bound only guards against a hand-edited loop.
	for (let hops = 0; row.status === 'merged' && hops < 5; hops++) {
		const into = row.merged_into;
		if (into == null) break;
		const next = await needByReceipt(db).where('needs.id', '=', into).executeTakeFirst();
		if (!next) break;
		row = next;
	}
	const published = row.status === 'published';
	return {
		receiptCode: formatReceiptCode(own.receipt_code),
		title: own.title,
		status: own.status,
		declineReason: own.status === 'declined' ? own.decline_reason : null,
		receivedAt: own.created_at,
		publishedAt: published ? row.published_at : null,
		declinedAt: own.status === 'declined' ? own.declined_at ?? null : null,
		merged:
			own.status === 'merged' && row !== own
				? { at: own.merged_at ?? null, intoTitle: row.title, intoStatus: row.status }
				: null,
		publicId: published ? row.id : null,
		round: { slug: row.round_slug, title: row.round_title, timeZone: row.time_zone },
		answeredBy: published ? await answeringCount(db, row.id) : 0,
		funded: published ? await fundedProjects(db, row.id, now) : []
	};
}

export interface NeedFilter {
	district?: string | null;
	street?: string | null;
	category?: string | null;
	status?: BoardStatus | null;
	q?: string | null;
	sort?: BoardSort | null;
	page?: number;
}

/** `%` and `_` typed by a person are literal text, not wildcards. */
function likePattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The public needs board's two queries (a page of needs, and how many there are), built but not
 * run, so that their plans can be checked (see needs-board-plans.spec.ts).
 */
export function boardQueries(db: DB, roundId: number, filter: NeedFilter = {}) {
	let query = db
		.selectFrom('needs')
		.where('needs.round_id', '=', roundId)
		.where('needs.status', '=', 'published');
	if (filter.district) query = query.where('needs.district', '=', filter.district);
	if (filter.street) query = query.where('needs.street', '=', filter.street);
	if (filter.category) query = query.where('needs.category', '=', filter.category);
	const q = filter.q?.trim();
	if (q) {
		const pattern = likePattern(q);
		query = query.where((eb) =>
			eb.or([
				sql<boolean>`${eb.ref('needs.title')} like ${pattern} escape '\\'`,
				sql<boolean>`${eb.ref('needs.description')} like ${pattern} escape '\\'`,
				sql<boolean>`${eb.ref('needs.affected_group')} like ${pattern} escape '\\'`
			])
		);
	}
	if (filter.status) {
		const statuses = filter.status === 'funded' ? (['funded'] as const) : ANSWERING;
		const answered = (eb: ExpressionBuilder<Database, 'needs'>) =>
			eb.exists(
				eb
					.selectFrom('proposal_needs')
					.innerJoin('proposals', 'proposals.id', 'proposal_needs.proposal_id')
					.select(sql`1`.as('one'))
					.whereRef('proposal_needs.need_id', '=', 'needs.id')
					.where('proposals.status', 'in', statuses)
			);
		query = query.where((eb) => (filter.status === 'open' ? eb.not(answered(eb)) : answered(eb)));
	}
	const page = Math.max(1, Math.floor(filter.page ?? 1));
	let items = query.select([
		'needs.id',
		'needs.title',
		'needs.category',
		'needs.district',
		'needs.street',
		'needs.community',
		'needs.urgency',
		'needs.support_count',
		'needs.published_at'
	]);
	items =
		filter.sort === 'support'
			? items.orderBy('needs.support_count', 'desc').orderBy('needs.id', 'desc')
			: items.orderBy('needs.published_at', 'desc').orderBy('needs.id', 'desc');
	return {
		page,
		items: items.limit(NEEDS_PAGE_SIZE).offset((page - 1) * NEEDS_PAGE_SIZE),
		count: query.select((eb) => eb.fn.countAll<number>().as('n'))
	};
}

/**
 * The public needs board: published needs of a round, filtered, newest or most supported first,
 * 20 a page. Each narrowing has its index (see the needs-registry migration).
 */
export async function listPublishedNeeds(db: DB, roundId: number, filter: NeedFilter = {}) {
	const { page, items, count } = boardQueries(db, roundId, filter);
	const [rows, total] = await Promise.all([items.execute(), count.executeTakeFirstOrThrow()]);
	return { items: rows, total: Number(total.n), page, pageSize: NEEDS_PAGE_SIZE };
}

/** The districts and streets that published needs of a round name, for the board's filters. */
export async function boardPlaces(db: DB, roundId: number) {
	const rows = await db
		.selectFrom('needs')
		.select(['district', 'street'])
		.distinct()
		.where('round_id', '=', roundId)
		.where('status', '=', 'published')
		.orderBy('district')
		.orderBy('street')
		.execute();
	const out = new Map<string, string[]>();
	for (const r of rows) out.set(r.district, [...(out.get(r.district) ?? []), r.street]);
	return [...out].map(([district, streets]) => ({ district, streets }));
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
			'needs.community',
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
	if (!row) return undefined;
	const phase = currentPhase(row, now);
	if (phase === 'draft') return undefined;
	return {
		id: row.id,
		title: row.title,
		description: row.description,
		category: row.category,
		district: row.district,
		street: row.street,
		community: row.community ?? null,
		affectedGroup: row.affected_group,
		affectedCount: row.affected_count,
		urgency: row.urgency,
		supportCount: row.support_count,
		publishedAt: row.published_at,
		supportOpen: phase !== 'closed',
		round: { id: row.round_id, slug: row.round_slug, title: row.round_title, timeZone: row.time_zone },
		proposalCount: await answeringCount(db, row.id),
		funded: await fundedProjects(db, row.id, now)
	};
}

/** Where a merged or retired need now lives publicly: its published target's id, if any. */
export async function publicTargetOf(db: DB, id: number): Promise<number | undefined> {
	const row = await db
		.selectFrom('needs as n')
		.innerJoin('needs as t', 't.id', 'n.merged_into')
		.select('t.id')
		.where('n.id', '=', id)
		.where('n.status', '=', 'merged')
		.where('t.status', '=', 'published')
		.executeTakeFirst();
	return row?.id;
}

export type SupportOutcome = 'added' | 'already' | 'closed' | 'not_found' | 'limited';

/**
 * "Me too" from one supporter (a hash of a browser cookie): counted once per need. From one
 * client address (`address`, an address key; stored only hashed) a need takes at most a few
 * supports a day (LIMITS.supportPerNeed), however many cookies it throws away. Supporting a
 * merged need supports the need it was merged into.
 */
export async function supportNeed(
	db: DB,
	needId: number,
	supporterHash: string,
	address: string | null = null,
	now = new Date()
): Promise<{ outcome: SupportOutcome; needId: number }> {
	const target = (await publicTargetOf(db, needId)) ?? needId;
	const need = await getPublicNeed(db, target, now);
	if (!need) return { outcome: 'not_found', needId: target };
	if (!need.supportOpen) return { outcome: 'closed', needId: target };
	if (await hasSupported(db, target, supporterHash)) return { outcome: 'already', needId: target };
	if (address !== null && !(await consume(db, `support-need:${target}`, address, LIMITS.supportPerNeed, now))) {
		return { outcome: 'limited', needId: target };
	}
	return db.transaction().execute(async (trx) => {
		const inserted = await trx
			.insertInto('need_supports')
			.values({ need_id: target, supporter_hash: supporterHash, created_at: now.toISOString() })
			.onConflict((oc) => oc.columns(['need_id', 'supporter_hash']).doNothing())
			.executeTakeFirst();
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { outcome: 'already' as const, needId: target };
		await trx
			.updateTable('needs')
			.set((eb) => ({ support_count: eb('support_count', '+', 1) }))
			.where('id', '=', target)
			.execute();
		return { outcome: 'added' as const, needId: target };
	});
}

/** Whether this supporter has already said "me too" to the need. */
export async function hasSupported(db: DB, needId: number, supporterHash: string): Promise<boolean> {
	const row = await db
		.selectFrom('need_supports')
		.select('need_id')
		.where('need_id', '=', needId)
		.where('supporter_hash', '=', supporterHash)
		.executeTakeFirst();
	return !!row;
}

export const MODERATION_PAGE_SIZE = 50;

/** Everything about a round's needs in one status (or all), contacts included: admins only. */
export async function listNeedsForModeration(
	db: DB,
	roundId: number,
	status: NeedStatus | 'all',
	page = 1
) {
	let query = db.selectFrom('needs').where('round_id', '=', roundId);
	if (status !== 'all') query = query.where('status', '=', status);
	// Oldest first: the queue is worked through in the order residents wrote in.
	const rows = await query
		.select([
			'id',
			'receipt_code',
			'title',
			'description',
			'category',
			'district',
			'street',
			'community',
			'affected_group',
			'affected_count',
			'urgency',
			'contact_name',
			'contact_phone',
			'status',
			'decline_reason',
			'support_count',
			'created_at',
			'published_at',
			'merged_into',
			'original_title',
			'original_description',
			'original_affected_group',
			'carried_from_round_id'
		])
		.orderBy('created_at')
		.orderBy('id')
		.limit(MODERATION_PAGE_SIZE)
		.offset((Math.max(1, page) - 1) * MODERATION_PAGE_SIZE)
		.execute();
	return rows.map((r) => ({ ...r, receipt_code: formatReceiptCode(r.receipt_code) }));
}

/** How many needs of a round are in each status. */
export async function moderationCounts(db: DB, roundId: number): Promise<Record<NeedStatus, number>> {
	const rows = await db
		.selectFrom('needs')
		.select(['status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('round_id', '=', roundId)
		.groupBy('status')
		.execute();
	const out: Record<NeedStatus, number> = { new: 0, published: 0, declined: 0, merged: 0 };
	for (const r of rows) out[r.status] = Number(r.n);
	return out;
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
			.set({ status: 'published', published_at: at, decline_reason: null, declined_at: null })
			.where('id', 'in', found)
			.execute();
		for (const id of found) {
			await audit(trx, { actorId, action: 'need.publish', entity: 'need', entityId: id });
		}
		return found;
	});
}

export interface PublicText {
	title: string;
	description: string;
	affected_group: string;
}

/**
 * Sets a need's public text (a moderator taking personal details out) and publishes it when it
 * awaits moderation or was declined. What the resident wrote first is kept for admins. False when
 * the need is merged or of another round.
 */
export async function editAndPublishNeed(
	db: DB,
	id: number,
	text: PublicText,
	actorId: number,
	roundId?: number
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		let query = trx
			.selectFrom('needs')
			.select([
				'id',
				'status',
				'title',
				'description',
				'affected_group',
				'original_title',
				'original_description',
				'original_affected_group'
			])
			.where('id', '=', id)
			.where('status', 'in', ['new', 'declined', 'published']);
		if (roundId !== undefined) query = query.where('round_id', '=', roundId);
		const need = await query.executeTakeFirst();
		if (!need) return false;
		const edited = (['title', 'description', 'affected_group'] as const).filter((f) => need[f] !== text[f]);
		const publishing = need.status !== 'published';
		await trx
			.updateTable('needs')
			.set({
				...text,
				// The first original is the resident's; later edits never overwrite it.
				original_title: need.original_title ?? (edited.includes('title') ? need.title : null),
				original_description:
					need.original_description ?? (edited.includes('description') ? need.description : null),
				original_affected_group:
					need.original_affected_group ?? (edited.includes('affected_group') ? need.affected_group : null),
				...(publishing
					? { status: 'published' as const, published_at: new Date().toISOString(), decline_reason: null, declined_at: null }
					: {})
			})
			.where('id', '=', id)
			.execute();
		if (edited.length) {
			await audit(trx, { actorId, action: 'need.edit', entity: 'need', entityId: id, detail: { fields: edited } });
		}
		if (publishing) await audit(trx, { actorId, action: 'need.publish', entity: 'need', entityId: id });
		return true;
	});
}

/**
 * Declines needs awaiting moderation (or takes published ones down) with a reason the resident
 * reads on their tracking page. Returns the ids declined.
 */
export async function declineNeeds(
	db: DB,
	ids: readonly number[],
	reason: string,
	actorId: number,
	roundId?: number
): Promise<number[]> {
	const why = reason.trim();
	if (!why) throw new Error('a reason is required to decline a need');
	if (ids.length === 0) return [];
	return db.transaction().execute(async (trx) => {
		let query = trx
			.selectFrom('needs')
			.select('id')
			.where('id', 'in', [...ids])
			.where('status', 'in', ['new', 'published']);
		if (roundId !== undefined) query = query.where('round_id', '=', roundId);
		const found = (await query.execute()).map((r) => r.id);
		if (found.length === 0) return [];
		await trx
			.updateTable('needs')
			.set({ status: 'declined', decline_reason: why, published_at: null, declined_at: new Date().toISOString() })
			.where('id', 'in', found)
			.execute();
		for (const id of found) {
			await audit(trx, { actorId, action: 'need.decline', entity: 'need', entityId: id, reason: why });
		}
		return found;
	});
}

/** Declines one need; false when there was nothing to decline. */
export async function declineNeed(
	db: DB,
	id: number,
	reason: string,
	actorId: number,
	roundId?: number
): Promise<boolean> {
	return (await declineNeeds(db, [id], reason, actorId, roundId)).length === 1;
}

export type MergeOutcome = 'merged' | 'not_found' | 'target_not_found' | 'self';

/**
 * Merges a need into another of the same round as a duplicate. The duplicate's supporters count
 * for the target (each supporter once), needs merged into the duplicate now point at the target,
 * and the duplicate's receipt code follows the target from now on. The target, if new, is
 * published: a merge is a moderator saying "this need is real, and here it is".
 */
export async function mergeNeed(
	db: DB,
	id: number,
	targetId: number,
	actorId: number,
	roundId?: number
): Promise<MergeOutcome> {
	if (id === targetId) return 'self';
	return db.transaction().execute(async (trx) => {
		const of = (needId: number, statuses: NeedStatus[]) => {
			let q = trx
				.selectFrom('needs')
				.select(['id', 'round_id', 'status', 'support_count'])
				.where('id', '=', needId)
				.where('status', 'in', statuses);
			if (roundId !== undefined) q = q.where('round_id', '=', roundId);
			return q.executeTakeFirst();
		};
		const source = await of(id, ['new', 'published', 'declined']);
		if (!source) return 'not_found';
		const target = await of(targetId, ['new', 'published']);
		if (!target || target.round_id !== source.round_id) return 'target_not_found';
		const now = new Date().toISOString();

		// Supporters of the duplicate not already behind the target carry over; so does the rest of
		// its count (supports recorded before per-supporter rows, e.g. imported figures).
		const sourceRows = await trx
			.selectFrom('need_supports')
			.select(['supporter_hash', 'created_at'])
			.where('need_id', '=', id)
			.execute();
		let moved = 0;
		for (const r of sourceRows) {
			const ins = await trx
				.insertInto('need_supports')
				.values({ need_id: targetId, supporter_hash: r.supporter_hash, created_at: r.created_at })
				.onConflict((oc) => oc.columns(['need_id', 'supporter_hash']).doNothing())
				.executeTakeFirst();
			moved += Number(ins.numInsertedOrUpdatedRows ?? 0);
		}
		const untracked = Math.max(0, source.support_count - sourceRows.length);
		await trx
			.updateTable('needs')
			.set((eb) => ({ support_count: eb('support_count', '+', moved + untracked) }))
			.where('id', '=', targetId)
			.execute();
		if (target.status === 'new') {
			await trx
				.updateTable('needs')
				.set({ status: 'published', published_at: now })
				.where('id', '=', targetId)
				.execute();
			await audit(trx, { actorId, action: 'need.publish', entity: 'need', entityId: targetId });
		}
		await trx
			.updateTable('needs')
			.set({ status: 'merged', merged_into: targetId, merged_at: now, published_at: null })
			.where('id', '=', id)
			.execute();
		// Keep merges one hop deep, so every receipt code reaches its live need directly.
		await trx
			.updateTable('needs')
			.set({ merged_into: targetId })
			.where('merged_into', '=', id)
			.execute();
		await audit(trx, {
			actorId,
			action: 'need.merge',
			entity: 'need',
			entityId: id,
			detail: { into: targetId, supports: moved + untracked }
		});
		return 'merged';
	});
}

export type RolloverResult =
	| { ok: true; moved: number }
	| { ok: false; reason: 'source_open' | 'target_phase' | 'same_round' };

/**
 * Carries a round's unanswered needs (published or awaiting moderation, answered by no submitted
 * proposal) into a later round. They move with their receipt codes and supporters, so residents
 * keep following them on the same code.
 */
export async function rollOverNeeds(
	db: DB,
	from: Round,
	to: Round,
	actorId: number,
	now = new Date()
): Promise<RolloverResult> {
	if (from.id === to.id) return { ok: false, reason: 'same_round' };
	if (!ROLLOVER_FROM_PHASES.includes(phaseOf(from, now))) return { ok: false, reason: 'source_open' };
	if (!ROLLOVER_TO_PHASES.includes(phaseOf(to, now))) return { ok: false, reason: 'target_phase' };
	return db.transaction().execute(async (trx) => {
		const rows = await trx
			.selectFrom('needs')
			.select('id')
			.where('round_id', '=', from.id)
			.where('status', 'in', ['new', 'published'])
			.where(({ not, exists, selectFrom }) =>
				not(
					exists(
						selectFrom('proposal_needs')
							.innerJoin('proposals', 'proposals.id', 'proposal_needs.proposal_id')
							.select(sql`1`.as('one'))
							.whereRef('proposal_needs.need_id', '=', 'needs.id')
							.where('proposals.status', '!=', 'withdrawn')
					)
				)
			)
			.execute();
		const ids = rows.map((r) => r.id);
		if (ids.length) {
			// Drafts and withdrawn proposals of the old round keep their links; those rows stay valid.
			await trx
				.updateTable('needs')
				.set({ round_id: to.id, carried_from_round_id: from.id })
				.where('id', 'in', ids)
				.execute();
			// Needs merged into a moved need move with it, so their codes still reach it.
			await trx
				.updateTable('needs')
				.set({ round_id: to.id, carried_from_round_id: from.id })
				.where('merged_into', 'in', ids)
				.execute();
		}
		await audit(trx, {
			actorId,
			action: 'need.rollover',
			entity: 'round',
			entityId: from.id,
			detail: { to: to.id, needs: ids.length }
		});
		return { ok: true, moved: ids.length };
	});
}

/** A round's needs for an admin's spreadsheet: everything public, plus status and receipt code. */
export async function needsForExport(db: DB, roundId: number) {
	const rows = await db
		.selectFrom('needs')
		.select([
			'id',
			'receipt_code',
			'status',
			'title',
			'description',
			'category',
			'district',
			'street',
			'community',
			'affected_group',
			'affected_count',
			'urgency',
			'support_count',
			'created_at',
			'published_at',
			'merged_into',
			'decline_reason'
		])
		.select((eb) =>
			eb
				.selectFrom('proposal_needs')
				.innerJoin('proposals', 'proposals.id', 'proposal_needs.proposal_id')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('proposal_needs.need_id', '=', 'needs.id')
				.where('proposals.status', 'in', ANSWERING)
				.as('proposal_count')
		)
		.where('round_id', '=', roundId)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ ...r, receipt_code: formatReceiptCode(r.receipt_code), proposal_count: Number(r.proposal_count ?? 0) }));
}
