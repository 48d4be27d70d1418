import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStation } from '$lib/server/auth/guard';
import { getRoundBySlug, phaseOf } from '$lib/server/rounds';
import { createProposal, linkableNeeds } from '$lib/server/proposals';
import { httpStatus } from '$lib/server/outcome';
import { emptyProposalValues } from '$lib/schemas/proposals';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { closedNotice, editRows, readProposalForm, roundView } from '../shared.server';
import type { Actions, PageServerLoad } from './$types';

async function roundFrom(url: URL) {
	const slug = url.searchParams.get('round');
	const round = slug ? await getRoundBySlug(getDb(), slug) : undefined;
	// Draft rounds are admins' business: to anyone else they do not exist.
	if (!round || phaseOf(round) === 'draft') error(404, 'not found');
	return round;
}

export const load: PageServerLoad = async (event) => {
	requireStation(event);
	const round = await roundFrom(event.url);
	return {
		round: roundView(round),
		closed: closedNotice(round),
		needs: (await linkableNeeds(getDb(), round.id)).map((n) => ({
			id: n.id,
			title: n.title,
			district: n.district,
			street: n.street
		})),
		values: emptyProposalValues(),
		submissionKey: newSubmissionKey()
	};
};

async function create(event: RequestEvent, submit: boolean) {
	const { user, organisationId } = requireStation(event);
	const round = await roundFrom(event.url);
	const form = await readProposalForm(event.request);
	if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
	const result = await createProposal(getDb(), {
		round,
		organisationId,
		actorId: user.id,
		input: form.input,
		submit
	});
	if (!result.ok) return fail(httpStatus(result), { values: form.values, errors: result.errors });
	redirect(303, `/station/proposals/${result.value.id}?done=${submit ? 'submitted' : 'created'}`);
}

export const actions: Actions = {
	save: once((event) => create(event, false)),
	submit: once((event) => create(event, true)),
	addRow: async (event) => {
		requireStation(event);
		await roundFrom(event.url);
		return editRows(event.request, 'add');
	},
	removeRow: async (event) => {
		requireStation(event);
		await roundFrom(event.url);
		return editRows(event.request, 'remove');
	}
};
