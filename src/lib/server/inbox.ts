/**
 * What each step tells the people who wait for it, written in the step's own transaction: the
 * station hears of its eligibility outcome, of the notice and of the confirmed list; the admins
 * hear that every review is in and of a declared conflict; a station hears of an answered
 * objection to its proposal. Each notice is in-app (the inbox) and, with SMTP, an e-mail in the
 * outbox.
 */
import type { DB } from './db';
import { notify, recipients, type NoticeInput } from './notify';
import { formatInZone } from '../domain/time';
import type { Round } from './schema';

async function toStation(db: DB, proposalId: number, make: (title: string) => Omit<NoticeInput, 'userId'>, now: Date) {
	const proposal = await db.selectFrom('proposals').select(['organisation_id', 'title']).where('id', '=', proposalId).executeTakeFirstOrThrow();
	const notice = make(proposal.title);
	await notify(db, (await recipients(db, { organisationId: proposal.organisation_id })).map((userId) => ({ userId, ...notice })), now);
}

/** The eligibility check's outcome, to the proposal's station. */
export async function tellEligibility(
	db: DB,
	input: { proposalId: number; outcome: 'pass' | 'return' | 'reject'; revisionDueAt: string | null; timeZone: string },
	now: Date
) {
	await toStation(
		db,
		input.proposalId,
		(title) => ({
			kind: input.outcome === 'pass' ? 'notice.eligibilityPassed' : input.outcome === 'return' ? 'notice.returned' : 'notice.eligibilityRejected',
			params: { title, due: input.revisionDueAt ? formatInZone(input.revisionDueAt, input.timeZone) : '' },
			link: `/station/proposals/${input.proposalId}`
		}),
		now
	);
}

/** Every assignment of the round is submitted: the admins may decide. Said once, when the last one comes in. */
export async function tellIfReviewsComplete(db: DB, roundId: number, now: Date) {
	const counts = await db
		.selectFrom('review_assignments')
		.select((eb) => [
			eb.fn.countAll<number>().as('all'),
			eb.fn.sum<number>(eb.case().when('status', '=', 'submitted').then(1).else(0).end()).as('done')
		])
		.where('round_id', '=', roundId)
		.executeTakeFirstOrThrow();
	const all = Number(counts.all);
	if (all === 0 || Number(counts.done ?? 0) !== all) return;
	const round = await db.selectFrom('rounds').select(['title']).where('id', '=', roundId).executeTakeFirstOrThrow();
	await notify(
		db,
		(await recipients(db, { role: 'admin' })).map((userId) => ({
			userId,
			kind: 'notice.reviewsComplete' as const,
			params: { round: round.title, count: all },
			link: `/admin/rounds/${roundId}/decision`
		})),
		now
	);
}

/** The notice is published, or the list confirmed: to every station with a proposal on the line. */
export async function tellDecision(db: DB, round: Round, stage: 'notice' | 'confirmed', endsAt: string | null, now: Date) {
	const proposals = await db
		.selectFrom('proposals')
		.select(['id', 'organisation_id'])
		.where('round_id', '=', round.id)
		.where('status', 'not in', ['draft', 'withdrawn'])
		.execute();
	const notices: NoticeInput[] = [];
	for (const p of proposals) {
		for (const userId of await recipients(db, { organisationId: p.organisation_id })) {
			notices.push({
				userId,
				kind: stage === 'notice' ? 'notice.noticePublished' : 'notice.listConfirmed',
				params: stage === 'notice' ? { round: round.title, ends: endsAt ? formatInZone(endsAt, round.time_zone) : '' } : { round: round.title },
				link: `/station/proposals/${p.id}`
			});
		}
	}
	await notify(db, notices, now);
}

/** An objection to a proposal is answered: to its station (the objector stays private). */
export async function tellObjectionAnswered(db: DB, proposalId: number, outcome: 'upheld' | 'dismissed', now: Date) {
	await toStation(
		db,
		proposalId,
		(title) => ({ kind: 'notice.objectionAnswered', params: { title, objectionStatus: outcome }, link: `/station/proposals/${proposalId}` }),
		now
	);
}
