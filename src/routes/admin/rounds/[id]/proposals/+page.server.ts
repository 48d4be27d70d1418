import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { decisionState, inPhase, phaseOf } from '$lib/server/rounds';
import { withStagesNow } from '$lib/server/grant-facts';
import { ASSIGNMENT_PHASES } from '$lib/domain/phases';
import { listReviewers } from '$lib/server/users';
import { assignReviewer, autoAssignRound, lastAutoAssignReport, reassignReviewer, unassignReviewer } from '$lib/server/assignments';
import { roundScore } from '$lib/domain/funding-line';
import { proposalScoreSummary } from '$lib/server/reviews';
import type { Outcome } from '$lib/server/outcome';
import { liftConflict, listConflicts, roundConflicts, setConflict } from '$lib/server/conflicts';
import { panelIds } from '$lib/server/reviewers';
import { listRoundProposals, proposalInRound } from '$lib/server/assignments';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { panelSchemas as schemas } from '$lib/schemas/review';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type ProposalAction = keyof typeof schemas;

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	const db = getDb();
	const now = new Date();
	const [proposals, reviewers, summary, panel, conflicts, conflictPairs] = await Promise.all([
		listRoundProposals(db, round.id).then((rows) => withStagesNow(db, rows, decisionState(round, now))),
		listReviewers(db),
		proposalScoreSummary(db, round.id),
		panelIds(db, round.id),
		listConflicts(db, round.id),
		roundConflicts(db, round.id)
	]);
	const one = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);
	const assignReport = await lastAutoAssignReport(db, round.id);
	return {
		round: {
			id: round.id,
			slug: round.slug,
			title: round.title,
			timeZone: round.time_zone,
			phase: phaseOf(round, now)
		},
		can: { assign: inPhase(round, ASSIGNMENT_PHASES, now) },
		rankingScore: round.ranking_score,
		assignReport,
		perProposal: round.reviewers_per_proposal,
		panelSize: panel.length,
		proposals: proposals.map((p) => {
			const s = summary.get(p.id);
			return {
				...p,
				calibrated: roundScore(s?.calibrated ?? null),
				sd: one(s?.sd),
				disagreement: s?.disagreement ?? false,
				// Reviewers who must recuse from this proposal (same organisation, declared or set).
				conflictedIds: reviewers.filter((r) => conflictPairs.has(`${p.id}:${r.id}`)).map((r) => r.id)
			};
		}),
		// Manual choice keeps to the panel once there is one.
		reviewers: reviewers
			.filter((r) => panel.length === 0 || panel.includes(r.id))
			.map((r) => ({ id: r.id, name: r.name, organisationId: r.organisation_id })),
		allReviewers: reviewers.map((r) => ({ id: r.id, name: r.name })),
		conflicts: conflicts.map((c) => ({
			id: c.id,
			proposalId: c.proposalId,
			reviewerName: c.reviewerName,
			source: c.source,
			reason: c.reason,
			createdAt: c.createdAt
		}))
	};
};

/** One proposal action: admin → parse → the proposal is this round's → domain call → back to the list. */
function proposalAction<K extends ProposalAction>(
	action: K,
	run: (data: z.output<(typeof schemas)[K]>, actorId: number) => Promise<Outcome<unknown>>
) {
	return async (event: RequestEvent) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
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
	assign: proposalAction('assign', (d, actorId) =>
		assignReviewer(getDb(), { proposalId: d.proposalId, reviewerId: d.reviewerId, actorId })
	),
	unassign: proposalAction('unassign', (d, actorId) =>
		unassignReviewer(getDb(), { proposalId: d.proposalId, assignmentId: d.assignmentId, actorId })
	),
	reassign: proposalAction('reassign', (d, actorId) =>
		reassignReviewer(getDb(), { proposalId: d.proposalId, assignmentId: d.assignmentId, reviewerId: d.reviewerId, actorId })
	),
	conflict: proposalAction('conflict', (d, actorId) =>
		setConflict(getDb(), { proposalId: d.proposalId, reviewerId: d.reviewerId, reason: d.reason, actorId })
	),
	liftConflict: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const proposalId = Number(values.proposalId) || null;
		const parsed = schemas.liftConflict.safeParse(values);
		if (!parsed.success) {
			return fail(400, { action: 'liftConflict', proposalId, values, errors: fieldErrors(parsed.error) });
		}
		const result = await liftConflict(getDb(), {
			conflictId: parsed.data.conflictId,
			roundId: round.id,
			reason: parsed.data.reason,
			actorId: user.id
		});
		if (!result.ok) return fail(400, { action: 'liftConflict', proposalId, values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/proposals?done=liftConflict#p-${parsed.data.proposalId}`);
	},
	autoAssign: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const result = await autoAssignRound(getDb(), { roundId: round.id, actorId: user.id });
		if (!result.ok) return fail(400, { action: 'autoAssign', proposalId: null, values: {}, errors: result.errors });
		redirect(
			303,
			`/admin/rounds/${round.id}/proposals?done=autoAssign&added=${result.value.added}&short=${result.value.short.length}`
		);
	}
};
