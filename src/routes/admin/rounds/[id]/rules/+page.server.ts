import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { inPhase, phaseOf } from '$lib/server/rounds';
import { RULES_PHASES } from '$lib/domain/phases';
import { eligibilityChecklist, roundRules, updateProposalRules } from '$lib/server/proposal-rules';
import { fenToYuanInput } from '$lib/domain/money';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { rulesSchema as schema } from '$lib/schemas/rounds';
import type { Actions, PageServerLoad } from './$types';

async function roundOf(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user, round } = await requireRoundAccess(event, event.params.id);
	return { user, round };
}

export const load: PageServerLoad = async (event) => {
	const { round } = await roundOf(event);
	const rules = roundRules(round);
	return {
		round: { id: round.id, title: round.title, phase: phaseOf(round) },
		editable: inPhase(round, RULES_PHASES),
		values: {
			matchingMinPct: String(rules.matchingMinPct),
			personnelMaxPct: String(rules.personnelMaxPct),
			adminMaxPct: String(rules.adminMaxPct),
			volunteerRate: fenToYuanInput(rules.volunteerHourFen),
			banned: [...rules.bannedCategories],
			checklist: eligibilityChecklist(round).join('\n')
		},
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, round } = await roundOf(event);
		const data = await event.request.formData();
		const v = formValues(data);
		const values = {
			matchingMinPct: v.matchingMinPct ?? '',
			personnelMaxPct: v.personnelMaxPct ?? '',
			adminMaxPct: v.adminMaxPct ?? '',
			volunteerRate: v.volunteerRate ?? '',
			banned: data.getAll('banned').map(String),
			checklist: v.checklist ?? ''
		};
		const parsed = schema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const p = parsed.data;
		const result = await updateProposalRules(getDb(), {
			round,
			actorId: user.id,
			input: {
				matchingMinPct: p.matchingMinPct,
				personnelMaxPct: p.personnelMaxPct,
				adminMaxPct: p.adminMaxPct,
				bannedCategories: p.banned,
				volunteerHourFen: p.volunteerRate,
				checklist: p.checklist
			}
		});
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/rules?saved`);
	}
};
