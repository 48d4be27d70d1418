import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { decisionState, phaseOf } from '$lib/server/rounds';
import { stageNow } from '$lib/server/grant-facts';
import { httpStatus } from '$lib/server/outcome';
import { openReviewerIdentities, proposalReviews } from '$lib/server/review-reading';
import { postToDiscussion, readDiscussion } from '$lib/server/discussion';
import { DISCUSSION_PHASES } from '$lib/domain/phases';
import { discussionSchema, identitiesSchema } from '$lib/schemas/review';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { newSubmissionKey, once } from '$lib/server/submissions';
import type { Actions, PageServerLoad } from './$types';

/** The round, and one of its proposals; 404 for a proposal of another round. */
async function context(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user, round } = await requireRoundAccess(event, event.params.id);
	if (!/^\d{1,12}$/.test(event.params.proposalId ?? '')) error(404, 'not found');
	const proposalId = Number(event.params.proposalId);
	const reviews = await proposalReviews(getDb(), round.id, proposalId);
	if (!reviews) error(404, 'not found');
	return { user, round, proposalId, reviews };
}

export const load: PageServerLoad = async (event) => {
	const { user, round, proposalId, reviews } = await context(event);
	const discussion = await readDiscussion(getDb(), user, proposalId);
	const phase = phaseOf(round);
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone, phase },
		...reviews,
		proposal: { ...reviews.proposal, stage: await stageNow(getDb(), reviews.proposal, decisionState(round)) },
		discussion: discussion.ok ? discussion.value : [],
		discussionOpen: DISCUSSION_PHASES.includes(phase) && !round.results_confirmed_at,
		posted: event.url.searchParams.has('posted'),
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	// Names are answered to this request only, never kept in the URL: each look is in the audit log.
	identities: once(async (event) => {
		const { user, round, proposalId } = await context(event);
		const values = formValues(await event.request.formData());
		const parsed = identitiesSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'identities', values, errors: fieldErrors(parsed.error) });
		const result = await openReviewerIdentities(getDb(), { roundId: round.id, proposalId, actorId: user.id, reason: parsed.data.reason });
		if (!result.ok) return fail(httpStatus(result), { action: 'identities', values, errors: result.errors });
		return { action: 'identities', identities: result.value };
	}),
	discuss: once(async (event) => {
		const { user, round, proposalId } = await context(event);
		const values = formValues(await event.request.formData());
		const parsed = discussionSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'discuss', values, errors: fieldErrors(parsed.error) });
		const result = await postToDiscussion(getDb(), { viewer: user, proposalId, body: parsed.data.body });
		if (!result.ok) return fail(httpStatus(result), { action: 'discuss', values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/proposals/${proposalId}?posted=1#discussion-h`);
	})
};
