import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { decisionState, phaseOf } from '$lib/server/rounds';
import { stageNow } from '$lib/server/grant-facts';
import { httpStatus } from '$lib/server/outcome';
import { ownProposalRefusal } from '$lib/server/fund-admins';
import { proposalForCheck, recordEligibility } from '$lib/server/eligibility';
import { eligibilitySchema as schema } from '$lib/schemas/eligibility';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { proposalHistory } from '$lib/server/proposals';
import { eligibilityChecklist } from '$lib/server/proposal-rules';
import { fieldError, fieldErrors, formValues, type FieldErrors } from '$lib/schemas/form';
import { zonedToUtc } from '$lib/domain/time';
import type { Actions, PageServerLoad } from './$types';

async function context(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user, round } = await requireRoundAccess(event, event.params.id);
	const db = getDb();
	const proposalId = Number(event.params.proposalId);
	if (!/^\d{1,12}$/.test(event.params.proposalId ?? '')) error(404, 'not found');
	const found = await proposalForCheck(db, round, proposalId);
	if (!found) error(404, 'not found');
	return { user, db, round, found };
}

export const load: PageServerLoad = async (event) => {
	const { user, db, round, found } = await context(event);
	const { proposal, content, rules, problems, attachments, needs, checks } = found;
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone, phase: phaseOf(round), reviewAt: round.review_at },
		rules,
		proposal: {
			id: proposal.id,
			status: proposal.status,
			stage: await stageNow(db, proposal, decisionState(round)),
			submittedAt: proposal.submitted_at,
			revisionDueAt: proposal.revision_due_at
		},
		organisation: {
			name: proposal.organisation,
			kind: proposal.kind,
			registrationNo: proposal.registration_no,
			district: proposal.district,
			street: proposal.street,
			introduction: proposal.introduction
		},
		content,
		needs,
		problems,
		attachments,
		checks,
		history: await proposalHistory(getDb(), proposal.id),
		checklist: eligibilityChecklist(round),
		// The fund admin's own station's proposal: a federation admin checks it.
		federationChecks: !ownProposalRefusal(user, found.proposal.organisation_id).ok,
		done: event.url.searchParams.get('done'),
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	default: once(async (event) => {
		const { user, db, round, found } = await context(event);
		const own = ownProposalRefusal(user, found.proposal.organisation_id);
		if (!own.ok) return fail(httpStatus(own), { values: { outcome: '', comment: '', revisionDueAt: '', ticked: [] as string[] }, errors: own.errors });
		const data = await event.request.formData();
		const values = formValues(data);
		const ticked = data
			.getAll('item')
			.map((v) => Number(v))
			.filter((n) => Number.isInteger(n));
		const kept = {
			outcome: values.outcome ?? '',
			comment: values.comment ?? '',
			revisionDueAt: values.revisionDueAt ?? '',
			ticked: ticked.map(String)
		};
		const refuse = (status: number, errors: FieldErrors) => fail(status, { values: kept, errors });
		const parsed = schema.safeParse(kept);
		if (!parsed.success) return refuse(400, fieldErrors(parsed.error));
		let revisionDueAt: string | null = null;
		if (parsed.data.outcome === 'return' && parsed.data.revisionDueAt) {
			revisionDueAt = zonedToUtc(parsed.data.revisionDueAt, round.time_zone);
			if (!revisionDueAt) return refuse(400, fieldError('revisionDueAt', 'err.invalid'));
		}
		const result = await recordEligibility(db, {
			round,
			proposalId: found.proposal.id,
			actorId: user.id,
			input: { outcome: parsed.data.outcome, ticked, comment: parsed.data.comment, revisionDueAt }
		});
		if (!result.ok) return refuse(httpStatus(result), result.errors);
		redirect(303, `/admin/rounds/${round.id}/eligibility/${found.proposal.id}?done=${parsed.data.outcome}`);
	})
};
