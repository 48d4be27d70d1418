import { z } from 'zod';
import { isMessageKey, type MessageKey, type Params } from '../i18n';
import { yuanToFen } from '../domain/money';

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

/** Required text, trimmed, with a maximum length. */
export const text = (max: number) => z.string().trim().min(1, 'err.required').max(max);

/** Optional text: blank becomes null. */
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((v) => (v ? v : null));

/** An amount typed in yuan, parsed to integer fen. */
export const moneyFen = z
	.string()
	.trim()
	.min(1, 'err.required')
	.transform((v, ctx) => {
		const fen = yuanToFen(v);
		if (fen === null) {
			ctx.addIssue({ code: 'custom', message: 'err.money' });
			return z.NEVER;
		}
		return fen;
	});

/** A whole number typed in a text or number field. */
export const wholeNumber = (min: number, max: number) =>
	z
		.string()
		.trim()
		.regex(/^\d+$/, 'err.integer')
		.transform(Number)
		.pipe(z.number().int().min(min).max(max));

/** An error about the whole form rather than one field. */
export function formError(key: MessageKey, params?: Params): FieldErrors {
	return { _form: { key, params } };
}

/** An error on one field, found after parsing (a taken name, a wrong password…). */
export function fieldError(field: string, key: MessageKey, params?: Params): FieldErrors {
	return { [field]: { key, params } };
}
