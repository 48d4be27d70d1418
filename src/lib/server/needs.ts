/** Residents' needs: reporting, the receipt code, tracking, the public board, "me too". Moderation is in needs-moderation.ts. */
import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from './db';
import { isUniqueViolation, likeAnyCase } from './db';
import type { Database, NeedChannel, NeedStatus, Round } from './schema';
import type { NeedInput } from '../schemas/needs';
import { NEEDS_CALL_PHASES, currentPhase } from '../domain/phases';
import { audit } from './audit';
import { decisionState, getRoundByIdOrThrow, inPhase } from './rounds';
import { needStage, proposalStage, stageCountsAsFunded, type NeedStage, type ProposalStage, type RoundDecisionState } from '../domain/status';
import { randomString } from './random';
import { fundedIds, grantFactsOf } from './grant-facts';
import { LIMITS, consume } from './rate-limit';
import { resolvePlace } from './places';
import { ok, phaseClosed, refuse, refuseField, type Outcome } from './outcome';
import { isActiveCategory } from './categories';
import { holdingPairsOf, indexNeedTexts, indexPendingNeeds } from './need-search';
import { memoUntilWrite } from './cache';
import type { BoardSort, BoardStatus } from '../schemas/needs';

export const NEEDS_PAGE_SIZE = 20;

const RECEIPT_LENGTH = 12;
const RECEIPT_PATTERN = /^[abcdefghijkmnpqrstuvwxyz23456789]{12}$/;

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

async function receiptBySubmissionKey(db: DB, submissionKey: string) {
	return db
		.selectFrom('needs')
		.select('receipt_code')
		.where('submission_key', '=', submissionKey)
		.executeTakeFirst();
}

/** How a need came in: online by the resident, or entered by a staff member from another channel. */
export interface Intake {
	channel: NeedChannel;
	enteredBy: number | null;
}
const ONLINE: Intake = { channel: 'online', enteredBy: null };

/**
 * Stores a resident's need as `new` (awaiting moderation) and gives back its receipt code. A
 * form sent twice with the same `submissionKey` gives the first need's receipt and stores nothing.
 * Refused (409) outside the needs call, and for a category or place that does not exist (or no
 * longer does).
 */
export async function reportNeed(
	db: DB,
	round: Round,
	input: NeedInput,
	submissionKey: string | null,
	now = new Date(),
	intake: Intake = ONLINE
): Promise<Outcome<{ receiptCode: string; duplicate: boolean }>> {
	if (submissionKey) {
		const existing = await receiptBySubmissionKey(db, submissionKey);
		if (existing) return ok({ receiptCode: formatReceiptCode(existing.receipt_code), duplicate: true });
	}
	if (!inPhase(round, NEEDS_CALL_PHASES, now)) return phaseClosed(round, now, 409);
	if (!(await isActiveCategory(db, input.category))) return refuseField('category', 'err.choice');
	const resolved = await resolvePlace(db, input);
	if (!resolved.ok) return resolved;
	const place = resolved.value;

	for (let attempt = 0; ; attempt++) {
		const code = randomString(RECEIPT_LENGTH);
		try {
			const stored = await db
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
					// The form refuses a contact without the consent box ticked.
					contact_consent_at: input.contact_name || input.contact_phone ? now.toISOString() : null,
					channel: intake.channel,
					entered_by: intake.enteredBy,
					status: 'new',
					created_at: now.toISOString()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await indexNeedTexts(db, [{ id: stored.id, title: input.title, description: input.description, affected_group: input.affected_group }]);
			if (intake.enteredBy !== null) {
				await audit(db, { actorId: intake.enteredBy, action: 'need.enter_on_behalf', entity: 'need', entityId: stored.id, detail: { channel: intake.channel } });
			}
			return ok({ receiptCode: formatReceiptCode(code), duplicate: false });
		} catch (error) {
			// The same form sent twice at once: the other request stored it first.
			if (submissionKey && isUniqueViolation(error, 'needs', 'submission_key')) {
				const existing = await receiptBySubmissionKey(db, submissionKey);
				if (existing) return ok({ receiptCode: formatReceiptCode(existing.receipt_code), duplicate: true });
			}
			// 60 random bits rarely collide; try a fresh code a few times before giving up.
			if (!isUniqueViolation(error, 'needs', 'receipt_code') || attempt >= 4) throw error;
		}
	}
}

/** Proposals that count as answering a need: submitted or further, not drafts or withdrawn. */
export const ANSWERING = ['submitted', 'eligible', 'ineligible', 'funded', 'not_funded'] as const;

/** The proposals answering a need (submitted or further), each with its status now (one status model). */
async function answeringStages(db: DB, needId: number, now = new Date()) {
	const rows = await db
		.selectFrom('proposal_needs')
		.innerJoin('proposals', 'proposals.id', 'proposal_needs.proposal_id')
		.select(['proposals.id', 'proposals.title', 'proposals.status', 'proposals.round_id'])
		.where('proposal_needs.need_id', '=', needId)
		.where('proposals.status', 'in', ANSWERING)
		.orderBy('proposals.id')
		.execute();
	const states = new Map<number, RoundDecisionState>();
	for (const id of new Set(rows.map((r) => r.round_id))) {
		const round = await getRoundByIdOrThrow(db, id);
		states.set(id, decisionState(round, now));
	}
	const facts = await grantFactsOf(db, fundedIds(rows));
	return rows.map((r) => ({ id: r.id, title: r.title, stage: proposalStage(r.status, states.get(r.round_id)!, facts.get(r.id) ?? null) }));
}

/** Funded projects answering a need: only once their round's list is confirmed. */
function fundedOf(answering: Awaited<ReturnType<typeof answeringStages>>) {
	return answering
		.filter((p) => stageCountsAsFunded(p.stage))
		.map((p) => ({ id: p.id, title: p.title, stage: p.stage, completed: p.stage === 'completed' }));
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
	funded: { id: number; title: string; stage: ProposalStage; completed: boolean }[];
	/** The need's status now (one status model). */
	stage: NeedStage;
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
	const answering = published ? await answeringStages(db, row.id, now) : [];
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
		answeredBy: answering.length,
		funded: fundedOf(answering),
		stage: needStage(row.status, answering.map((p) => p.stage))
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
		// The index narrows the needs to those holding every character pair of the words; the text
		// itself then decides, as it always did (the index only makes it quick).
		const indexed = holdingPairsOf(q);
		if (indexed) query = query.where(indexed);
		query = query.where((eb) =>
			eb.or([
				likeAnyCase(db, eb.ref('needs.title'), pattern),
				likeAnyCase(db, eb.ref('needs.description'), pattern),
				likeAnyCase(db, eb.ref('needs.affected_group'), pattern)
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
	if (filter.q?.trim()) await indexPendingNeeds(db);
	const { page, items, count } = boardQueries(db, roundId, filter);
	const [rows, total] = await Promise.all([items.execute(), count.executeTakeFirstOrThrow()]);
	return { items: rows, total: Number(total.n), page, pageSize: NEEDS_PAGE_SIZE };
}

/** The districts and streets that published needs of a round name, for the board's filters. */
export function boardPlaces(db: DB, roundId: number) {
	// Every visitor's board reads the same list: once per round until the data changes.
	return memoUntilWrite(db, `boardPlaces:${roundId}`, { round: roundId }, () => readBoardPlaces(db, roundId));
}

async function readBoardPlaces(db: DB, roundId: number) {
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
	const answering = await answeringStages(db, row.id, now);
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
		proposalCount: answering.length,
		funded: fundedOf(answering),
		stage: needStage('published', answering.map((p) => p.stage))
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
): Promise<Outcome<{ needId: number; added: boolean }>> {
	const target = (await publicTargetOf(db, needId)) ?? needId;
	const need = await getPublicNeed(db, target, now);
	if (!need) return refuse('error.404', undefined, 404);
	if (!need.supportOpen) return refuse('needs.err.supportClosed', undefined, 409);
	if (await hasSupported(db, target, supporterHash)) return ok({ needId: target, added: false });
	if (address !== null && !(await consume(db, `support-need:${target}`, address, LIMITS.supportPerNeed, now))) {
		return refuse('needs.err.supportLimit', undefined, 429);
	}
	return db.transaction().execute(async (trx) => {
		// A merge of this need waits for the support, or the support for the merge (and then refuses).
		const live = await trx.selectFrom('needs').select('status').where('id', '=', target).forUpdate().executeTakeFirst();
		if (live?.status !== 'published') return refuse('needs.err.supportClosed', undefined, 409);
		const inserted = await trx
			.insertInto('need_supports')
			.values({ need_id: target, supporter_hash: supporterHash, created_at: now.toISOString() })
			.onConflict((oc) => oc.columns(['need_id', 'supporter_hash']).doNothing())
			.executeTakeFirst();
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return ok({ needId: target, added: false });
		await trx
			.updateTable('needs')
			.set((eb) => ({ support_count: eb('support_count', '+', 1) }))
			.where('id', '=', target)
			.execute();
		return ok({ needId: target, added: true });
	});
}

/** Whether this supporter has already said "me too" to the need. */
/**
 * The cookie of a browser that said "me too" (a random token; only its hash is stored). A page
 * read with it shows that browser's own state, so the page cache never shares one (hooks.server.ts).
 */
export const SUPPORTER_COOKIE = 'supporter';

export async function hasSupported(db: DB, needId: number, supporterHash: string): Promise<boolean> {
	const row = await db
		.selectFrom('need_supports')
		.select('need_id')
		.where('need_id', '=', needId)
		.where('supporter_hash', '=', supporterHash)
		.executeTakeFirst();
	return !!row;
}
