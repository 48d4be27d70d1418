import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStation } from '$lib/server/auth/guard';
import { decisionState, getRoundById } from '$lib/server/rounds';
import { stageNow } from '$lib/server/grant-facts';
import {
	editClosed,
	getOwnProposal,
	linkableNeeds,
	linkedNeeds,
	mayWithdraw,
	proposalHistory,
	updateProposal,
	withdrawProposal
} from '$lib/server/proposals';
import { addAttachment, listAttachments, readAttachmentUpload, removeAttachment } from '$lib/server/attachments';
import { httpStatus } from '$lib/server/outcome';
import { latestCheck } from '$lib/server/eligibility';
import { applicantFeedback, feedbackOpen } from '$lib/server/feedback';
import { ELIGIBLE_STATUSES } from '$lib/server/results';
import { versionSchema, type ProposalFormValues, type ProposalInput } from '$lib/schemas/proposals';
import { formError, formValues, type FieldErrors } from '$lib/schemas/form';
import { editRows, idParam, readProposalForm, roundView, valuesFrom } from '../shared.server';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { stationGrant } from '$lib/server/grant-views';
import { reportSummaries } from '$lib/server/project-reports';
import type { Actions, PageServerLoad } from './$types';

/** The organisation's own proposal and its round; anyone else's is 404, in load and actions. */
async function ownProposal(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user, organisationId } = requireStation(event);
	const db = getDb();
	const proposal = await getOwnProposal(db, idParam(event.params.id), organisationId);
	if (!proposal) error(404, 'not found');
	const round = await getRoundById(db, proposal.round_id);
	if (!round) error(404, 'not found');
	return { user, organisationId, proposal, round };
}

/** Every refusal of the edit form has one shape; `saved` is set only on a conflict. */
function refuse(status: number, values: ProposalFormValues, errors: FieldErrors, saved: ProposalInput | null = null) {
	return fail(status, { values, errors, saved });
}

/** A page message (not a refused save) for why the proposal cannot be changed now. */
function closedNotice(errors: FieldErrors | null) {
	const closed = errors?._form;
	if (!closed) return null;
	if (closed.key === 'proposal.err.deadline') return { key: 'proposal.deadlinePassed' as const, params: closed.params };
	if (closed.key === 'proposal.err.revisionDeadline') return { key: 'proposal.revisionPassed' as const, params: closed.params };
	return closed;
}

export const load: PageServerLoad = async (event) => {
	const { proposal, round, organisationId } = await ownProposal(event);
	const db = getDb();
	const closed = editClosed(round, proposal);
	const editable = !closed;
	const linked = await linkedNeeds(db, proposal.id);
	return {
		proposal: {
			id: proposal.id,
			title: proposal.title,
			status: proposal.status,
			stage: await stageNow(getDb(), proposal, decisionState(round)),
			version: proposal.version,
			updatedAt: proposal.updated_at,
			revisionDueAt: proposal.revision_due_at
		},
		content: proposal.content,
		round: roundView(round),
		closed: closedNotice(closed),
		editable,
		withdrawable: mayWithdraw(round, proposal.status),
		needs: editable ? await linkableNeeds(db, round.id) : linked,
		attachments: await listAttachments(db, proposal.id),
		history: (await proposalHistory(db, proposal.id)).map((h) => ({ id: h.id, version: h.version, takenAt: h.takenAt, by: h.by, content: h.content })),
		check: await latestCheck(db, proposal.id),
		grant: proposal.status === 'funded' ? await stationGrant(db, proposal.id) : null,
		reports: proposal.status === 'funded' ? await reportSummaries(db, proposal.id) : [],
		feedback: await applicantFeedback(db, round, { proposalId: proposal.id, organisationId }),
		// On the notice the list may still change: the station is told its feedback waits for the final list.
		feedbackWaits: !feedbackOpen(round) && !!round.notice_published_at && ELIGIBLE_STATUSES.includes(proposal.status),
		values: valuesFrom(proposal.content, proposal.version),
		done: event.url.searchParams.get('done'),
		submissionKey: newSubmissionKey()
	};
};

async function save(event: RequestEvent, submit: boolean) {
	const { user, organisationId, proposal, round } = await ownProposal(event);
	const form = await readProposalForm(event.request);
	const version = versionSchema.safeParse(form.values.version);
	if (!version.success) return refuse(400, form.values, formError('err.invalid'));
	if (!form.ok) return refuse(400, form.values, form.errors);
	const db = getDb();
	const result = await updateProposal(db, {
		round,
		proposalId: proposal.id,
		organisationId,
		actorId: user.id,
		version: version.data,
		input: form.input,
		submit
	});
	if (!result.ok && result.status === 409) {
		// Someone saved in between. Keep what was typed, show what was saved, and let the next save go on top of it.
		const current = await getOwnProposal(db, proposal.id, organisationId);
		if (!current) error(404, 'not found');
		return refuse(409, { ...form.values, version: String(current.version) }, result.errors, current.content);
	}
	if (!result.ok) return refuse(httpStatus(result), form.values, result.errors);
	const done = !submit || proposal.status === 'submitted' ? 'saved' : proposal.status === 'returned' ? 'resubmitted' : 'submitted';
	redirect(303, `/station/proposals/${proposal.id}?done=${done}`);
}

export const actions: Actions = {
	save: once((event) => save(event, false)),
	submit: once((event) => save(event, true)),
	addRow: async (event) => {
		await ownProposal(event);
		return editRows(event.request, 'add');
	},
	removeRow: async (event) => {
		await ownProposal(event);
		return editRows(event.request, 'remove');
	},
	attach: async (event) => {
		const { user, proposal, round } = await ownProposal(event);
		const closed = editClosed(round, proposal);
		if (closed) return fail(400, { attachErrors: closed });
		const upload = await readAttachmentUpload(event.request);
		if (!upload.ok) return fail(httpStatus(upload), { attachErrors: upload.errors });
		const file = upload.value;
		const result = await addAttachment(getDb(), {
			proposalId: proposal.id,
			actorId: user.id,
			fileName: file.name,
			bytes: new Uint8Array(await file.arrayBuffer())
		});
		if (!result.ok) return fail(httpStatus(result), { attachErrors: result.errors });
		redirect(303, `/station/proposals/${proposal.id}?done=attached#attachments`);
	},
	detach: async (event) => {
		const { user, proposal, round } = await ownProposal(event);
		const closed = editClosed(round, proposal);
		if (closed) return fail(400, { attachErrors: closed });
		const values = formValues(await event.request.formData());
		const removed = await removeAttachment(getDb(), { proposalId: proposal.id, attachmentId: values.attachment ?? '', actorId: user.id });
		if (!removed) error(404, 'not found');
		redirect(303, `/station/proposals/${proposal.id}?done=detached#attachments`);
	},
	withdraw: once(async (event) => {
		const { user, organisationId, proposal, round } = await ownProposal(event);
		const values = formValues(await event.request.formData());
		if (values.confirm !== 'yes') {
			return fail(400, { withdrawErrors: formError('proposal.err.withdrawConfirm') });
		}
		const version = versionSchema.safeParse(values.version ?? '');
		if (!version.success) return fail(400, { withdrawErrors: formError('err.invalid') });
		const result = await withdrawProposal(getDb(), {
			round,
			proposalId: proposal.id,
			organisationId,
			actorId: user.id,
			version: version.data
		});
		if (!result.ok) return fail(httpStatus(result), { withdrawErrors: result.errors });
		redirect(303, `/station/proposals/${proposal.id}?done=withdrawn`);
	})
};
