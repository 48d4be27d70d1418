import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { createRound, getRoundById, getRoundBySlug } from '$lib/server/rounds';
import { newRoundFormValues } from '$lib/server/round-form';
import { listTemplateRounds, templateFormValues } from '$lib/server/round-template';
import { roundSchema, templateChoiceSchema } from '$lib/schemas/rounds';
import { fieldError, fieldErrors, formError, formValues } from '$lib/schemas/form';
import { appendAllocation, fundToday, getFund, listFunds } from '$lib/server/funds';
import { setRoundFund } from '$lib/server/fund-admins';
import { poolFundSchema, roundOwnerSchema } from '$lib/schemas/funds';
import { formatFen, yuanToFen } from '$lib/domain/money';
import type { FieldErrors } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

/** The allocation of a new round's pool was refused inside its transaction: nothing was created. */
class PoolRefused extends Error {
	constructor(readonly errors: FieldErrors) {
		super('pool refused');
	}
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const choice = templateChoiceSchema.safeParse({ templateId: event.url.searchParams.get('from') ?? '' });
	const template = choice.success && choice.data.templateId ? await getRoundById(db, choice.data.templateId) : undefined;
	const values = template ? templateFormValues(template) : newRoundFormValues();
	const funds = await listFunds(db);
	const poolFen = yuanToFen(values.pool) ?? 0;
	// The first fund that holds the whole pool is offered first.
	const covering = funds.find((f) => f.balanceFen >= poolFen);
	return {
		values: { ...values, fundId: covering ? String(covering.id) : '', runBy: '' },
		funds: funds.map((f) => ({ value: f.id, label: `${f.name}（${formatFen(f.balanceFen)}）` })),
		template: template ? { id: template.id, title: template.title } : null,
		templates: await listTemplateRounds(db)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const values = formValues(await event.request.formData());
		const parsed = roundSchema.safeParse(values);
		const choice = templateChoiceSchema.safeParse(values);
		if (!parsed.success || !choice.success) {
			return fail(400, { values, errors: fieldErrors((parsed.error ?? choice.error)!) });
		}
		const db = getDb();
		const template = choice.data.templateId ? await getRoundById(db, choice.data.templateId) : undefined;
		if (choice.data.templateId && !template) {
			return fail(400, { values, errors: formError('round.template.gone') });
		}
		if (await getRoundBySlug(db, parsed.data.slug)) {
			return fail(400, { values, errors: fieldError('slug', 'round.err.slugTaken') });
		}
		const pool = poolFundSchema.safeParse(values);
		if (!pool.success) return fail(400, { values, errors: fieldErrors(pool.error) });
		const { fundId } = pool.data;
		const owner = roundOwnerSchema.safeParse(values);
		if (!owner.success) return fail(400, { values, errors: fieldErrors(owner.error) });
		const { runBy } = owner.data;
		if (runBy !== null && !(await getFund(db, runBy))) return fail(400, { values, errors: fieldError('runBy', 'err.choice') });
		const poolFen = parsed.data.pool_fen;
		if (poolFen > 0 && fundId === null) {
			return fail(400, { values, errors: fieldError('fundId', 'funds.err.poolNeedsFund', { shortfall: formatFen(poolFen) }) });
		}
		let id: number;
		try {
			id = await createRound(db, parsed.data, user.id, template, async (trx, roundId) => {
				// The fund whose admins run the round (null: the federation's city-wide round).
				if (runBy !== null) await setRoundFund(trx, roundId, runBy);
				if (poolFen === 0 || fundId === null) return;
				const allocated = await appendAllocation(trx, { fundId, roundId, amountFen: poolFen, allocatedOn: fundToday(), reason: null, actorId: user.id });
				if (!allocated.ok) throw new PoolRefused(allocated.errors.amount ? { fundId: allocated.errors.amount } : allocated.errors);
			});
		} catch (e) {
			if (e instanceof PoolRefused) return fail(400, { values, errors: e.errors });
			throw e;
		}
		redirect(303, `/admin/rounds/${id}?created=${template ? 'template' : '1'}`);
	}
};
