import { z } from 'zod';
import { DISTRICTS, SERVICE_CATEGORIES } from '../domain/catalogue';
import { yuanToFen, formatFen } from '../domain/money';
import { parseWhole } from '../domain/numbers';
import {
	BUDGET_CATEGORIES,
	MATCHING_CASH_MAX_FEN,
	QUANTITY_MAX,
	UNIT_PRICE_MAX_FEN,
	type BudgetLine,
	type BudgetProblem
} from '../domain/budget';
import { formValues, money, optionalWholeNumber, paramsOf, text, type FieldError, type FieldErrors } from './form';
import { isBlank, textOrEmpty } from './text';
import type { ProposalVersionContent } from '../domain/proposal-diff';
import { isMessageKey } from '../i18n';

export const PROPOSAL_TITLE_MAX = 60;
export const PROPOSAL_SUMMARY_MAX = 3000;
export const SHORT_TEXT_MAX = 200;
export const TEAM_MAX = 2000;
/** More rows than any micro-grant budget needs; stops a crafted form from growing without end. */
export const ROWS_MAX = 60;
export const BENEFICIARIES_MAX = 10_000_000;
export const VOLUNTEER_HOURS_MAX = 1_000_000;

export interface BudgetLineValues {
	category: string;
	item: string;
	unit: string;
	quantity: string;
	price: string;
}
export interface ActivityValues {
	name: string;
	start: string;
	end: string;
}
export interface IndicatorValues {
	name: string;
	target: string;
	unit: string;
}

/** What the proposal form posts. Rows repeat their field names (`line.item` once per line). */
export interface ProposalFormValues {
	title: string;
	summary: string;
	targetGroup: string;
	beneficiaries: string;
	team: string;
	matchingCash: string;
	volunteerHours: string;
	needs: string[];
	lines: BudgetLineValues[];
	activities: ActivityValues[];
	indicators: IndicatorValues[];
	version: string;
}

export const ROW_KINDS = ['lines', 'activities', 'indicators'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export const emptyLine = (): BudgetLineValues => ({ category: 'activities', item: '', unit: '', quantity: '', price: '' });
export const emptyActivity = (): ActivityValues => ({ name: '', start: '', end: '' });
export const emptyIndicator = (): IndicatorValues => ({ name: '', target: '', unit: '' });

export function emptyProposalValues(): ProposalFormValues {
	return {
		title: '',
		summary: '',
		targetGroup: '',
		beneficiaries: '',
		team: '',
		matchingCash: '',
		volunteerHours: '',
		needs: [],
		lines: [emptyLine()],
		activities: [emptyActivity()],
		indicators: [emptyIndicator()],
		version: ''
	};
}

function column(data: FormData, name: string): string[] {
	return data
		.getAll(name)
		.slice(0, ROWS_MAX)
		.map((v) => (typeof v === 'string' ? v : ''));
}

function rows<K extends string>(data: FormData, prefix: string, keys: readonly K[]): Record<K, string>[] {
	const columns = keys.map((k) => column(data, `${prefix}.${k}`));
	const length = Math.max(0, ...columns.map((c) => c.length));
	return Array.from({ length }, (_, i) => Object.fromEntries(keys.map((k, j) => [k, columns[j][i] ?? ''])) as Record<K, string>);
}

/** The proposal form's fields from a request, keeping every typed value for a rejected form. */
export function proposalFormValues(data: FormData): ProposalFormValues {
	const v = formValues(data);
	return {
		title: v.title ?? '',
		summary: v.summary ?? '',
		targetGroup: v.targetGroup ?? '',
		beneficiaries: v.beneficiaries ?? '',
		team: v.team ?? '',
		matchingCash: v.matchingCash ?? '',
		volunteerHours: v.volunteerHours ?? '',
		needs: data.getAll('needs').filter((n): n is string => typeof n === 'string').slice(0, 200),
		lines: rows(data, 'line', ['category', 'item', 'unit', 'quantity', 'price'] as const),
		activities: rows(data, 'activity', ['name', 'start', 'end'] as const),
		indicators: rows(data, 'indicator', ['name', 'target', 'unit'] as const),
		version: v.version ?? ''
	};
}

const blank = (row: object) => Object.entries(row).every(([k, v]) => k === 'category' || isBlank(String(v)));

const needId = z.string().regex(/^\d{1,12}$/, 'proposal.err.needsInvalid').transform(Number);

const month = z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'proposal.err.month');

const lineSchema = z.object({
	category: z.enum(BUDGET_CATEGORIES),
	item: text(SHORT_TEXT_MAX),
	unit: text(20),
	quantity: z.string().transform((v, ctx) => {
		const n = parseWhole(v);
		if (n !== null && n >= 1 && n <= QUANTITY_MAX) return n;
		ctx.addIssue({ code: 'custom', message: 'proposal.err.quantity' });
		return z.NEVER;
	}),
	price: money({ max: UNIT_PRICE_MAX_FEN })
});

const activitySchema = z
	.object({ name: text(SHORT_TEXT_MAX), start: month, end: month })
	.refine((a) => a.start <= a.end, { message: 'proposal.err.monthOrder', path: ['end'] });

const indicatorSchema = z.object({ name: text(SHORT_TEXT_MAX), target: text(40), unit: text(20) });

/** Completely blank rows are the form's spare rows, not mistakes: they are dropped. */
const rowsOf = <T extends z.ZodType<unknown, Record<string, string>>>(schema: T) =>
	z
		.array(z.record(z.string(), z.string()))
		.max(ROWS_MAX)
		.transform((list) => list.filter((row) => !blank(row)))
		.pipe(z.array(schema));

/**
 * The shape of every field; enough to save a draft. What a submission needs on top (a summary,
 * needs, a budget within the round's rules) the server module checks against the round.
 */
export const proposalSchema = z.object({
	title: text(PROPOSAL_TITLE_MAX),
	summary: textOrEmpty(PROPOSAL_SUMMARY_MAX, { multiline: true }),
	targetGroup: textOrEmpty(SHORT_TEXT_MAX),
	beneficiaries: optionalWholeNumber(0, BENEFICIARIES_MAX),
	team: textOrEmpty(TEAM_MAX, { multiline: true }),
	matchingCash: money({ max: MATCHING_CASH_MAX_FEN, blankIsZero: true }),
	volunteerHours: optionalWholeNumber(0, VOLUNTEER_HOURS_MAX),
	needs: z
		.array(needId)
		.max(50)
		.transform((ids) => [...new Set(ids)]),
	lines: rowsOf(lineSchema),
	activities: rowsOf(activitySchema),
	indicators: rowsOf(indicatorSchema)
});
export type ProposalParsed = z.output<typeof proposalSchema>;

const ROW_FIELD: Record<string, string> = { lines: 'line', activities: 'activity', indicators: 'indicator' };

/**
 * One error per field. A row's field is named `line.3.price` (row index as posted), so the form
 * can mark the very cell; other fields by their name.
 */
export function proposalFieldErrors(error: z.ZodError, values: ProposalFormValues): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const [head, i, field] = issue.path;
		let name = String(head ?? '_form');
		if (head in ROW_FIELD && typeof i === 'number' && field !== undefined) {
			// Paths index the non-blank rows; map back to the row as posted.
			const posted = values[head as RowKind]
				.map((row, index) => ({ row, index }))
				.filter(({ row }) => !blank(row))[i]?.index;
			name = `${ROW_FIELD[head as string]}.${posted ?? i}.${String(field)}`;
		}
		out[name] ??= isMessageKey(issue.message)
			? { key: issue.message, ...paramsOf(issue) }
			: issue.code === 'too_big'
				? { key: 'err.tooLong', params: { max: Number(issue.maximum) } }
				: issue.code === 'too_small'
					? { key: 'err.required' }
					: issue.code === 'invalid_value'
						? { key: 'err.choice' }
						: { key: 'err.invalid' };
	}
	return out;
}

/** Parsed budget lines as the domain's type. */
export function budgetLinesOf(parsed: ProposalParsed): BudgetLine[] {
	return parsed.lines.map((row) => ({
		category: row.category,
		item: row.item,
		unit: row.unit,
		quantity: row.quantity,
		unitPriceFen: row.price
	}));
}

/**
 * The budget lines the browser can total as the person types: unparseable numbers count as 0 so
 * the other lines still add up.
 */
export function liveBudgetLines(values: readonly BudgetLineValues[]): BudgetLine[] {
	return values.map((v) => {
		const quantity = Math.min(parseWhole(v.quantity) ?? 0, QUANTITY_MAX);
		const price = yuanToFen(v.price) ?? 0;
		return {
			category: (BUDGET_CATEGORIES as readonly string[]).includes(v.category) ? (v.category as BudgetLine['category']) : 'other',
			item: v.item,
			unit: v.unit,
			quantity,
			unitPriceFen: Math.min(price, UNIT_PRICE_MAX_FEN)
		};
	});
}

/** A budget rule broken, as a catalogue message. */
export function budgetProblemError(p: BudgetProblem): FieldError {
	switch (p.code) {
		case 'empty':
			return { key: 'proposal.err.budgetEmpty' };
		case 'grantRange':
			return { key: 'proposal.err.amountRange', params: { min: formatFen(p.min), max: formatFen(p.max), grant: formatFen(p.grant) } };
		case 'personnelCap':
			return { key: 'proposal.err.personnelCap', params: { pct: p.pct, cap: formatFen(p.capFen), actual: formatFen(p.actualFen) } };
		case 'adminCap':
			return { key: 'proposal.err.adminCap', params: { pct: p.pct, cap: formatFen(p.capFen), actual: formatFen(p.actualFen) } };
		case 'matching':
			return { key: 'proposal.err.matching', params: { pct: p.pct, needed: formatFen(p.neededFen), actual: formatFen(p.actualFen) } };
		case 'banned':
			return { key: 'proposal.err.banned', params: { line: p.line } };
	}
}

/** The hidden `version` of the edit form (optimistic concurrency). */
export const versionSchema = z.string().regex(/^\d{1,9}$/, 'err.invalid').transform(Number);

/** The "add a row" / "remove row n" buttons that work without JavaScript. */
export function addRow(values: ProposalFormValues, kind: string): ProposalFormValues {
	if (kind === 'lines' && values.lines.length < ROWS_MAX) return { ...values, lines: [...values.lines, emptyLine()] };
	if (kind === 'activities' && values.activities.length < ROWS_MAX) return { ...values, activities: [...values.activities, emptyActivity()] };
	if (kind === 'indicators' && values.indicators.length < ROWS_MAX) return { ...values, indicators: [...values.indicators, emptyIndicator()] };
	return values;
}

export function removeRow(values: ProposalFormValues, which: string): ProposalFormValues {
	const match = /^(lines|activities|indicators):(\d{1,3})$/.exec(which);
	if (!match) return values;
	const kind = match[1] as RowKind;
	const index = Number(match[2]);
	return { ...values, [kind]: values[kind].filter((_, i) => i !== index) };
}

/** Statuses the admins' list of every proposal can be filtered by (drafts are the stations' own). */
export const LISTED_STATUSES = ['submitted', 'returned', 'eligible', 'ineligible', 'funded', 'not_funded', 'withdrawn'] as const;

/** The admins' proposal list's filter in the URL: unknown values are ignored rather than refused (the URL is hand-editable). */
export const proposalFilterSchema = z.object({
	round: z.coerce.number().int().positive().optional().catch(undefined),
	status: z.enum(LISTED_STATUSES).optional().catch(undefined),
	district: z.enum(DISTRICTS).optional().catch(undefined),
	category: z.enum(SERVICE_CATEGORIES).optional().catch(undefined)
});

export type { ProposalActivity, ProposalIndicator } from '../domain/proposal-diff';

/**
 * Everything the organisation writes in a proposal, as the checked form gives it and the pages
 * show it; the grant requested is its budget's total. One shape with a stored version's content.
 */
export type ProposalInput = ProposalVersionContent;
