import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicRoundBySlug } from '$lib/server/rounds';
import { noticeOpen } from '$lib/server/decisions';
import { getNotice } from '$lib/server/results';
import { fileObjection, listPublicObjections } from '$lib/server/objections';
import { LIMITS, consume } from '$lib/server/rate-limit';
import { addressKey } from '$lib/domain/throttle';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { fieldErrors, formError, formValues } from '$lib/schemas/form';
import { OBJECTION_REASON_MAX, objectionSchema } from '$lib/schemas/decisions';
import { noticePeriod, type WorkCalendar } from '$lib/domain/working-days';
import { workCalendar } from '$lib/server/work-calendar';
import { qrSvg } from '$lib/server/qr';
import { rankedPage } from '$lib/domain/ranked-pages';
import { retentionMonths } from '$lib/server/privacy';
import type { Actions, PageServerLoad } from './$types';

/** The notice's working days, when the calendar knows them (the stored end date is shown anyway). */
function noticeDaysShown(publishedAt: string, workingDays: number, timeZone: string, calendar: WorkCalendar): string[] {
	const period = noticePeriod(publishedAt, workingDays, timeZone, calendar);
	return period.ok ? period.days : [];
}

const FIELDS = ['proposalId', 'reason', 'name', 'contact', 'consent'] as const;

async function roundOr404(slug: string) {
	const round = await publicRoundBySlug(getDb(), slug);
	if (!round) error(404, 'not found');
	return round;
}

export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDb();
	const round = await roundOr404(params.slug);
	const notice = await getNotice(db, round);
	const now = new Date();
	const pageUrl = `${url.origin}/rounds/${round.slug}/notice`;
	const { funded, others, ...list } = rankedPage(notice?.rows ?? [], url.searchParams.get('page'), url.searchParams.has('all'));
	return {
		round: { slug: round.slug, title: round.title, timeZone: round.time_zone },
		printed: { url: pageUrl, qrSvg: await qrSvg(pageUrl), renderedAt: now.toISOString() },
		notice: notice && {
			stage: notice.stage,
			publishedAt: notice.publishedAt,
			endsAt: notice.endsAt,
			confirmedAt: notice.confirmedAt,
			workingDays: notice.workingDays,
			days: notice.publishedAt ? noticeDaysShown(notice.publishedAt, notice.workingDays, round.time_zone, await workCalendar(db)) : [],
			totals: notice.totals,
			fundedCount: notice.rows.filter((r) => r.funded).length,
			funded,
			others,
			list
		},
		objections: notice ? await listPublicObjections(db, round.id) : { openCount: 0, answered: [] },
		open: noticeOpen(round, now),
		retentionMonths: await retentionMonths(db),
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	default: once(async (event) => {
		const db = getDb();
		const round = await roundOr404(event.params.slug);
		const raw = formValues(await event.request.formData());
		// Echo back what was typed (cut to the limits), never more.
		const values = Object.fromEntries(FIELDS.map((f) => [f, (raw[f] ?? '').slice(0, OBJECTION_REASON_MAX + 100)]));
		if (!noticeOpen(round)) return fail(409, { values, errors: formError('notice.objection.closed') });
		if (!(await consume(db, 'objection', addressKey(event.getClientAddress()), LIMITS.objection))) {
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
	})
};
