import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { getRoundById, inPhase, phaseOf } from '$lib/server/rounds';
import { listReviewers } from '$lib/server/users';
import { assignReviewer, unassignReviewer, ASSIGNMENT_PHASES, type Outcome } from '$lib/server/reviews';
import {
	DECISION_PHASES,
	ELIGIBILITY_PHASES,
	PUBLISH_PHASES,
	fundProposal,
	listRoundProposals,
	notFundProposal,
	proposalInRound,
	publishResults,
	roundFunding,
	setEligibility
} from '$lib/server/decisions';
import { fieldErrors, formValues, moneyFen, optionalText, text } from '$lib/schemas/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const recordId = z.string().trim().min(1, 'err.required').regex(/^\d{1,12}$/, 'err.choice').transform(Number);
const REASON_MAX = 500;

const schemas = {
	eligible: z.object({ proposalId: recordId }),
	ineligible: z.object({ proposalId: recordId, reason: text(REASON_MAX) }),
	assign: z.object({ proposalId: recordId, reviewerId: recordId }),
	unassign: z.object({ proposalId: recordId, assignmentId: recordId }),
	fund: z.object({ proposalId: recordId, award: moneyFen, reason: optionalText(REASON_MAX) }),
	notFund: z.object({ proposalId: recordId, reason: text(REASON_MAX) })
};
type ProposalAction = keyof typeof schemas;

async function loadRound(event: Pick<RequestEvent, 'params'>) {
	const id = Number(event.params.id);
	const round = Number.isSafeInteger(id) ? await getRoundById(getDb(), id) : undefined;
	if (!round) error(404, 'not found');
	return round;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const round = await loadRound(event);
	const db = getDb();
	const [proposals, funding, reviewers] = await Promise.all([
		listRoundProposals(db, round.id),
		roundFunding(db, round),
		listReviewers(db)
	]);
	const now = new Date();
	return {
		round: {
			id: round.id,
			slug: round.slug,
			title: round.title,
			timeZone: round.time_zone,
			phase: phaseOf(round, now),
			resultsPublishedAt: round.results_published_at
		},
		can: {
			check: inPhase(round, ELIGIBILITY_PHASES, now),
			assign: inPhase(round, ASSIGNMENT_PHASES, now),
			decide: inPhase(round, DECISION_PHASES, now),
			publish: inPhase(round, PUBLISH_PHASES, now) && !round.results_published_at
		},
		funding,
		proposals,
		reviewers: reviewers.map((r) => ({ id: r.id, name: r.name, organisationId: r.organisation_id }))
	};
};

/** One proposal action: admin → parse → the proposal is this round's → domain call → back to the list. */
function proposalAction<K extends ProposalAction>(
	action: K,
	run: (data: z.output<(typeof schemas)[K]>, actorId: number) => Promise<Outcome<unknown>>
) {
	return async (event: RequestEvent) => {
		const user = requireRole(event, 'admin');
		const round = await loadRound(event);
		const values = formValues(await event.request.formData());
		const proposalId = Number(values.proposalId) || null;
		const parsed = schemas[action].safeParse(values);
		if (!parsed.success) {
			return fail(400, { action, proposalId, values, errors: fieldErrors(parsed.error) });
		}
		const data = parsed.data as z.output<(typeof schemas)[K]>;
		if (!(await proposalInRound(getDb(), data.proposalId, round.id))) error(404, 'not found');
		const result = await run(data, user.id);
		if (!result.ok) return fail(400, { action, proposalId, values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/proposals?done=${action}#p-${data.proposalId}`);
	};
}

export const actions: Actions = {
	eligible: proposalAction('eligible', (d, actorId) =>
		setEligibility(getDb(), { proposalId: d.proposalId, eligible: true, reason: null, actorId })
	),
	ineligible: proposalAction('ineligible', (d, actorId) =>
		setEligibility(getDb(), { proposalId: d.proposalId, eligible: false, reason: d.reason, actorId })
	),
	assign: proposalAction('assign', (d, actorId) =>
		assignReviewer(getDb(), { proposalId: d.proposalId, reviewerId: d.reviewerId, actorId })
	),
	unassign: proposalAction('unassign', (d, actorId) =>
		unassignReviewer(getDb(), { proposalId: d.proposalId, assignmentId: d.assignmentId, actorId })
	),
	fund: proposalAction('fund', (d, actorId) =>
		fundProposal(getDb(), { proposalId: d.proposalId, awardFen: d.award, reason: d.reason, actorId })
	),
	notFund: proposalAction('notFund', (d, actorId) =>
		notFundProposal(getDb(), { proposalId: d.proposalId, reason: d.reason, actorId })
	),
	publish: async (event) => {
		const user = requireRole(event, 'admin');
		const round = await loadRound(event);
		const result = await publishResults(getDb(), { roundId: round.id, actorId: user.id });
		if (!result.ok) return fail(400, { action: 'publish', proposalId: null, values: {}, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/proposals?done=publish`);
	}
};
