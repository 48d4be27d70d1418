import { error, fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { closeProject, recordAgreement, recordConditionMet, recordPayment, recordReturn, reverseEntry } from '$lib/server/grants';
import { projectLedger, todayIn } from '$lib/server/grant-views';
import { httpStatus, type Outcome } from '$lib/server/outcome';
import { reportSummaries } from '$lib/server/project-reports';
import { formControl, type MoneyMove } from '$lib/server/four-eyes';
import { moneyRequests } from '$lib/server/money-requests';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { grantSchemas, type GrantAction } from '$lib/schemas/grants';
import { newSubmissionKey, once } from '$lib/server/submissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function projectId(raw: string): number {
	return /^\d{1,12}$/.test(raw) ? Number(raw) : 0;
}

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	const view = await projectLedger(getDb(), projectId(event.params.proposalId));
	if (!view || view.project.round.id !== round.id) error(404, 'not found');
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone },
		project: { id: view.project.id, title: view.project.title, organisation: view.project.organisation, awardFen: view.project.awardFen },
		agreement: view.agreement,
		tranches: view.tranches,
		entries: view.entries,
		money: view.money,
		closing: view.closing,
		stage: view.stage,
		reports: await reportSummaries(getDb(), view.project.id),
		grades: { midterm: view.evaluation.midterm.grade, final: view.evaluation.final.grade },
		pendingMoney: await moneyRequests(getDb(), { status: 'pending', proposalId: view.project.id }),
		today: todayIn(round.time_zone),
		done: event.url.searchParams.get('done'),
		submissionKey: newSubmissionKey()
	};
};

type Input<K extends GrantAction> = z.output<(typeof grantSchemas)[K]>;
type Base = { proposalId: number; roundId: number; actorId: number };

/** One action: the admin of the round → the form's schema → the ledger's rule → back to the page. */
function grantAction<K extends GrantAction>(action: K, run: (data: Input<K>, base: Base) => Promise<Outcome<unknown>>) {
	return once(async (event: RequestEvent) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const parsed = grantSchemas[action].safeParse(values);
		if (!parsed.success) return fail(400, { action, values, errors: fieldErrors(parsed.error) });
		const base = { proposalId: projectId(event.params.proposalId), roundId: round.id, actorId: user.id };
		const result = await run(parsed.data as Input<K>, base);
		if (!result.ok) return fail(httpStatus(result) === 404 ? 404 : 400, { action, values, errors: result.errors });
		// A move above the threshold was filed for a second admin, not made: the page says so.
		const filed = (result.value as Partial<MoneyMove> | undefined)?.requestId;
		redirect(303, `/admin/rounds/${round.id}/projects/${base.proposalId}?done=${filed ? 'requested' : action}`);
	});
}

export const actions: Actions = {
	agreement: grantAction('agreement', (d, base) =>
		recordAgreement(getDb(), {
			...base,
			number: d.number,
			signedOn: d.signedOn,
			payeeAccountName: d.payeeAccountName,
			amountsFen: d.amountsFen,
			planReason: d.planReason
		})
	),
	condition: grantAction('condition', (d, base) => recordConditionMet(getDb(), { ...base, trancheId: d.trancheId, reason: d.reason })),
	pay: grantAction('pay', async (d, base) =>
		recordPayment(getDb(), { ...base, trancheId: d.trancheId, amountFen: d.amount, paidOn: d.paidOn, reference: d.reference }, undefined, await formControl(getDb()))
	),
	reverse: grantAction('reverse', async (d, base) => reverseEntry(getDb(), { ...base, entryId: d.entryId, reason: d.reason }, undefined, await formControl(getDb()))),
	close: grantAction('close', (d, base) =>
		closeProject(getDb(), { ...base, outcome: d.outcome, closedOn: d.closedOn, note: d.note, returnDueFen: d.returnDue })
	),
	return: grantAction('return', (d, base) =>
		recordReturn(getDb(), { ...base, amountFen: d.amount, returnedOn: d.returnedOn, reference: d.reference })
	)
};
