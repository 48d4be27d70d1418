import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { phaseOf, publicRoundBySlug } from '$lib/server/rounds';
import { randomString } from '$lib/server/random';
import { newSubmissionKey, once } from '$lib/server/submissions';
import { formatReceiptCode, reportNeed, type Intake } from '$lib/server/needs';
import { isStaffChannel } from '$lib/schemas/needs';
import { httpStatus } from '$lib/server/outcome';
import { listDistricts, streetsOfDistrict } from '$lib/server/places';
import { listCategories } from '$lib/server/categories';
import { LIMITS, consume, overLimit } from '$lib/server/rate-limit';
import { addressKey } from '$lib/domain/throttle';
import { fieldErrors, formError, formValues } from '$lib/schemas/form';
import { NEED_FIELDS, needSchema, submissionKeyOf } from '$lib/schemas/needs';
import type { Phase } from '$lib/domain/phases';
import { retentionMonths } from '$lib/server/privacy';
import type { Actions, PageServerLoad } from './$types';

async function roundOr404(slug: string) {
	const round = await publicRoundBySlug(getDb(), slug);
	if (!round) error(404, 'not found');
	return round;
}

/**
 * The streets (with their communities) of the district a form chose: the page lists only
 * those, so a failed or refreshed form brings them back with what was typed.
 */
async function streetsChosen(values: { district_id: string }) {
	return { district: values.district_id, streets: await streetsOfDistrict(getDb(), Number(values.district_id)) };
}

/** "The call is closed, the round is in its … phase". */
function callClosed(phase: Phase, values: Record<string, string>) {
	return fail(409, { values, errors: formError('err.phaseClosed', { phase }) });
}

/** What was typed, field by field, cut to a sane length so a 100 KB paste is not echoed back whole. */
function typedValues(raw: Record<string, string>) {
	return Object.fromEntries(NEED_FIELDS.map((f) => [f, (raw[f] ?? '').slice(0, 5000)])) as Record<
		(typeof NEED_FIELDS)[number],
		string
	>;
}

/**
 * Staff (a station's front desk, an admin) entering a need for a resident without a phone: the
 * channel it came by, and who entered it; anyone else reports online.
 */
function intakeOf(user: App.Locals['user'], channel: string | undefined): Intake | null {
	if (!user || (user.role !== 'station' && user.role !== 'admin')) return null;
	return isStaffChannel(channel) ? { channel, enteredBy: user.id } : null;
}

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = getDb();
	const round = await roundOr404(params.slug);
	const phase = phaseOf(round);
	const open = phase === 'needs_call';
	// The district chosen by "update the lists" on a page that was not sent (a link, a reload).
	const chosenDistrict = url.searchParams.get('district_id') ?? '';
	return {
		round: { slug: round.slug, title: round.title },
		phase,
		open,
		// The districts, and the streets of the one chosen: a city's every street and community would
		// make the form a quarter of a megabyte. The enhanced form fetches a district's streets
		// (streets.json) when it is chosen; without JavaScript "update the lists" brings them.
		districts: open ? await listDistricts(db) : [],
		chosen: open ? await streetsChosen({ district_id: chosenDistrict }) : { district: '', streets: [] },
		categories: open ? await listCategories(db) : [],
		retentionMonths: await retentionMonths(db),
		// Staff see the channel the need came by (paper, phone, visit) and enter it for the resident.
		staff: locals.user?.role === 'station' || locals.user?.role === 'admin',
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	default: once(async (event) => {
		// No account: the gate is "the round is public and its needs call is open".
		const db = getDb();
		const round = await roundOr404(event.params.slug);
		const raw = formValues(await event.request.formData());
		const values = typedValues(raw);
		// Without JavaScript, "update the lists" re-shows the form with the chosen district's streets,
		// keeping everything typed and storing nothing.
		if (raw.refresh_places) return { values, refreshed: true, chosen: await streetsChosen(values) };
		// A resent form (double click, reload, flaky network) gets its first receipt back: see once().
		const submissionKey = submissionKeyOf(raw.submission_key);

		const phase = phaseOf(round);
		if (phase !== 'needs_call') return callClosed(phase, values);
		const intake = intakeOf(event.locals.user, raw.channel);
		// Needs stored per address are limited (a front desk entering paper forms is not); a refused
		// form costs nothing and counts for nothing.
		const address = addressKey(event.getClientAddress());
		if (!intake && (await overLimit(db, 'need-report', address, LIMITS.needReport))) {
			return fail(429, { values, errors: formError('err.rateLimited'), chosen: await streetsChosen(values) });
		}
		// A filled honeypot is a robot: it gets what looks like a receipt, and nothing is stored.
		if (raw.website) redirect(303, `/track/${formatReceiptCode(randomString(12))}?new=1`);

		const parsed = needSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error), chosen: await streetsChosen(values) });
		// Refused when a category or place is gone, or the call closed since the check above.
		const reported = await reportNeed(db, round, parsed.data, submissionKey, new Date(), intake ?? undefined);
		if (!reported.ok) return fail(httpStatus(reported), { values, errors: reported.errors, chosen: await streetsChosen(values) });
		if (!intake) await consume(db, 'need-report', address, LIMITS.needReport);
		// Entered for a resident: the receipt page offers to print the code for them.
		redirect(303, `/track/${reported.value.receiptCode}?new=1${intake ? '&print=1' : ''}`);
	})
};
