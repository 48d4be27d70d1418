import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import {
	getRoundBySlug,
	phaseOf,
	scheduleOf,
	updateRound
} from '$lib/server/rounds';
import { getRubric } from '$lib/server/rubric';
import { roundFormValues } from '$lib/server/round-form';
import { phaseOverrideSchema, roundSchema } from '$lib/schemas/rounds';
import { fieldError, fieldErrors, formValues } from '$lib/schemas/form';
import { PHASES, scheduledPhase } from '$lib/domain/phases';
import { movePhase, uncheckedProposals } from '$lib/server/round-guards';
import { cleanText } from '$lib/schemas/text';
import { poolRefusal } from '$lib/server/funds';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	const now = new Date();
	return {
		round: {
			id: round.id,
			slug: round.slug,
			title: round.title,
			poolFen: round.pool_fen,
			timeZone: round.time_zone,
			phase: phaseOf(round, now),
			scheduledPhase: scheduledPhase(round, now),
			overridden: round.phase_override !== null,
			resultsPublishedAt: round.results_published_at
		},
		schedule: scheduleOf(round),
		// Only while leaving the check is still ahead: the guard's choice is asked for then.
		unchecked:
			PHASES.indexOf(phaseOf(round, now)) <= PHASES.indexOf('eligibility')
				? (await uncheckedProposals(getDb(), round.id)).map((p) => ({ id: p.id, title: p.title }))
				: [],
		rubric: await getRubric(getDb(), round.id),
		values: roundFormValues(round)
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const parsed = roundSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const db = getDb();
		const other = await getRoundBySlug(db, parsed.data.slug);
		if (other && other.id !== round.id) {
			return fail(400, { values, errors: fieldError('slug', 'round.err.slugTaken') });
		}
		const pool = await poolRefusal(db, round, parsed.data.pool_fen);
		if (!pool.ok) return fail(400, { values, errors: pool.errors });
		await updateRound(db, round.id, parsed.data, user.id);
		redirect(303, `/admin/rounds/${round.id}?saved=1`);
	},
	phase: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const parsed = phaseOverrideSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { phaseValues: values, phaseErrors: fieldErrors(parsed.error) });
		}
		const { phase, reason } = parsed.data;
		const moved = await movePhase(getDb(), {
			round,
			phase: phase === 'schedule' ? null : phase,
			actorId: user.id,
			reason,
			carryUnchecked: values.carryUnchecked === '1',
			carryReason: cleanText(values.carryReason ?? '', { multiline: true }).slice(0, 500) || null
		});
		if (!moved.ok) return fail(400, { phaseValues: values, phaseErrors: moved.errors });
		redirect(303, `/admin/rounds/${round.id}?phase=1`);
	}
};
