import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { getRoundById, phaseOf } from '$lib/server/rounds';
import { roundsRunBy, runsRound } from '$lib/server/fund-admins';
import {
	declineNeed,
	declineNeeds,
	editAndPublishNeed,
	listNeedsForModeration,
	mergeNeed,
	moderationCounts,
	MODERATION_PAGE_SIZE,
	publishNeeds,
	rollOverNeeds
} from '$lib/server/needs-moderation';
import { listCategories } from '$lib/server/categories';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formError, formValues, type FieldErrors } from '$lib/schemas/form';
import {
	NEED_LIMITS,
	NEED_STATUSES,
	declineSchema,
	mergeSchema,
	publishEditSchema,
	rolloverSchema
} from '$lib/schemas/needs';
import type { NeedStatus } from '$lib/server/schema';
import { recordContactView } from '$lib/server/privacy';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type StatusFilter = NeedStatus | 'all';

function statusOf(value: string | null | undefined): StatusFilter {
	return value === 'all' || (NEED_STATUSES as readonly string[]).includes(value ?? '')
		? (value as StatusFilter)
		: 'new';
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
	const { user, round } = await requireRoundAccess(event, event.params.id);
	const db = getDb();
	const status = statusOf(event.url.searchParams.get('status'));
	const page = Math.max(1, Math.min(10_000, Number.parseInt(event.url.searchParams.get('page') ?? '', 10) || 1));
	const count = (name: string) => {
		const n = Number(event.url.searchParams.get(name));
		return Number.isSafeInteger(n) && n > 0 ? n : 0;
	};
	const [needs, counts, categories, rounds] = await Promise.all([
		listNeedsForModeration(db, round.id, status, page),
		moderationCounts(db, round.id),
		listCategories(db, { withRetired: true }),
		// Needs move on only to a round the same admin runs (a fund admin: its own fund's).
		roundsRunBy(db, user)
	]);
	// Who was shown which resident's contact is in the audit log (PIPL).
	const withContact = needs.filter((n) => n.contact_name || n.contact_phone).map((n) => n.id);
	await recordContactView(db, { actorId: user.id, entity: 'need', ids: withContact, where: 'moderation' });
	return {
		round: { id: round.id, title: round.title, timeZone: round.time_zone, phase: phaseOf(round) },
		status,
		page,
		hasMore: needs.length === MODERATION_PAGE_SIZE,
		needs,
		counts,
		categories,
		otherRounds: rounds.filter((r) => r.id !== round.id).map((r) => ({ id: r.id, title: r.title })),
		done: {
			published: count('published'),
			declined: count('declined'),
			merged: count('merged'),
			edited: count('edited'),
			rolled: event.url.searchParams.has('rolled') ? count('rolled') : null
		}
	};
};

/** The decline and merge forms' answer: which need's form, what was typed, what was wrong. */
function needFail(status: number, needId: number | null, values: Record<string, string>, errors: FieldErrors) {
	return fail(status, { needId, values, errors });
}

export const actions: Actions = {
	publish: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const data = await event.request.formData();
		const status = statusOf(String(data.get('status') ?? ''));
		const published = await publishNeeds(getDb(), idsOf(data, 'id'), user.id, round.id);
		if (!published.ok) return fail(httpStatus(published), { errors: published.errors });
		back(round.id, status, `published=${published.value.length}`);
	},
	publishChecked: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const data = await event.request.formData();
		const status = statusOf(String(data.get('status') ?? ''));
		const ids = idsOf(data, 'ids');
		if (ids.length === 0) return fail(400, { errors: formError('needs.err.nothingChecked') });
		const published = await publishNeeds(getDb(), ids, user.id, round.id);
		if (!published.ok) return fail(httpStatus(published), { errors: published.errors });
		back(round.id, status, `published=${published.value.length}`);
	},
	declineChecked: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const data = await event.request.formData();
		const status = statusOf(String(data.get('status') ?? ''));
		const ids = idsOf(data, 'ids');
		const reason = String(data.get('reason') ?? '');
		const values = { reason: reason.slice(0, NEED_LIMITS.declineReason + 100) };
		if (ids.length === 0) return fail(400, { bulk: true, values, errors: formError('needs.err.nothingChecked') });
		const parsed = declineSchema.shape.reason.safeParse(reason);
		if (!parsed.success) {
			return fail(400, { bulk: true, values, errors: { reason: fieldErrors(parsed.error)._form } });
		}
		const declined = await declineNeeds(getDb(), ids, parsed.data, user.id, round.id);
		if (!declined.ok) return fail(httpStatus(declined), { bulk: true, values, errors: declined.errors });
		back(round.id, status, `declined=${declined.value.length}`);
	},
	decline: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const status = statusOf(values.status);
		const parsed = declineSchema.safeParse(values);
		const needId = Number(values.id) || null;
		const typed = { reason: (values.reason ?? '').slice(0, NEED_LIMITS.declineReason + 100) };
		if (!parsed.success) return needFail(400, needId, typed, fieldErrors(parsed.error));
		const declined = await declineNeed(getDb(), parsed.data.id, parsed.data.reason, user.id, round.id);
		if (!declined.ok) return needFail(httpStatus(declined), needId, typed, declined.errors);
		back(round.id, status, 'declined=1');
	},
	edit: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const status = statusOf(values.status);
		const needId = Number(values.id) || null;
		const typed = {
			title: (values.title ?? '').slice(0, 5000),
			description: (values.description ?? '').slice(0, 5000),
			affected_group: (values.affected_group ?? '').slice(0, 5000)
		};
		const parsed = publishEditSchema.safeParse(values);
		if (!parsed.success) return needFail(400, needId, typed, fieldErrors(parsed.error));
		const { id, ...text } = parsed.data;
		const edited = await editAndPublishNeed(getDb(), id, text, user.id, round.id);
		if (!edited.ok) return needFail(httpStatus(edited), needId, typed, edited.errors);
		back(round.id, status, 'edited=1');
	},
	merge: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const values = formValues(await event.request.formData());
		const status = statusOf(values.status);
		const needId = Number(values.id) || null;
		const typed = { target: (values.target ?? '').slice(0, 20) };
		const parsed = mergeSchema.safeParse(values);
		if (!parsed.success) return needFail(400, needId, typed, fieldErrors(parsed.error));
		const merged = await mergeNeed(getDb(), parsed.data.id, parsed.data.target, user.id, round.id);
		if (!merged.ok) return needFail(httpStatus(merged), needId, typed, merged.errors);
		back(round.id, status, 'merged=1');
	},
	rollover: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const db = getDb();
		const values = formValues(await event.request.formData());
		const typed = { target_round: values.target_round ?? '' };
		const parsed = rolloverSchema.safeParse(values);
		if (!parsed.success) return fail(400, { rollover: true, values: typed, errors: fieldErrors(parsed.error) });
		const target = await getRoundById(db, parsed.data.target_round);
		if (!target || !runsRound(user, target)) {
			return fail(400, { rollover: true, values: typed, errors: { target_round: { key: 'err.choice' as const } } });
		}
		const result = await rollOverNeeds(db, round, target, user.id);
		if (!result.ok) return fail(httpStatus(result), { rollover: true, values: typed, errors: result.errors });
		redirect(303, `/admin/rounds/${round.id}/needs?status=all&rolled=${result.value.moved}`);
	}
};
