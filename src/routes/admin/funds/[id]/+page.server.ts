import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listPlaceTree } from '$lib/server/places';
import { adminFundEntries, allocate, fundToday, getFund, recordIncome, reverseFundEntry, roundsToAllocate, saveFund } from '$lib/server/funds';
import { importIncomes } from '$lib/server/fund-import';
import { formControl } from '$lib/server/four-eyes';
import { moneyRequests } from '$lib/server/money-requests';
import { httpStatus } from '$lib/server/outcome';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { fieldErrors, formError, formValues } from '$lib/schemas/form';
import { allocationSchema, fundSchema, incomeSchema, reverseSchema } from '$lib/schemas/funds';
import { formatFen } from '$lib/domain/money';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function fundId(raw: string): number {
	return /^\d{1,12}$/.test(raw) ? Number(raw) : 0;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const fund = await getFund(db, fundId(event.params.id));
	if (!fund) error(404, 'not found');
	return {
		fund,
		entries: await adminFundEntries(db, fund.id),
		pendingMoney: await moneyRequests(db, { status: 'pending', fundId: fund.id }),
		rounds: await roundsToAllocate(db),
		streets: (await listPlaceTree(db)).flatMap((d) => d.streets.map((s) => ({ value: s.id, label: `${d.name} · ${s.name}` }))),
		today: fundToday(),
		done: event.url.searchParams.get('done'),
		imported: event.url.searchParams.get('imported'),
		submissionKey: newSubmissionKey()
	};
};

/** Back to the fund's page, saying what was done. */
function done(event: RequestEvent, what: string): never {
	redirect(303, `/admin/funds/${fundId(event.params.id)}?done=${what}`);
}

export const actions: Actions = {
	update: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = fundSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'update', values, errors: fieldErrors(parsed.error) });
		const saved = await saveFund(getDb(), fundId(event.params.id), parsed.data, user.id);
		if (!saved.ok) return fail(httpStatus(saved) === 404 ? 404 : 400, { action: 'update', values, errors: saved.errors });
		done(event, 'saved');
	},
	income: once(async (event: RequestEvent) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = incomeSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'income', values, errors: fieldErrors(parsed.error) });
		const d = parsed.data;
		const recorded = await recordIncome(getDb(), {
			fundId: fundId(event.params.id),
			amountFen: d.amount,
			receivedOn: d.receivedOn,
			sourceType: d.sourceType,
			donorName: d.donorName,
			donorConsent: d.donorConsent,
			campaign: d.campaign,
			reference: d.reference,
			actorId: user.id
		});
		if (!recorded.ok) return fail(httpStatus(recorded) === 404 ? 404 : 400, { action: 'income', values, errors: recorded.errors });
		done(event, 'ledger');
	}),
	allocate: once(async (event: RequestEvent) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = allocationSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'allocate', values, errors: fieldErrors(parsed.error) });
		const d = parsed.data;
		const allocated = await allocate(getDb(), {
			fundId: fundId(event.params.id),
			roundId: d.roundId,
			amountFen: d.amount,
			allocatedOn: d.allocatedOn,
			reason: d.reason,
			actorId: user.id
		}, undefined, await formControl(getDb()));
		if (!allocated.ok) return fail(httpStatus(allocated) === 404 ? 404 : 400, { action: 'allocate', values, errors: allocated.errors });
		done(event, allocated.value.requestId ? 'requested' : 'ledger');
	}),
	reverse: once(async (event: RequestEvent) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = reverseSchema.safeParse(values);
		if (!parsed.success) return fail(400, { action: 'reverse', values, errors: fieldErrors(parsed.error) });
		const reversed = await reverseFundEntry(
			getDb(),
			{ fundId: fundId(event.params.id), entryId: parsed.data.entryId, reason: parsed.data.reason, actorId: user.id },
			undefined,
			await formControl(getDb())
		);
		if (!reversed.ok) return fail(httpStatus(reversed) === 404 ? 404 : 400, { action: 'reverse', values, errors: reversed.errors });
		done(event, reversed.value.requestId ? 'requested' : 'ledger');
	}),
	import: async (event) => {
		const user = requireRole(event, 'admin');
		const values: Record<string, string> = {};
		const file = (await event.request.formData()).get('file');
		const noFile = formError('err.required');
		if (!(file instanceof File) || file.size === 0) return fail(400, { action: 'import', values, errors: noFile, lines: [] });
		const imported = await importIncomes(getDb(), { fundId: fundId(event.params.id), bytes: new Uint8Array(await file.arrayBuffer()), actorId: user.id });
		if (!imported.ok) return fail(httpStatus(imported) === 404 ? 404 : 400, { action: 'import', values, errors: imported.errors, lines: imported.lines });
		redirect(303, `/admin/funds/${fundId(event.params.id)}?done=imported&imported=${imported.count}:${encodeURIComponent(formatFen(imported.totalFen))}`);
	}
};
