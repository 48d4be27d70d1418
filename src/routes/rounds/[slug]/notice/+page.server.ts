import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { randomString } from '$lib/server/random';
import { getNotice, noticeOpen } from '$lib/server/decisions';
import { fileObjection, listPublicObjections, objectionLimiter, OBJECTION_REASON_MAX, OBJECTION_REASON_MIN } from '$lib/server/objections';
import { fieldErrors, formError, formValues, text } from '$lib/schemas/form';
import { noticePeriod, type WorkCalendar } from '$lib/domain/working-days';
import { workCalendar } from '$lib/server/work-calendar';
import type { Actions, PageServerLoad } from './$types';

/** The notice's working days, when the calendar knows them (the stored end date is shown anyway). */
function noticeDaysShown(publishedAt: string, workingDays: number, timeZone: string, calendar: WorkCalendar): string[] {
	const period = noticePeriod(publishedAt, workingDays, timeZone, calendar);
	return period.ok ? period.days : [];
}

const FIELDS = ['proposalId', 'reason', 'name', 'contact'] as const;

const objectionSchema = z.object({
	proposalId: z.string().trim().regex(/^\d{1,12}$/, 'err.choice').transform(Number),
	reason: z
		.string()
		.trim()
		.min(1, 'err.required')
		.min(OBJECTION_REASON_MIN, 'results.err.reasonShort')
		.max(OBJECTION_REASON_MAX),
	name: text(50),
	contact: text(100),
	submission_key: z.string().trim().max(64).optional()
});

async function roundOr404(slug: string) {
	const round = await publicRoundBySlug(getDb(), slug);
	if (!round) error(404, 'not found');
	return round;
}

export const load: PageServerLoad = async ({ params }) => {
	const db = getDb();
	const round = await roundOr404(params.slug);
	const notice = await getNotice(db, round);
	const now = new Date();
	return {
		round: { slug: round.slug, title: round.title, timeZone: round.time_zone },
		notice: notice && {
			stage: notice.stage,
			publishedAt: notice.publishedAt,
			endsAt: notice.endsAt,
			confirmedAt: notice.confirmedAt,
			workingDays: notice.workingDays,
			days: notice.publishedAt ? noticeDaysShown(notice.publishedAt, notice.workingDays, round.time_zone, await workCalendar(db)) : [],
			totals: notice.totals,
			funded: notice.rows.filter((r) => r.funded),
			others: notice.rows.filter((r) => !r.funded)
		},
		objections: notice ? await listPublicObjections(db, round.id) : { openCount: 0, answered: [] },
		open: noticeOpen(round, now),
		submissionKey: randomString(24)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		const round = await roundOr404(event.params.slug);
		const raw = formValues(await event.request.formData());
		// Echo back what was typed (cut to the limits), never more.
		const values = Object.fromEntries(FIELDS.map((f) => [f, (raw[f] ?? '').slice(0, OBJECTION_REASON_MAX + 100)]));
		if (!noticeOpen(round)) return fail(409, { values, errors: formError('notice.objection.closed') });
		if (!objectionLimiter.consume(event.getClientAddress())) {
			return fail(429, { values, errors: formError('err.rateLimited') });
		}
		const parsed = objectionSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await fileObjection(db, {
			roundId: round.id,
			proposalId: parsed.data.proposalId,
			name: parsed.data.name,
			contact: parsed.data.contact,
			reason: parsed.data.reason,
			submissionKey: parsed.data.submission_key || null
		});
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(303, `/rounds/${round.slug}/notice?filed=1#objection`);
	}
};
