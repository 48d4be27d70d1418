import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { ownLineRefusal } from '$lib/server/fund-admins';
import { inPhase, phaseOf } from '$lib/server/rounds';
import type { Outcome } from '$lib/server/outcome';
import { LINE_EDIT_PHASES, NOTICE_PHASES } from '$lib/domain/phases';
import {
	confirmFinalList,
	drawLine,
	previewFundingLine,
	publishNotice,
	saveLineSettings,
	setLineOverride,
	setReducedAward
} from '$lib/server/decisions';
import { correctPublishedRecord, publishedRecord } from '$lib/server/results';
import { decisionExtras, drawGreyZone, recordGreyZone, setLotteryOptIn, withdrawGreyZone } from '$lib/server/lottery-steps';
import { lotterySchemas } from '$lib/schemas/lottery';
import { basesOffered } from '$lib/domain/ranking';
import { countOpenObjections } from '$lib/server/objections';
import { shortReviews } from '$lib/server/round-guards';
import { cleanText } from '$lib/schemas/text';
import { fenToYuanInput } from '$lib/domain/money';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { lineSchemas as schemas } from '$lib/schemas/decisions';
import { newSubmissionKey, once } from '$lib/server/submissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type LineAction = keyof typeof schemas;

/**
 * The round and its admin for a change of the funding line: refused (with the reason) when the
 * admin is a fund admin whose own station applies in the round; a federation admin decides it.
 */
async function lineAccess(event: RequestEvent) {
	const { user, round } = await requireRoundAccess(event, event.params.id);
	return { user, round, own: await ownLineRefusal(getDb(), user, round.id) };
}

export const load: PageServerLoad = async (event) => {
	const { round, own } = await lineAccess(event);
	const db = getDb();
	const now = new Date();
	const line = await previewFundingLine(db, round);
	const openObjections = await countOpenObjections(db, round.id);
	const editable = own.ok && inPhase(round, LINE_EDIT_PHASES, now) && !round.notice_published_at;
	const extras = await decisionExtras(db, round, line);
	const grey = new Set(extras.greyZone.ids);
	return {
		round: {
			id: round.id,
			slug: round.slug,
			title: round.title,
			timeZone: round.time_zone,
			phase: phaseOf(round, now),
			lineDrawnAt: round.line_drawn_at,
			noticePublishedAt: round.notice_published_at,
			noticeEndsAt: round.notice_ends_at,
			confirmedAt: round.results_confirmed_at
		},
		settings: {
			tieRule: line.rules.tieRule,
			minScore: line.rules.minScore === null ? '' : String(line.rules.minScore),
			caps: extras.capsText
				.map(([d, fen]) => `${d},${fenToYuanInput(fen)}`)
				.join('\n'),
			noticeDays: String(round.notice_working_days)
		},
		basis: line.basis,
		bases: basesOffered(round.ranking_score),
		totals: line.totals,
		byDistrictFen: Object.fromEntries(extras.byDistrictFen),
		rows: line.rows.map(({ seHundredths, ...r }) => ({ ...r, inGreyZone: grey.has(r.id), hasSe: seHundredths !== null })),
		greyZone: extras.greyZone,
		lottery: extras.lottery,
		lotteryOptIn: extras.lotteryOptIn,
		capsUnmatched: extras.capsUnmatched,
		canLottery: extras.can,
		openObjections: openObjections,
		shortReviews: editable ? await shortReviews(db, round) : [],
		can: {
			edit: editable,
			publish: editable && !!round.line_drawn_at,
			confirm:
				own.ok &&
				inPhase(round, NOTICE_PHASES, now) &&
				!!round.notice_ends_at &&
				!round.results_confirmed_at &&
				now.getTime() >= Date.parse(round.notice_ends_at) &&
				openObjections === 0
		},
		record: await publishedRecord(db, round).then((r) => r && { version: r.version }),
		// A fund admin whose own station applies here: a federation admin decides the line.
		federationDecides: !own.ok,
		submissionKey: newSubmissionKey()
	};
};

function lineAction<K extends LineAction>(
	action: K,
	run: (data: z.output<(typeof schemas)[K]>, roundId: number, actorId: number) => Promise<Outcome<unknown>>
) {
	return once(async (event: RequestEvent) => {
		const { user, round, own } = await lineAccess(event);
		const values = formValues(await event.request.formData());
		const proposalId = Number(values.proposalId) || null;
		if (!own.ok) return fail(409, { action, proposalId, values, errors: own.errors });
		const parsed = schemas[action].safeParse(values);
		if (!parsed.success) return fail(400, { action, proposalId, values, errors: fieldErrors(parsed.error) });
		const result = await run(parsed.data as z.output<(typeof schemas)[K]>, round.id, user.id);
		if (!result.ok) return fail(400, { action, proposalId, values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/decision?done=${action}${proposalId ? `#p-${proposalId}` : ''}`);
	});
}

function roundAction(action: string, run: (roundId: number, actorId: number, values: Record<string, string>) => Promise<Outcome<unknown>>) {
	return once(async (event: RequestEvent) => {
		const { user, round, own } = await lineAccess(event);
		const values = formValues(await event.request.formData());
		if (!own.ok) return fail(409, { action, proposalId: null, values, errors: own.errors });
		const result = await run(round.id, user.id, values);
		if (!result.ok) return fail(400, { action, proposalId: null, values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/decision?done=${action}`);
	});
}

function lotteryAction<K extends keyof typeof lotterySchemas>(
	action: K,
	run: (data: z.output<(typeof lotterySchemas)[K]>, roundId: number, actorId: number) => Promise<Outcome<unknown>>
) {
	return once(async (event: RequestEvent) => {
		const { user, round, own } = await lineAccess(event);
		const values = formValues(await event.request.formData());
		if (!own.ok) return fail(409, { action, proposalId: null, values, errors: own.errors });
		const parsed = lotterySchemas[action].safeParse(values);
		if (!parsed.success) return fail(400, { action, proposalId: null, values, errors: fieldErrors(parsed.error) });
		const result = await run(parsed.data as z.output<(typeof lotterySchemas)[K]>, round.id, user.id);
		if (!result.ok) return fail(400, { action, proposalId: null, values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/decision?done=${action}#lottery-h`);
	});
}

export const actions: Actions = {
	draw: roundAction('draw', (roundId, actorId, values) =>
		drawLine(getDb(), { roundId, actorId, shortReviewsReason: cleanText(values.shortReviewsReason ?? '', { multiline: true }).slice(0, 500) || null })
	),
	settings: lineAction('settings', (d, roundId, actorId) =>
		saveLineSettings(getDb(), {
			roundId,
			actorId,
			tieRule: d.tieRule,
			minScore: d.minScore,
			districtCapsFen: d.caps,
			noticeWorkingDays: d.noticeDays
		})
	),
	reduce: lineAction('reduce', (d, roundId, actorId) =>
		setReducedAward(getDb(), { roundId, proposalId: d.proposalId, awardFen: d.award, reason: d.reason, actorId })
	),
	reduceClear: lineAction('reduceClear', (d, roundId, actorId) =>
		setReducedAward(getDb(), { roundId, proposalId: d.proposalId, awardFen: null, reason: null, actorId })
	),
	override: lineAction('override', (d, roundId, actorId) =>
		setLineOverride(getDb(), { roundId, proposalId: d.proposalId, kind: d.kind, reason: d.reason, actorId })
	),
	overrideClear: lineAction('overrideClear', (d, roundId, actorId) =>
		setLineOverride(getDb(), { roundId, proposalId: d.proposalId, kind: null, reason: null, actorId })
	),
	publishNotice: roundAction('publishNotice', (roundId, actorId) => publishNotice(getDb(), { roundId, actorId })),
	confirm: roundAction('confirm', (roundId, actorId) => confirmFinalList(getDb(), { roundId, actorId })),
	lotteryOptIn: lotteryAction('lotteryOptIn', (d, roundId, actorId) => setLotteryOptIn(getDb(), { roundId, actorId, optIn: d.optIn === 'on' })),
	lotteryRecord: roundAction('lotteryRecord', (roundId, actorId) => recordGreyZone(getDb(), { roundId, actorId })),
	lotteryDraw: roundAction('lotteryDraw', (roundId, actorId) => drawGreyZone(getDb(), { roundId, actorId })),
	lotteryWithdraw: lotteryAction('lotteryWithdraw', (d, roundId, actorId) => withdrawGreyZone(getDb(), { roundId, actorId, reason: d.reason })),
	correct: lineAction('correct', (d, roundId, actorId) => correctPublishedRecord(getDb(), { roundId, actorId, reason: d.reason }))
};
