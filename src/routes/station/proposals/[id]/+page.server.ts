import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStation } from '$lib/server/auth/guard';
import { getRoundById, phaseOf } from '$lib/server/rounds';
import {
	getOwnProposal,
	linkableNeeds,
	linkedNeeds,
	updateProposal,
	withdrawProposal
} from '$lib/server/proposals';
import { fenToYuanInput } from '$lib/domain/money';
import { versionSchema, type ProposalFormValues } from '$lib/schemas/proposals';
import { formError, formValues, type FieldErrors } from '$lib/schemas/form';
import { closedNotice, idParam, readProposalForm, roundView } from '../shared.server';
import type { Actions, PageServerLoad } from './$types';

const WITHDRAW_PHASES = ['applications', 'eligibility', 'review'];
const WITHDRAWABLE = ['draft', 'submitted', 'eligible'];

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

interface SavedView {
	title: string;
	summary: string;
	requestedFen: number;
}

function savedView(p: { title: string; summary: string; requested_fen: number }): SavedView {
	return { title: p.title, summary: p.summary, requestedFen: p.requested_fen };
}

/** Every refusal of the edit form has one shape; `saved` is set only on a conflict. */
function refuse(status: number, values: ProposalFormValues, errors: FieldErrors, saved: SavedView | null = null) {
	return fail(status, { values, errors, saved });
}

export const load: PageServerLoad = async (event) => {
	const { proposal, round } = await ownProposal(event);
	const db = getDb();
	const phase = phaseOf(round);
	const closed = closedNotice(round);
	const editable = !closed && (proposal.status === 'draft' || proposal.status === 'submitted');
	const values: ProposalFormValues = {
		title: proposal.title,
		summary: proposal.summary,
		amount: fenToYuanInput(proposal.requested_fen),
		needs: proposal.needIds.map(String),
		version: String(proposal.version)
	};
	return {
		proposal: {
			id: proposal.id,
			status: proposal.status,
			version: proposal.version,
			updatedAt: proposal.updated_at,
			...savedView(proposal)
		},
		round: roundView(round),
		closed,
		editable,
		withdrawable: WITHDRAW_PHASES.includes(phase) && WITHDRAWABLE.includes(proposal.status),
		needs: editable ? await linkableNeeds(db, round.id) : [],
		linked: await linkedNeeds(db, proposal.id),
		values,
		done: event.url.searchParams.get('done')
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
	if (result === 'conflict') {
		// Keep what was typed, show what was saved, and let the next save go on top of it.
		const current = await getOwnProposal(db, proposal.id, organisationId);
		if (!current) error(404, 'not found');
		return refuse(
			409,
			{ ...form.values, version: String(current.version) },
			formError('proposal.err.conflict'),
			savedView(current)
		);
	}
	if (!result.ok) return refuse(result.status, form.values, result.errors);
	const done = submit && proposal.status === 'draft' ? 'submitted' : 'saved';
	redirect(303, `/station/proposals/${proposal.id}?done=${done}`);
}

export const actions: Actions = {
	save: (event) => save(event, false),
	submit: (event) => save(event, true),
	withdraw: async (event) => {
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
		if (result === 'conflict') {
			return fail(409, { withdrawErrors: formError('proposal.err.conflict') });
		}
		if (!result.ok) return fail(result.status, { withdrawErrors: result.errors });
		redirect(303, `/station/proposals/${proposal.id}?done=withdrawn`);
	}
};
