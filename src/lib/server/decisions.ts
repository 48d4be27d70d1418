/** A round's decision: the funding line drawn within the pool, the public notice (公示) and the final list. What the public reads of it is in results.ts. */
import { sql } from 'kysely';
import type { DB } from './db';
import { lockName } from './db';
import { LINE_EDIT_PHASES, NOTICE_PHASES } from '../domain/phases';
import type { ProposalStatus } from './schema';
import { formatFen } from '../domain/money';
import { audit } from './audit';
import { tellDecision } from './inbox';
import { shortReviews } from './round-guards';
import { inPhase, lockedRound, overridePhase, type Round } from './rounds';
import {
	drawFundingLine,
	roundScore,
	TIE_RULES,
	type FundingLine,
	type LineCandidate,
	type LineReason,
	type LineRules,
	type TieRule
} from '../domain/funding-line';
import { noticePeriod } from '../domain/working-days';
import { WORK_CALENDAR_LOCK, readWorkCalendar } from './work-calendar';
import { ok, phaseClosed, refuse, type Outcome } from './outcome';
import { rankingScores } from './ranking-scores';
import { capsByPlaceId, districtKeysOf, lotteryOrderOf, lineFrozenByLottery } from './grey-zone-lottery';
import { ELIGIBLE_STATUSES, IN_LINE, recordConfirmedList } from './results';

/** The round's pool, what is awarded so far and what is left, in fen. */
export async function roundFunding(db: DB, round: Pick<Round, 'id' | 'pool_fen'>) {
	const { awarded } = await db
		.selectFrom('proposals')
		.select(sql<number>`coalesce(sum(award_fen), 0)`.as('awarded'))
		.where('round_id', '=', round.id)
		.where('status', '=', 'funded')
		.executeTakeFirstOrThrow();
	return { poolFen: round.pool_fen, awardedFen: awarded, leftFen: round.pool_fen - awarded };
}

// ---------------------------------------------------------------------------------------------
// The funding line, the public notice (公示) and the final list.
// ---------------------------------------------------------------------------------------------

export function parseDistrictCaps(json: string | null | undefined): Record<string, number> {
	try {
		const value: unknown = JSON.parse(json ?? '{}');
		if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
		const out: Record<string, number> = {};
		for (const [district, fen] of Object.entries(value)) {
			if (Number.isSafeInteger(fen) && (fen as number) >= 0) out[district] = fen as number;
		}
		return out;
	} catch {
		return {};
	}
}

export function lineRulesOf(round: Round): LineRules {
	return {
		poolFen: round.pool_fen,
		tieRule: (TIE_RULES as readonly string[]).includes(round.funding_tie_rule) ? round.funding_tie_rule : 'lower_request',
		minScore: round.funding_min_score,
		districtCapsFen: parseDistrictCaps(round.district_caps)
	};
}

async function lineInputs(db: DB, round: Round) {
	const rows = await db
		.selectFrom('proposals')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.select([
			'proposals.id',
			'proposals.title',
			'proposals.status',
			'proposals.requested_fen',
			'proposals.award_fen',
			'proposals.submitted_at',
			'proposals.reduced_award_fen',
			'proposals.reduced_award_reason',
			'proposals.line_override',
			'proposals.line_override_reason',
			'proposals.funding_reason',
			'organisations.name as organisation',
			'organisations.district'
		])
		.where('proposals.round_id', '=', round.id)
		.where('proposals.status', 'in', IN_LINE)
		.orderBy('proposals.id')
		.execute();
	const { basis, scores } = await rankingScores(db, round);
	// Format 2: caps and district totals are keyed by the district's place id.
	const districtKey = round.decision_format === 1 ? (d: string) => d : await districtKeysOf(db);
	const candidates: LineCandidate[] = rows.map((r) => ({
		id: r.id,
		eligible: ELIGIBLE_STATUSES.includes(r.status),
		checked: r.status !== 'submitted' && r.status !== 'returned',
		requestedFen: r.requested_fen,
		score: scores.get(r.id)?.score ?? null,
		district: districtKey(r.district),
		submittedAt: r.submitted_at,
		reducedAwardFen: r.reduced_award_fen,
		override: r.line_override ? { kind: r.line_override, reason: r.line_override_reason ?? '' } : null
	}));
	const rules: LineRules = { ...lineRulesOf(round), lotteryOrder: await lotteryOrderOf(db, round.id) };
	return { rows, candidates, basis, scores, rules };
}

/** The line as it would be drawn now, for the admin's page (staff only: nothing is written). */
export async function previewFundingLine(db: DB, round: Round) {
	const { rows, candidates, basis, scores, rules } = await lineInputs(db, round);
	const line = drawFundingLine(candidates, rules);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return {
		basis,
		rules,
		totals: line.totals,
		byDistrictFen: line.byDistrictFen,
		rows: line.decisions.map((d) => {
			const r = byId.get(d.id)!;
			return {
				id: d.id,
				rank: d.rank,
				title: r.title,
				organisation: r.organisation,
				district: r.district,
				status: r.status,
				requestedFen: r.requested_fen,
				score: scores.get(d.id)?.score ?? null,
				lower: scores.get(d.id)?.lower ?? null,
				upper: scores.get(d.id)?.upper ?? null,
				seHundredths: scores.get(d.id)?.seHundredths ?? null,
				reviewCount: scores.get(d.id)?.count ?? 0,
				funded: d.funded,
				awardFen: d.awardFen,
				reason: d.reason,
				/** What is stored now: differs from `funded`/`awardFen` until the line is drawn again. */
				storedAwardFen: r.status === 'funded' ? r.award_fen : null,
				storedReason: r.funding_reason,
				reducedAwardFen: r.reduced_award_fen,
				reducedAwardReason: r.reduced_award_reason,
				override: r.line_override,
				overrideReason: r.line_override_reason
			};
		})
	};
}

/** The public text of a decision: an override's or a reduced award's reason. */
function reasonText(
	d: { reason: LineReason; funded: boolean; awardFen: number | null },
	r: { requested_fen: number; line_override_reason: string | null; reduced_award_reason: string | null }
): string | null {
	if (d.reason === 'override_fund' || d.reason === 'override_exclude') return r.line_override_reason;
	if (d.funded && d.awardFen !== null && d.awardFen < r.requested_fen) return r.reduced_award_reason;
	return null;
}

/**
 * Draws the funding line and stores what it says about every proposal: funded or not, the award,
 * the rank, the score it was ranked by, and the reason. Run inside the caller's transaction.
 */
export async function applyLine(
	trx: DB,
	round: Round,
	input: { actorId: number; cause: string; reason?: string | null; extra?: Record<string, unknown> },
	now: Date
): Promise<FundingLine> {
	const { rows, candidates, basis, rules } = await lineInputs(trx, round);
	const line = drawFundingLine(candidates, rules);
	const byId = new Map(rows.map((r) => [r.id, r]));
	const scoreOf = new Map(candidates.map((c) => [c.id, c.score]));
	const changed: number[] = [];
	for (const d of line.decisions) {
		const r = byId.get(d.id)!;
		const eligible = ELIGIBLE_STATUSES.includes(r.status);
		const status: ProposalStatus = eligible ? (d.funded ? 'funded' : 'not_funded') : r.status;
		const awardFen = eligible && d.funded ? d.awardFen : null;
		if (status !== r.status || awardFen !== (r.status === 'funded' ? r.award_fen : null) || r.funding_reason !== d.reason) {
			changed.push(d.id);
		}
		await trx
			.updateTable('proposals')
			.set({
				status,
				award_fen: awardFen,
				funding_rank: d.rank,
				funding_reason: d.reason,
				ranking_score: scoreOf.get(d.id) ?? null,
				...(eligible ? { decision_reason: reasonText(d, r) } : {}),
				updated_at: now.toISOString()
			})
			.where('id', '=', d.id)
			.execute();
	}
	await trx.updateTable('rounds').set({ line_drawn_at: now.toISOString() }).where('id', '=', round.id).execute();
	await audit(trx, {
		actorId: input.actorId,
		action: 'round.draw_line',
		entity: 'round',
		entityId: round.id,
		reason: input.reason ?? null,
		detail: {
			cause: input.cause,
			basis,
			awardedFen: line.totals.awardedFen,
			fundedCount: line.totals.fundedCount,
			changed,
			...input.extra
		}
	});
	return line;
}


/**
 * Draws (or redraws) the funding line from the current scores and rules. With proposals short of
 * reviews it is refused unless the admin gives a reason, kept in the audit log with their ids.
 */
export async function drawLine(
	db: DB,
	input: { roundId: number; actorId: number; shortReviewsReason?: string | null },
	now = new Date()
): Promise<Outcome<FundingLine>> {
	return db.transaction().execute(async (trx) => {
		const round = await lockedRound(trx, input.roundId);
		if (!round) return refuse('review.err.noRound');
		if (!inPhase(round, LINE_EDIT_PHASES, now)) return phaseClosed(round, now);
		if (round.notice_published_at) return refuse('results.err.noticePublished');
		const short = await shortReviews(trx, round);
		const reason = input.shortReviewsReason?.trim() || null;
		if (short.length > 0 && !reason) return refuse('guard.short.refused', { count: short.length });
		const extra = short.length > 0 ? { shortReviews: short.map((p) => p.id) } : {};
		return ok(await applyLine(trx, round, { actorId: input.actorId, cause: 'draw', reason: short.length > 0 ? reason : null, extra }, now));
	});
}

export interface LineSettings {
	tieRule: TieRule;
	minScore: number | null;
	districtCapsFen: Record<string, number>;
	noticeWorkingDays: number;
}

/** Saves the round's funding rules (tie rule, minimum score, district caps, notice length) and redraws. */
export async function saveLineSettings(
	db: DB,
	input: LineSettings & { roundId: number; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	return db.transaction().execute(async (trx) => {
		const round = await lockedRound(trx, input.roundId);
		if (!round) return refuse('review.err.noRound');
		if (!inPhase(round, LINE_EDIT_PHASES, now)) return phaseClosed(round, now);
		if (round.notice_published_at) return refuse('results.err.noticePublished');
		if (await lineFrozenByLottery(trx, round.id)) return refuse('lottery.err.lineFrozen');
		const caps = round.decision_format === 1 ? ok(input.districtCapsFen) : await capsByPlaceId(trx, input.districtCapsFen);
		if (!caps.ok) return caps;
		await trx
			.updateTable('rounds')
			.set({
				funding_tie_rule: input.tieRule,
				funding_min_score: input.minScore,
				district_caps: JSON.stringify(caps.value),
				notice_working_days: input.noticeWorkingDays
			})
			.where('id', '=', round.id)
			.execute();
		await audit(trx, {
			actorId: input.actorId,
			action: 'round.line_settings',
			entity: 'round',
			entityId: round.id,
			detail: {
				tieRule: input.tieRule,
				minScore: input.minScore,
				districtCapsFen: caps.value,
				noticeWorkingDays: input.noticeWorkingDays
			}
		});
		const updated = (await lockedRound(trx, round.id))!;
		await applyLine(trx, updated, { actorId: input.actorId, cause: 'settings' }, now);
		return ok(undefined);
	});
}

async function lineProposal(trx: DB, proposalId: number, roundId: number) {
	return trx
		.selectFrom('proposals')
		.select(['id', 'status', 'requested_fen'])
		.where('id', '=', proposalId)
		.where('round_id', '=', roundId)
		.executeTakeFirst();
}

/** The round and one of its decidable proposals, while the funding line may still change. */
async function lineEdit(trx: DB, roundId: number, proposalId: number, now: Date) {
	const round = await lockedRound(trx, roundId);
	if (!round) return refuse('review.err.noRound');
	if (!inPhase(round, LINE_EDIT_PHASES, now)) return phaseClosed(round, now);
	if (round.notice_published_at) return refuse('results.err.noticePublished');
	if (await lineFrozenByLottery(trx, round.id)) return refuse('lottery.err.lineFrozen');
	const proposal = await lineProposal(trx, proposalId, round.id);
	if (!proposal) return refuse('review.err.noProposal');
	if (!ELIGIBLE_STATUSES.includes(proposal.status)) return refuse('review.err.notDecidable');
	return ok({ round, proposal });
}

/**
 * Sets or clears an admin's override of the order: `fund` funds the proposal ahead of its rank,
 * `exclude` takes it off the list; null goes back to the rank. A reason is required to set one.
 */
export async function setLineOverride(
	db: DB,
	input: { roundId: number; proposalId: number; kind: 'fund' | 'exclude' | null; reason: string | null; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	return db.transaction().execute(async (trx) => {
		const found = await lineEdit(trx, input.roundId, input.proposalId, now);
		if (!found.ok) return found;
		const { round, proposal } = found.value;
		if (input.kind && !input.reason?.trim()) return refuse('review.err.reasonRequired');
		await trx
			.updateTable('proposals')
			.set({ line_override: input.kind, line_override_reason: input.kind ? input.reason!.trim() : null })
			.where('id', '=', proposal.id)
			.execute();
		await audit(trx, {
			actorId: input.actorId,
			action: input.kind ? `proposal.line_override_${input.kind}` : 'proposal.line_override_clear',
			entity: 'proposal',
			entityId: proposal.id,
			reason: input.kind ? input.reason : null
		});
		await applyLine(trx, round, { actorId: input.actorId, cause: 'override' }, now);
		return ok(undefined);
	});
}

/** Awards less than requested (with a reason), or, with null, the full request again. */
export async function setReducedAward(
	db: DB,
	input: { roundId: number; proposalId: number; awardFen: number | null; reason: string | null; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	return db.transaction().execute(async (trx) => {
		const found = await lineEdit(trx, input.roundId, input.proposalId, now);
		if (!found.ok) return found;
		const { round, proposal } = found.value;
		if (input.awardFen !== null) {
			if (!Number.isSafeInteger(input.awardFen) || input.awardFen <= 0) return refuse('review.err.awardPositive');
			if (input.awardFen >= proposal.requested_fen) {
				return refuse('results.err.reduceBelowRequest', { requested: formatFen(proposal.requested_fen) });
			}
			if (!input.reason?.trim()) return refuse('review.err.reasonRequired');
		}
		await trx
			.updateTable('proposals')
			.set({
				reduced_award_fen: input.awardFen,
				reduced_award_reason: input.awardFen === null ? null : input.reason!.trim()
			})
			.where('id', '=', proposal.id)
			.execute();
		await audit(trx, {
			actorId: input.actorId,
			action: input.awardFen === null ? 'proposal.award_full' : 'proposal.award_reduce',
			entity: 'proposal',
			entityId: proposal.id,
			reason: input.awardFen === null ? null : input.reason,
			detail: { awardFen: input.awardFen, requestedFen: proposal.requested_fen }
		});
		await applyLine(trx, round, { actorId: input.actorId, cause: 'award' }, now);
		return ok(undefined);
	});
}

/**
 * Publishes the drawn line as the provisional list (公示) for the round's notice period in working
 * days, and moves the round into its notice phase (recorded like any phase override).
 */
export async function publishNotice(
	db: DB,
	input: { roundId: number; actorId: number },
	now = new Date()
): Promise<Outcome<{ endsAt: string }>> {
	return db.transaction().execute(async (trx) => {
		const round = await lockedRound(trx, input.roundId);
		if (!round) return refuse('review.err.noRound');
		if (!inPhase(round, LINE_EDIT_PHASES, now)) return phaseClosed(round, now);
		if (round.notice_published_at) return refuse('results.err.noticePublished');
		if (!round.line_drawn_at) return refuse('results.err.lineNotDrawn');
		const publishedAt = now.toISOString();
		// A period reaching a year whose holidays are not known would end on a wrong, published day.
		// The calendar cannot change under a notice being published (see recordCalendarYear).
		await lockName(trx, WORK_CALENDAR_LOCK);
		const period = noticePeriod(publishedAt, round.notice_working_days, round.time_zone, await readWorkCalendar(trx));
		if (!period.ok) return refuse('decision.err.holidaysUnknown', { year: period.uncoveredYear });
		const endsAt = period.endsAt;
		// Published once: the state moves only from "not published", before anything else is written.
		const published = await trx
			.updateTable('rounds')
			.set({ notice_published_at: publishedAt, notice_ends_at: endsAt })
			.where('id', '=', round.id)
			.where('notice_published_at', 'is', null)
			.executeTakeFirst();
		if (Number(published.numUpdatedRows) !== 1) return refuse('results.err.noticePublished');
		// The list published is the line as it stands now, drawn once more from the same inputs.
		await applyLine(trx, round, { actorId: input.actorId, cause: 'publish_notice' }, now);
		await audit(trx, {
			actorId: input.actorId,
			action: 'round.publish_notice',
			entity: 'round',
			entityId: round.id,
			detail: { endsAt, workingDays: round.notice_working_days }
		});
		await overridePhase(trx, round, 'notice', input.actorId, 'publish_notice', now);
		await tellDecision(trx, round, 'notice', endsAt, now);
		return ok({ endsAt });
	});
}

/** Whether the notice takes objections at `now`: published, not ended, not confirmed. */
export function noticeOpen(
	round: Pick<Round, 'notice_published_at' | 'notice_ends_at' | 'results_confirmed_at'> & Round,
	now = new Date()
): boolean {
	return (
		!!round.notice_published_at &&
		!!round.notice_ends_at &&
		!round.results_confirmed_at &&
		inPhase(round, NOTICE_PHASES, now) &&
		now.getTime() < Date.parse(round.notice_ends_at)
	);
}

/** After the notice period, with every objection answered, the provisional list becomes final and public. */
export async function confirmFinalList(
	db: DB,
	input: { roundId: number; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	return db.transaction().execute(async (trx) => {
		const round = await lockedRound(trx, input.roundId);
		if (!round) return refuse('review.err.noRound');
		if (!inPhase(round, NOTICE_PHASES, now)) return phaseClosed(round, now);
		if (!round.notice_published_at || !round.notice_ends_at) return refuse('results.err.noticeNotPublished');
		if (round.results_confirmed_at) return refuse('review.err.alreadyPublished');
		if (now.getTime() < Date.parse(round.notice_ends_at)) {
			return refuse('results.err.noticeRunning', { at: `${round.notice_ends_at}` });
		}
		const open = await trx
			.selectFrom('objections')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('round_id', '=', round.id)
			.where('status', '=', 'open')
			.executeTakeFirstOrThrow();
		if (Number(open.n) > 0) return refuse('results.err.openObjections', { count: Number(open.n) });
		const at = now.toISOString();
		const confirmed = await trx
			.updateTable('rounds')
			.set({ results_confirmed_at: at, results_published_at: round.results_published_at ?? at })
			.where('id', '=', round.id)
			.where('results_confirmed_at', 'is', null)
			.executeTakeFirst();
		if (Number(confirmed.numUpdatedRows) !== 1) return refuse('review.err.alreadyPublished');
		// What is published now is the record: later edits to profiles do not rewrite it.
		await recordConfirmedList(trx, round, input.actorId, now);
		const funding = await roundFunding(trx, round);
		await audit(trx, {
			actorId: input.actorId,
			action: 'round.confirm_results',
			entity: 'round',
			entityId: round.id,
			detail: { awardedFen: funding.awardedFen, poolFen: funding.poolFen }
		});
		await tellDecision(trx, round, 'confirmed', null, now);
		return ok(undefined);
	});
}

/** Used by objections: redraws during the notice after an upheld objection changed an input. */
export async function redrawAfterObjection(
	trx: DB,
	round: Round,
	input: { actorId: number; objectionId: number; reason: string },
	now: Date
): Promise<FundingLine> {
	return applyLine(trx, round, { actorId: input.actorId, cause: `objection:${input.objectionId}`, reason: input.reason }, now);
}
