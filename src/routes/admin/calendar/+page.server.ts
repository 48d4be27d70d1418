import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listCalendarYears, previewCalendarYear, recordCalendarYear, yearInBeijing } from '$lib/server/work-calendar';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { CALENDAR_FIELDS, calendarYearSchema } from '$lib/schemas/calendar';
import { fieldErrors, formValues, type FieldErrors } from '$lib/schemas/form';
import { dayListText } from '$lib/domain/holiday-arrangement';
import type { Actions, PageServerLoad } from './$types';

type Values = Record<(typeof CALENDAR_FIELDS)[number], string>;

/** The form's fields as typed, cut to a length no field allows (echoed back, never more). */
function valuesOf(raw: Record<string, string>): Values {
	return Object.fromEntries(CALENDAR_FIELDS.map((f) => [f, (raw[f] ?? '').slice(0, 6000)])) as Values;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const years = await listCalendarYears(db);
	const query = event.url.searchParams;
	const thisYear = yearInBeijing();

	// The preview is a GET of the form (it changes nothing): its values come in the query.
	let values = valuesOf(Object.fromEntries(query));
	let errors: FieldErrors = {};
	let preview = null;
	if (query.has('preview')) {
		const parsed = calendarYearSchema.safeParse(values);
		if (parsed.success) {
			const { year, holidays, makeupWorkdays } = parsed.data;
			preview = { year, holidays, makeupWorkdays, ...(await previewCalendarYear(db, { year, holidays, makeupWorkdays })) };
		} else errors = fieldErrors(parsed.error);
	} else {
		// "Replace" opens the form with the year as recorded; a link from a refusal, with its year.
		const recorded = years.find((y) => String(y.year) === values.year);
		values = recorded
			? { ...values, source: recorded.source, holidays: dayListText(recorded.holidays), makeupWorkdays: dayListText(recorded.makeupWorkdays), departs: recorded.departs ? 'on' : '' }
			: valuesOf({ year: /^\d{4}$/.test(values.year) ? values.year : '' });
	}

	return {
		years: years.map((y) => ({
			year: y.year,
			source: y.source,
			departs: y.departs,
			recordedAt: y.recordedAt,
			recordedBy: y.recordedBy,
			holidays: y.holidays,
			makeupWorkdays: y.makeupWorkdays,
			workingDays: y.summary.workingDays
		})),
		missing: [thisYear, thisYear + 1].filter((year) => !years.some((y) => y.year === year)),
		draft: { values, errors, preview },
		saved: /^\d{4}$/.test(query.get('saved') ?? '') ? Number(query.get('saved')) : null,
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	save: once(async (event) => {
		const user = requireRole(event, 'admin');
		const values = valuesOf(formValues(await event.request.formData()));
		const parsed = calendarYearSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const result = await recordCalendarYear(getDb(), { ...parsed.data, actorId: user.id });
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(303, `/admin/calendar?saved=${parsed.data.year}#year-${parsed.data.year}`);
	})
};
