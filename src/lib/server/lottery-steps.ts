/**
 * The steps of a round's published partial lottery for its grey zone, in an order the server
 * enforces (lib/domain/lottery.ts says why): the round opts in; the zone is recorded together
 * with the SHA-256 commitment of a seed drawn from the operating system's cryptographic source
 * (the seed stays secret); the draw reveals the seed, stores the drawn order and redraws the line.
 * Each step is audited; a recorded zone freezes the line's inputs (see lineFrozenByLottery).
 */
import { randomBytes } from 'node:crypto';
import type { DB } from './db';
import { LINE_EDIT_PHASES } from '../domain/phases';
import { greyZone, type GreyZone, type LineScore } from '../domain/grey-zone';
import { drawLottery, lotteryCommitment } from '../domain/lottery';
import { INTERVAL_Z_HUNDREDTHS } from '../domain/ranking';
import { audit } from './audit';
import { applyLine, parseDistrictCaps, previewFundingLine } from './decisions';
import { inPhase, lockedRound } from './rounds';
import type { Round } from './schema';
import { ok, phaseClosed, refuse, type Outcome } from './outcome';
import { districtNames, lotteryRecordOf, type ZoneEntry } from './grey-zone-lottery';

type Preview = Awaited<ReturnType<typeof previewFundingLine>>;

/**
 * The grey zone of a drawn line: among the proposals the score walk decided (funded, or passed
 * over because the pool ran out), those the reviews cannot tell apart across the line.
 */
export function zoneOfLine(preview: Pick<Preview, 'rows'>): { zone: GreyZone; entries: ZoneEntry[] } {
	const walked = preview.rows.filter(
		(r) => r.rank !== null && r.score !== null && (r.reason === 'funded' || r.reason === 'pool_exhausted')
	);
	const rows: LineScore[] = walked.map((r) => ({ id: r.id, score: Math.round(r.score! * 100), se: r.seHundredths, funded: r.funded }));
	const zone = greyZone(rows, INTERVAL_Z_HUNDREDTHS);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return { zone, entries: zone.ids.map((id) => ({ id, score: byId.get(id)!.score, se: byId.get(id)!.se })) };
}

function lineEditable(round: Round, now: Date): Outcome<void> {
	if (!inPhase(round, LINE_EDIT_PHASES, now)) return phaseClosed(round, now);
	if (round.notice_published_at) return refuse('results.err.noticePublished');
	return ok();
}

/** The round, locked until the transaction ends, while its line may still change. */
async function editableRound(trx: DB, roundId: number, now: Date): Promise<Outcome<Round>> {
	const round = await lockedRound(trx, roundId);
	if (!round) return refuse('review.err.noRound');
	const editable = lineEditable(round, now);
	return editable.ok ? ok(round) : editable;
}

/** The round (locked, its line still editable) and its recorded lottery, not yet drawn. */
async function undrawnLottery(trx: DB, roundId: number, now: Date) {
	const found = await editableRound(trx, roundId, now);
	if (!found.ok) return found;
	const round = found.value;
	const row = await trx.selectFrom('grey_zone_lotteries').selectAll().where('round_id', '=', round.id).executeTakeFirst();
	if (!row) return refuse('lottery.err.notRecorded');
	if (row.drawn_at) return refuse('lottery.err.drawn');
	return ok({ round, row });
}

/** The round opts into (or out of) the partial lottery; not once a zone is recorded. */
export async function setLotteryOptIn(
	db: DB,
	input: { roundId: number; actorId: number; optIn: boolean },
	now = new Date()
): Promise<Outcome<void>> {
	return db.transaction().execute(async (trx) => {
		const found = await editableRound(trx, input.roundId, now);
		if (!found.ok) return found;
		const round = found.value;
		if (await lotteryRecordOf(trx, round.id)) return refuse('lottery.err.recorded');
		await trx.updateTable('rounds').set({ grey_zone_lottery: input.optIn ? 1 : 0 }).where('id', '=', round.id).execute();
		await audit(trx, {
			actorId: input.actorId,
			action: input.optIn ? 'round.lottery_opt_in' : 'round.lottery_opt_out',
			entity: 'round',
			entityId: round.id
		});
		return ok();
	});
}

/** Step 1: records the grey zone of the drawn line and publishes the seed's commitment. */
export async function recordGreyZone(
	db: DB,
	input: { roundId: number; actorId: number },
	now = new Date(),
	seed = randomBytes(32).toString('hex')
): Promise<Outcome<{ commitment: string; zone: number[] }>> {
	return db.transaction().execute(async (trx) => {
		const found = await editableRound(trx, input.roundId, now);
		if (!found.ok) return found;
		const round = found.value;
		if (!round.grey_zone_lottery) return refuse('lottery.err.notOptedIn');
		if (!round.line_drawn_at) return refuse('results.err.lineNotDrawn');
		if (await lotteryRecordOf(trx, round.id)) return refuse('lottery.err.recorded');
		const { zone, entries } = zoneOfLine(await previewFundingLine(trx, round));
		if (entries.length < 2) return refuse('lottery.err.noZone');
		const commitment = lotteryCommitment(seed);
		await trx
			.insertInto('grey_zone_lotteries')
			.values({
				round_id: round.id,
				zone: JSON.stringify(entries),
				z_hundredths: zone.zHundredths,
				commitment,
				seed,
				recorded_by: input.actorId,
				recorded_at: now.toISOString(),
				drawn_by: null,
				drawn_at: null,
				drawn_order: null
			})
			.execute();
		// The seed itself is not in the audit log before the draw.
		await audit(trx, {
			actorId: input.actorId,
			action: 'round.lottery_record',
			entity: 'round',
			entityId: round.id,
			detail: { zone: zone.ids, fromRank: zone.fromRank, toRank: zone.toRank, commitment }
		});
		return ok({ commitment, zone: zone.ids });
	});
}

/** Step 2: reveals the seed, stores the drawn order and redraws the line walking the zone in it. */
export async function drawGreyZone(
	db: DB,
	input: { roundId: number; actorId: number },
	now = new Date()
): Promise<Outcome<{ seed: string; order: number[] }>> {
	return db.transaction().execute(async (trx) => {
		const found = await undrawnLottery(trx, input.roundId, now);
		if (!found.ok) return found;
		const { round, row } = found.value;
		const zone = (JSON.parse(row.zone) as ZoneEntry[]).map((e) => e.id);
		const order = drawLottery(row.seed, zone).map((t) => t.id);
		const drawn = await trx
			.updateTable('grey_zone_lotteries')
			.set({ drawn_by: input.actorId, drawn_at: now.toISOString(), drawn_order: JSON.stringify(order) })
			.where('round_id', '=', round.id)
			.where('drawn_at', 'is', null)
			.executeTakeFirst();
		if (Number(drawn.numUpdatedRows) !== 1) return refuse('lottery.err.drawn');
		await audit(trx, {
			actorId: input.actorId,
			action: 'round.lottery_draw',
			entity: 'round',
			entityId: round.id,
			detail: { seed: row.seed, commitment: row.commitment, order }
		});
		await applyLine(trx, round, { actorId: input.actorId, cause: 'lottery' }, now);
		return ok({ seed: row.seed, order });
	});
}

/** Before the draw only: the recorded zone is withdrawn (audited, with a reason) and the line's inputs open again. */
export async function withdrawGreyZone(
	db: DB,
	input: { roundId: number; actorId: number; reason: string },
	now = new Date()
): Promise<Outcome<void>> {
	const reason = input.reason.trim();
	if (!reason) return refuse('review.err.reasonRequired');
	return db.transaction().execute(async (trx) => {
		const found = await undrawnLottery(trx, input.roundId, now);
		if (!found.ok) return found;
		const { round, row } = found.value;
		await trx.deleteFrom('grey_zone_lotteries').where('round_id', '=', round.id).execute();
		// The withdrawn seed is published with the withdrawal: it can never be used again unseen.
		await audit(trx, {
			actorId: input.actorId,
			action: 'round.lottery_withdraw',
			entity: 'round',
			entityId: round.id,
			reason,
			detail: { zone: JSON.parse(row.zone), commitment: row.commitment, seed: row.seed }
		});
		return ok();
	});
}

/**
 * What the admin's decision page shows beside the line: the grey zone (the recorded one once
 * recorded, else the one the line has now), the lottery's state, district names for place-id
 * keys, and the caps that named no district when caps moved to place ids.
 */
export async function decisionExtras(db: DB, round: Round, preview: Preview) {
	const lottery = await lotteryRecordOf(db, round.id);
	const live = zoneOfLine(preview).zone;
	const nameOf = await districtNames(db);
	const unmatched = Object.entries(parseDistrictCaps(round.district_caps_unmatched));
	const editable = lineEditable(round, new Date()).ok;
	return {
		greyZone: lottery ? { ids: lottery.zone.map((z) => z.id), fromRank: null, toRank: null, pairs: null } : live,
		lottery: lottery && {
			zone: lottery.zone.map((z) => z.id),
			commitment: lottery.commitment,
			recordedAt: lottery.recordedAt,
			seed: lottery.seed,
			drawnAt: lottery.drawnAt,
			drawnOrder: lottery.drawnOrder
		},
		lotteryOptIn: round.grey_zone_lottery === 1,
		can: {
			optIn: editable && !lottery,
			record: editable && round.grey_zone_lottery === 1 && !lottery && !!round.line_drawn_at && live.ids.length >= 2,
			draw: editable && !!lottery && !lottery.drawnAt,
			withdraw: editable && !!lottery && !lottery.drawnAt
		},
		capsText: Object.entries(preview.rules.districtCapsFen).map(([key, fen]) => [round.decision_format === 1 ? key : nameOf(key), fen] as const),
		byDistrictFen: Object.entries(preview.byDistrictFen).map(([key, fen]) => [round.decision_format === 1 ? key : nameOf(key), fen] as const),
		capsUnmatched: unmatched
	};
}
