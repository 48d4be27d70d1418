import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { getRoundById, phaseOf } from '$lib/server/rounds';
import { declineNeed, listNeedsForModeration, publishNeeds } from '$lib/server/needs';
import { fieldErrors, formError, formValues } from '$lib/schemas/form';
import { NEED_STATUSES, declineSchema } from '$lib/schemas/needs';
import type { NeedStatus } from '$lib/server/schema';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type StatusFilter = NeedStatus | 'all';

function statusOf(value: string | null | undefined): StatusFilter {
	return value === 'all' || (NEED_STATUSES as readonly string[]).includes(value ?? '')
		? (value as StatusFilter)
		: 'new';
}

async function loadRound(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const id = /^\d{1,12}$/.test(event.params.id) ? Number(event.params.id) : NaN;
	const round = Number.isSafeInteger(id) ? await getRoundById(getDb(), id) : undefined;
	if (!round) error(404, 'not found');
	return round;
}

/** Back to the list the admin was working on, with what was done. */
function back(roundId: number, status: StatusFilter, done: string): never {
	redirect(303, `/admin/rounds/${roundId}/needs?status=${status}&${done}`);
}

/** Ids from the form: repeated `ids` checkboxes, or one `id`. */
function idsOf(data: FormData, name: string): number[] {
	return data
		.getAll(name)
		.map((v) => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : NaN))
		.filter((n) => Number.isSafeInteger(n) && n > 0);
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const round = await loadRound(event);
	const status = statusOf(event.url.searchParams.get('status'));
	const count = (name: string) => {
		const n = Number(event.url.searchParams.get(name));
		return Number.isSafeInteger(n) && n > 0 ? n : 0;
	};
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone, phase: phaseOf(round) },
		status,
		needs: await listNeedsForModeration(getDb(), round.id, status),
		done: { published: count('published'), declined: count('declined') }
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const user = requireRole(event, 'admin');
		const round = await loadRound(event);
		const data = await event.request.formData();
		const status = statusOf(String(data.get('status') ?? ''));
		const ids = idsOf(data, 'id');
		const published = await publishNeeds(getDb(), ids, user.id, round.id);
		if (published.length === 0) return fail(409, { errors: formError('needs.err.notPending') });
		back(round.id, status, `published=${published.length}`);
	},
	publishChecked: async (event) => {
		const user = requireRole(event, 'admin');
		const round = await loadRound(event);
		const data = await event.request.formData();
		const status = statusOf(String(data.get('status') ?? ''));
		const ids = idsOf(data, 'ids');
		if (ids.length === 0) return fail(400, { errors: formError('needs.err.nothingChecked') });
		const published = await publishNeeds(getDb(), ids, user.id, round.id);
		if (published.length === 0) return fail(409, { errors: formError('needs.err.notPending') });
		back(round.id, status, `published=${published.length}`);
	},
	decline: async (event) => {
		const user = requireRole(event, 'admin');
		const round = await loadRound(event);
		const values = formValues(await event.request.formData());
		const status = statusOf(values.status);
		const parsed = declineSchema.safeParse(values);
		const declineId = Number(values.id) || null;
		if (!parsed.success) {
			return fail(400, {
				declineId,
				values: { reason: values.reason ?? '' },
				errors: fieldErrors(parsed.error)
			});
		}
		const ok = await declineNeed(getDb(), parsed.data.id, parsed.data.reason, user.id, round.id);
		if (!ok) {
			return fail(409, { declineId, values: { reason: values.reason ?? '' }, errors: formError('needs.err.notPending') });
		}
		back(round.id, status, 'declined=1');
	}
};
