import { z } from 'zod';
import { isMessageKey, type MessageKey, type Params } from '../i18n';
import { MONEY_MAX_FEN, formatFen, yuanToFen } from '../domain/money';
import { parseWhole } from '../domain/numbers';

/** A field's error as a catalogue key, so the page shows it in the reader's language. */
export interface FieldError {
	key: MessageKey;
	params?: Params;
}
export type FieldErrors = Partial<Record<string, FieldError>>;

function issueError(issue: z.core.$ZodIssue): FieldError {
	if (isMessageKey(issue.message)) return { key: issue.message, ...paramsOf(issue) };
	switch (issue.code) {
		case 'too_big':
			return { key: 'err.tooLong', params: { max: Number(issue.maximum) } };
		case 'too_small':
			return Number(issue.minimum) <= 1
				? { key: 'err.required' }
				: { key: 'err.tooShort', params: { min: Number(issue.minimum) } };
		case 'invalid_value':
			return { key: 'err.choice' };
		case 'invalid_type':
			return issue.input === undefined || issue.input === null
				? { key: 'err.required' }
				: { key: 'err.invalid' };
		default:
			return { key: 'err.invalid' };
	}
}

/** The parameters a custom issue carries for its message ({ max: '¥100,000,000.00' }). */
export function paramsOf(issue: z.core.$ZodIssue): { params?: Params } {
	return issue.code === 'custom' && issue.params ? { params: issue.params as Params } : {};
}

/** One error per field (the first), keyed by the field's name. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const field = issue.path.length ? String(issue.path[0]) : '_form';
		out[field] ??= issueError(issue);
	}
	return out;
}

/** A form's text fields as a plain object (files and repeated names are not read here). */
export function formValues(data: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of data) {
		if (typeof value === 'string' && !(name in out)) out[name] = value;
	}
	return out;
}

export { text, optionalText, textOrEmpty } from './text';

/**
 * An amount typed in yuan (full-width digits too), as integer fen, at most `max`. Blank is
 * "required", or 0 with `blankIsZero`.
 */
export const money = ({ max = MONEY_MAX_FEN, blankIsZero = false }: { max?: number; blankIsZero?: boolean } = {}) =>
	z.string().transform((v, ctx) => {
		if (v.trim() === '') {
			if (blankIsZero) return 0;
			ctx.addIssue({ code: 'custom', message: 'err.required' });
			return z.NEVER;
		}
		const fen = yuanToFen(v);
		if (fen === null) {
			ctx.addIssue({ code: 'custom', message: 'err.money' });
			return z.NEVER;
		}
		if (fen > max) {
			ctx.addIssue({ code: 'custom', message: 'err.moneyMax', params: { max: formatFen(max) } });
			return z.NEVER;
		}
		return fen;
	});

/** A required amount in yuan, as fen, up to the largest amount any round handles. */
export const moneyFen = money();

/** The number in `v`, or an issue on `ctx` and null: one rule for every whole-number field. */
function whole(v: string, min: number, max: number, ctx: z.RefinementCtx): number | null {
	const n = parseWhole(v);
	if (n === null) {
		ctx.addIssue({ code: 'custom', message: 'err.integer' });
		return null;
	}
	if (n < min || n > max) {
		ctx.addIssue({ code: 'custom', message: 'err.numberRange', params: { min, max } });
		return null;
	}
	return n;
}

/** A whole number typed in a text field (full-width digits too), from `min` to `max`. */
export const wholeNumber = (min: number, max: number) =>
	z.string().transform((v, ctx) => {
		if (v.trim() !== '') return whole(v, min, max, ctx) ?? z.NEVER;
		ctx.addIssue({ code: 'custom', message: 'err.required' });
		return z.NEVER;
	});

/** The same, where blank (or nothing sent) is null. */
export const optionalWholeNumber = (min: number, max: number) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => (v === undefined || v.trim() === '' ? null : (whole(v, min, max, ctx) ?? z.NEVER)));

/** A per-form token made by the page's load; anything else is ignored (no de-duplication). */
export function submissionKeyOf(value: string | undefined): string | null {
	return value && /^[a-z2-9]{16,64}$/.test(value) ? value : null;
}

/** An error about the whole form rather than one field. */
export function formError(key: MessageKey, params?: Params): FieldErrors {
	return { _form: { key, params } };
}

/** An error on one field, found after parsing (a taken name, a wrong password…). */
export function fieldError(field: string, key: MessageKey, params?: Params): FieldErrors {
	return { [field]: { key, params } };
}
