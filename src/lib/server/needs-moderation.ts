/** Moderating a round's needs (admins only): the queue, publish, edit, decline, merge, carry over to a later round, export. */
import { sql } from 'kysely';
import type { DB } from './db';
import { lockRows } from './db';
import type { NeedStatus, Round } from './schema';
import { ROLLOVER_FROM_PHASES, ROLLOVER_TO_PHASES } from '../domain/phases';
import { audit } from './audit';
import { indexNeedTexts } from './need-search';
import { inPhase } from './rounds';
import { ok, refuse, refuseField, type Outcome } from './outcome';
import { ANSWERING, formatReceiptCode } from './needs';

export const MODERATION_PAGE_SIZE = 50;

/** Nothing to do: the need was moderated in the meantime, or is of another round. */
const NOT_PENDING = refuse('needs.err.notPending', undefined, 409);

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
			'channel',
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

/** The ids among `ids` in one of `statuses` (and of round `roundId`, when given), locked until the transaction ends. */
async function lockNeedsIn(trx: DB, ids: readonly number[], statuses: NeedStatus[], roundId?: number): Promise<number[]> {
	let query = trx.selectFrom('needs').select('id').where('id', 'in', [...ids]).where('status', 'in', statuses);
	if (roundId !== undefined) query = query.where('round_id', '=', roundId);
	return (await query.forUpdate().execute()).map((r) => r.id);
}

/**
 * Publishes needs that await moderation or were declined; gives back the ids published, refused
 * (409) when none was. With `roundId`, needs of other rounds are left alone.
 */
export async function publishNeeds(
	db: DB,
	ids: readonly number[],
	actorId: number,
	roundId?: number
): Promise<Outcome<number[]>> {
	if (ids.length === 0) return NOT_PENDING;
	return db.transaction().execute(async (trx) => {
		const found = await lockNeedsIn(trx, ids, ['new', 'declined'], roundId);
		if (found.length === 0) return NOT_PENDING;
		const at = new Date().toISOString();
		await trx
			.updateTable('needs')
			.set({ status: 'published', published_at: at, decline_reason: null, declined_at: null })
			.where('id', 'in', found)
			.execute();
		for (const id of found) {
			await audit(trx, { actorId, action: 'need.publish', entity: 'need', entityId: id });
		}
		return ok(found);
	});
}

export interface PublicText {
	title: string;
	description: string;
	affected_group: string;
}

/**
 * Sets a need's public text (a moderator taking personal details out) and publishes it when it
 * awaits moderation or was declined. What the resident wrote first is kept for admins. Refused
 * (409) when the need is merged or of another round.
 */
export async function editAndPublishNeed(
	db: DB,
	id: number,
	text: PublicText,
	actorId: number,
	roundId?: number
): Promise<Outcome> {
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
		const need = await query.forUpdate().executeTakeFirst();
		if (!need) return NOT_PENDING;
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
			await indexNeedTexts(trx, [{ id, title: text.title, description: text.description, affected_group: text.affected_group }]);
			await audit(trx, { actorId, action: 'need.edit', entity: 'need', entityId: id, detail: { fields: edited } });
		}
		if (publishing) await audit(trx, { actorId, action: 'need.publish', entity: 'need', entityId: id });
		return ok();
	});
}

/**
 * Declines needs awaiting moderation (or takes published ones down) with a reason the resident
 * reads on their tracking page. Gives back the ids declined, refused (409) when none was.
 */
export async function declineNeeds(
	db: DB,
	ids: readonly number[],
	reason: string,
	actorId: number,
	roundId?: number
): Promise<Outcome<number[]>> {
	const why = reason.trim();
	if (!why) return refuseField('reason', 'err.required');
	if (ids.length === 0) return NOT_PENDING;
	return db.transaction().execute(async (trx) => {
		const found = await lockNeedsIn(trx, ids, ['new', 'published'], roundId);
		if (found.length === 0) return NOT_PENDING;
		await trx
			.updateTable('needs')
			.set({ status: 'declined', decline_reason: why, published_at: null, declined_at: new Date().toISOString() })
			.where('id', 'in', found)
			.execute();
		for (const id of found) {
			await audit(trx, { actorId, action: 'need.decline', entity: 'need', entityId: id, reason: why });
		}
		return ok(found);
	});
}

/** Declines one need; refused (409) when there was nothing to decline. */
export async function declineNeed(
	db: DB,
	id: number,
	reason: string,
	actorId: number,
	roundId?: number
): Promise<Outcome> {
	const declined = await declineNeeds(db, [id], reason, actorId, roundId);
	return declined.ok ? ok() : declined;
}

/**
 * Merges a need into another of the same round as a duplicate. The duplicate's supporters count
 * for the target (each supporter once), needs merged into the duplicate now point at the target,
 * and the duplicate's receipt code follows the target from now on. The target, if new, is
 * published: a merge is a moderator saying "this need is real, and here it is". Refused when the
 * need is not pending (409), or the target is itself or not a live need of the same round.
 */
export async function mergeNeed(
	db: DB,
	id: number,
	targetId: number,
	actorId: number,
	roundId?: number
): Promise<Outcome> {
	if (id === targetId) return refuseField('target', 'needs.err.mergeSelf');
	return db.transaction().execute(async (trx) => {
		// Both needs, in id order: a "me too" or another merge of either waits for this one.
		await lockRows(trx, 'needs', [id, targetId]);
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
		if (!source) return NOT_PENDING;
		const target = await of(targetId, ['new', 'published']);
		if (!target || target.round_id !== source.round_id) return refuseField('target', 'needs.err.mergeTarget');
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
		return ok();
	});
}

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
): Promise<Outcome<{ moved: number }>> {
	if (from.id === to.id) return refuseField('target_round', 'needs.err.rolloverSame', undefined, 409);
	if (!inPhase(from, ROLLOVER_FROM_PHASES, now)) return refuseField('target_round', 'needs.err.rolloverSource', undefined, 409);
	if (!inPhase(to, ROLLOVER_TO_PHASES, now)) return refuseField('target_round', 'needs.err.rolloverTarget', undefined, 409);
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
			.forUpdate()
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
		return ok({ moved: ids.length });
	});
}

/**
 * A round's needs for an admin's spreadsheet: everything public, plus status and receipt code.
 * Every export is recorded: who took the list away, in which format, how many rows.
 */
export async function exportNeeds(db: DB, input: { roundId: number; actorId: number; format: 'csv' | 'xlsx' }) {
	const needs = await needsForExport(db, input.roundId);
	await audit(db, {
		actorId: input.actorId,
		action: 'need.export',
		entity: 'round',
		entityId: input.roundId,
		detail: { format: input.format, rows: needs.length }
	});
	return needs;
}

async function needsForExport(db: DB, roundId: number) {
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
