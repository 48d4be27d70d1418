import { error } from '@sveltejs/kit';
import { proposalFormValues, proposalSchema, type ProposalFormValues } from '$lib/schemas/proposals';
import { fieldErrors, type FieldError, type FieldErrors } from '$lib/schemas/form';
import { applicationsClosed, type ProposalInput } from '$lib/server/proposals';
import type { Round } from '$lib/server/schema';

/** The round facts the proposal pages show (never the whole row). */
export function roundView(round: Round) {
	return {
		slug: round.slug,
		title: round.title,
		timeZone: round.time_zone,
		eligibilityAt: round.eligibility_at,
		grantMinFen: round.grant_min_fen,
		grantMaxFen: round.grant_max_fen
	};
}

export type ParsedProposalForm =
	| { ok: true; values: ProposalFormValues; input: ProposalInput }
	| { ok: false; values: ProposalFormValues; errors: FieldErrors };

/** The posted proposal form, checked; the typed values come back either way. */
export async function readProposalForm(request: Request): Promise<ParsedProposalForm> {
	const values = proposalFormValues(await request.formData());
	const parsed = proposalSchema.safeParse(values);
	if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
	const { title, summary, amount, needs } = parsed.data;
	return { ok: true, values, input: { title, summary, requestedFen: amount, needIds: needs } };
}

/** A positive integer id from the URL, or 404. */
export function idParam(value: string | undefined | null): number {
	const id = Number(value);
	if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(id)) error(404, 'not found');
	return id;
}

/** Why the page cannot take a proposal now, worded for a page rather than a refused save. */
export function closedNotice(round: Round): FieldError | null {
	const closed = applicationsClosed(round)?._form;
	if (!closed) return null;
	return closed.key === 'proposal.err.deadline' ? { key: 'proposal.deadlinePassed', params: closed.params } : closed;
}
