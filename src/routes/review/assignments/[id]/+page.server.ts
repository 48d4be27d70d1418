import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { assignmentProposal, getAssignmentForReviewer, saveReview } from '$lib/server/reviews';
import { postToDiscussion, readDiscussion } from '$lib/server/discussion';
import { httpStatus } from '$lib/server/outcome';
import { declareConflict } from '$lib/server/conflicts';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { conflictSchema, criterionCommentSchema, discussionSchema, reviewSchema as schema } from '$lib/schemas/review';
import { parseWhole } from '$lib/domain/numbers';
import { newSubmissionKey, once } from '$lib/server/submissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A typed score: blank is "not scored yet"; anything but a whole number is left for the range check. */
function scoresFrom(values: Record<string, string>): Record<number, number | null> {
	const scores: Record<number, number | null> = {};
	for (const [name, raw] of Object.entries(values)) {
		const m = /^score_(\d+)$/.exec(name);
		if (!m) continue;
		scores[Number(m[1])] = raw.trim() === '' ? null : (parseWhole(raw) ?? NaN);
	}
	return scores;
}

function commentsFrom(values: Record<string, string>): Record<number, string> {
	const comments: Record<number, string> = {};
	for (const [name, raw] of Object.entries(values)) {
		const m = /^comment_(\d+)$/.exec(name);
		if (!m) continue;
		// Too long is left for saveReview to say; anything else is cleaned like all typed text.
		const parsed = criterionCommentSchema.safeParse(raw);
		comments[Number(m[1])] = parsed.success ? parsed.data : raw;
	}
	return comments;
}

/** The criteria whose comment the reviewer ticked as written for the applicant (`share_<criterion id>`). */
function sharedFrom(values: Record<string, string>): number[] {
	return Object.keys(values).flatMap((name) => {
		const m = /^share_(\d+)$/.exec(name);
		return m ? [Number(m[1])] : [];
	});
}

function assignmentId(event: Pick<RequestEvent, 'params'>): number {
	const id = Number(event.params.id);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, 'not found');
	return id;
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'reviewer');
	// Anyone but the assigned reviewer (or a reviewer with a conflict) gets the same 404 as for an
	// id that does not exist.
	const db = getDb();
	const view = await getAssignmentForReviewer(db, assignmentId(event), user.id);
	if (!view) error(404, 'not found');
	// The panel's discussion opens to a reviewer once their own review is in.
	const discussion = view.assignment.status === 'submitted' ? await readDiscussion(db, user, view.proposal.id) : null;
	return {
		...view,
		discussion: discussion?.ok ? discussion.value : null,
		posted: event.url.searchParams.has('posted'),
		submissionKey: newSubmissionKey()
	};
};

async function save(event: RequestEvent, submit: boolean) {
	const user = requireRole(event, 'reviewer');
	const id = assignmentId(event);
	const values = formValues(await event.request.formData());
	const parsed = schema.safeParse(values);
	if (!parsed.success) return fail(400, { action: 'save', values, errors: fieldErrors(parsed.error) });
	const result = await saveReview(
		getDb(),
		{
			assignmentId: id,
			reviewerId: user.id,
			scores: scoresFrom(values),
			criterionComments: commentsFrom(values),
			forApplicant: sharedFrom(values),
			comment: parsed.data.comment,
			privateNote: parsed.data.privateNote
		},
		{ submit }
	);
	if (!result.ok) {
		if (result.errors._form?.key === 'review.err.noAssignment') error(404, 'not found');
		return fail(400, { action: 'save', values, errors: result.errors });
	}
	redirect(303, `/review/assignments/${id}?${submit ? 'submitted' : 'saved'}=1`);
}

export const actions: Actions = {
	save: once((event) => save(event, false)),
	submit: once((event) => save(event, true)),
	discuss: once(async (event) => {
		const user = requireRole(event, 'reviewer');
		const id = assignmentId(event);
		const db = getDb();
		const view = await assignmentProposal(db, id, user.id);
		if (view === undefined) error(404, 'not found');
		const values = formValues(await event.request.formData());
		const parsed = discussionSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'discuss', values, errors: fieldErrors(parsed.error) });
		const result = await postToDiscussion(db, { viewer: user, proposalId: view, body: parsed.data.body });
		if (!result.ok) {
			if (httpStatus(result) === 404) error(404, 'not found');
			return fail(httpStatus(result), { action: 'discuss', values, errors: result.errors });
		}
		redirect(303, `/review/assignments/${id}?posted=1#discussion-h`);
	}),
	conflict: once(async (event) => {
		const user = requireRole(event, 'reviewer');
		const id = assignmentId(event);
		const values = formValues(await event.request.formData());
		const parsed = conflictSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'conflict', values, errors: fieldErrors(parsed.error) });
		const result = await declareConflict(getDb(), { assignmentId: id, reviewerId: user.id, reason: parsed.data.reason });
		if (!result.ok) {
			if (result.errors._form?.key === 'review.err.noAssignment') error(404, 'not found');
			return fail(400, { action: 'conflict', values, errors: result.errors });
		}
		redirect(303, '/review?recused=1');
	})
};
