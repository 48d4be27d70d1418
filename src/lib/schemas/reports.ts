import { z } from 'zod';
import { fieldErrors, money, optionalText, textOrEmpty, wholeNumber, type FieldErrors } from './form';
import { ROWS_MAX } from './proposals';
import { REASON_MAX } from './grants';
import type { ReportContent } from '../domain/project-reports';

const count = wholeNumber(0, 1_000_000);
const blankIsZero = (schema: typeof count) => z.string().optional().transform((v) => (v ?? '').trim() || '0').pipe(schema);

const activitySchema = z.object({ dates: textOrEmpty(200), sessions: blankIsZero(count), visits: blankIsZero(count) });
const indicatorSchema = z.object({ actual: textOrEmpty(40) });
const lineSchema = z.object({ actual: z.string().optional().transform((v) => v ?? '').pipe(money({ blankIsZero: true })), explanation: textOrEmpty(500, { multiline: true }) });

export const reportSchema = z.object({
	version: wholeNumber(0, 1_000_000),
	activity: z.array(activitySchema).max(ROWS_MAX),
	indicator: z.array(indicatorSchema).max(ROWS_MAX),
	line: z.array(lineSchema).max(ROWS_MAX),
	matchingCash: money({ blankIsZero: true }),
	volunteerHours: blankIsZero(count),
	volunteers: blankIsZero(count),
	narrative: textOrEmpty(5000, { multiline: true })
});

/** The numbered rows of a form (`activity.0.dates`, `activity.1.dates`, …) as a list of objects, up to ROWS_MAX. */
function rowsOf(values: Record<string, string>, prefix: string, fields: readonly string[]): Record<string, string>[] {
	const rows: Record<string, string>[] = [];
	for (let i = 0; i < ROWS_MAX; i++) {
		if (!fields.some((f) => `${prefix}.${i}.${f}` in values)) break;
		rows.push(Object.fromEntries(fields.map((f) => [f, values[`${prefix}.${i}.${f}`] ?? ''])));
	}
	return rows;
}

/** The report form's flat values as the schema's input. */
export function reportFormInput(values: Record<string, string>) {
	return {
		version: values.version ?? '',
		activity: rowsOf(values, 'activity', ['dates', 'sessions', 'visits']),
		indicator: rowsOf(values, 'indicator', ['actual']),
		line: rowsOf(values, 'line', ['actual', 'explanation']),
		matchingCash: values.matchingCash ?? '',
		volunteerHours: values.volunteerHours ?? '',
		volunteers: values.volunteers ?? '',
		narrative: values.narrative ?? ''
	};
}

/** What the station typed, as report content; the plan's names, targets and budgets are filled in from the proposal. */
export function reportContentOf(parsed: z.output<typeof reportSchema>): ReportContent {
	return {
		activities: parsed.activity.map((a) => ({ name: '', plannedStart: '', plannedEnd: '', dates: a.dates, sessions: a.sessions, visits: a.visits })),
		indicators: parsed.indicator.map((i) => ({ name: '', target: '', unit: '', actual: i.actual })),
		lines: parsed.line.map((l) => ({ item: '', budgetFen: 0, actualFen: l.actual, explanation: l.explanation })),
		matchingCashFen: parsed.matchingCash,
		volunteerHours: parsed.volunteerHours,
		volunteers: parsed.volunteers,
		narrative: parsed.narrative
	};
}

export const reviewSchema = z.object({ decision: z.enum(['return', 'accept']), comment: optionalText(REASON_MAX * 4, { multiline: true }) });

/** Field errors named by their full path (`line.2.explanation`), as the report form names its fields. */
export function reportErrors(error: z.ZodError): FieldErrors {
	return fieldErrors(new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [issue.path.join('.')] }))));
}
