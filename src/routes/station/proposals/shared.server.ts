import { error } from '@sveltejs/kit';
import {
	addRow,
	budgetLinesOf,
	emptyActivity,
	emptyIndicator,
	emptyLine,
	proposalFieldErrors,
	proposalFormValues,
	proposalSchema,
	removeRow,
	type ProposalFormValues,
	type ProposalInput
} from '$lib/schemas/proposals';
import { fenToYuanInput } from '$lib/domain/money';
import type { FieldError, FieldErrors } from '$lib/schemas/form';
import { applicationsClosed } from '$lib/server/proposals';
import { roundRules } from '$lib/server/proposal-rules';
import type { Round } from '$lib/server/schema';

/** The round facts the proposal pages show (never the whole row). */
export function roundView(round: Round) {
	return {
		slug: round.slug,
		title: round.title,
		timeZone: round.time_zone,
		eligibilityAt: round.eligibility_at,
		grantMinFen: round.grant_min_fen,
		grantMaxFen: round.grant_max_fen,
		rules: roundRules(round)
	};
}

/** The form filled from a saved proposal, with a spare empty row where a list is empty. */
export function valuesFrom(content: ProposalInput, version: number | string): ProposalFormValues {
	return {
		title: content.title,
		summary: content.summary,
		targetGroup: content.targetGroup,
		beneficiaries: content.beneficiaries === null ? '' : String(content.beneficiaries),
		team: content.team,
		matchingCash: content.matchingCashFen ? fenToYuanInput(content.matchingCashFen) : '',
		volunteerHours: content.volunteerHours ? String(content.volunteerHours) : '',
		needs: content.needIds.map(String),
		lines: content.lines.length
			? content.lines.map((l) => ({
					category: l.category,
					item: l.item,
					unit: l.unit,
					quantity: String(l.quantity),
					price: fenToYuanInput(l.unitPriceFen)
				}))
			: [emptyLine()],
		activities: content.activities.length
			? content.activities.map((a) => ({ name: a.name, start: a.startMonth, end: a.endMonth }))
			: [emptyActivity()],
		indicators: content.indicators.length ? content.indicators.map((x) => ({ ...x })) : [emptyIndicator()],
		version: String(version)
	};
}

/**
 * The "add a row" and "remove row" buttons without JavaScript: the form comes back with the
 * row added or removed and everything else as typed; nothing is saved.
 */
export async function editRows(request: Request, op: 'add' | 'remove') {
	const data = await request.formData();
	const values = proposalFormValues(data);
	const which = String(data.get(op === 'add' ? 'addRow' : 'removeRow') ?? '');
	return { values: op === 'add' ? addRow(values, which) : removeRow(values, which), errors: {} as FieldErrors, rowsEdited: true };
}

export type ParsedProposalForm =
	| { ok: true; values: ProposalFormValues; input: ProposalInput }
	| { ok: false; values: ProposalFormValues; errors: FieldErrors };

/** The posted proposal form, checked; the typed values come back either way. */
export async function readProposalForm(request: Request): Promise<ParsedProposalForm> {
	const values = proposalFormValues(await request.formData());
	const parsed = proposalSchema.safeParse(values);
	if (!parsed.success) return { ok: false, values, errors: proposalFieldErrors(parsed.error, values) };
	const p = parsed.data;
	return {
		ok: true,
		values,
		input: {
			title: p.title,
			summary: p.summary,
			targetGroup: p.targetGroup,
			beneficiaries: p.beneficiaries,
			team: p.team,
			matchingCashFen: p.matchingCash,
			volunteerHours: p.volunteerHours ?? 0,
			needIds: p.needs,
			lines: budgetLinesOf(p),
			activities: p.activities.map((a) => ({ name: a.name, startMonth: a.start, endMonth: a.end })),
			indicators: p.indicators
		}
	};
}

/** A positive integer id from the URL, or 404. */
export function idParam(value: string | undefined | null): number {
	const id = Number(value);
	if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(id)) error(404, 'not found');
	return id;
}

/** Why the page cannot take a new proposal now, worded for a page rather than a refused save. */
export function closedNotice(round: Round): FieldError | null {
	const closed = applicationsClosed(round)?._form;
	if (!closed) return null;
	return closed.key === 'proposal.err.deadline' ? { key: 'proposal.deadlinePassed', params: closed.params } : closed;
}
