import { z } from 'zod';

/**
 * The one normaliser of text people type, used by every free-text field of every form (safe in
 * the browser too). What it removes can rewrite the page around the text or hide in it:
 *
 * - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): one U+202E in an
 *   "affected group" turned the app's own "（约 30 人）" into "（人 03 约）";
 * - C0 and C1 control characters (NUL, ESC, VT…), keeping newline and tab in multi-line text;
 *   a single-line field reads a line break or tab as a space;
 * - carriage returns: "\r\n" and "\r" become "\n".
 *
 * The text is composed to NFC, so the same words are stored the same way however they were typed.
 * Zero-width characters stay (U+200D joins emoji such as 👨‍👩‍👧), but do not count as content.
 */
export function cleanText(raw: string, options: { multiline: boolean }): string {
	let text = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n');
	text = text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
	text = options.multiline
		? text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
		: text.replace(/[\t\n]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
	return text.trim();
}

/** Characters that take no room: they never make a required field filled in. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u180e]/g;

/** Whether text holds nothing a reader could see: only white space and zero-width characters. */
export function isBlank(text: string): boolean {
	return text.replace(ZERO_WIDTH, '').trim() === '';
}

/** How many characters a reader sees: zero-width ones do not count. */
export function visibleLength(text: string): number {
	return [...text.replace(ZERO_WIDTH, '')].length;
}

export interface FreeTextMeta {
	multiline: boolean;
	required: boolean;
}

/** Every free-text field's schema, so a test can find them all and throw hostile text at them. */
export const FREE_TEXT = z.registry<FreeTextMeta>();

type TextOptions = {
	multiline?: boolean;
	/** The fewest characters a reader must see, and the message (a catalogue key) when fewer. */
	min?: { length: number; message: string };
};

function cleaned(max: number, meta: FreeTextMeta) {
	const base = z
		.string()
		.transform((v) => cleanText(v, meta))
		.pipe(z.string().max(max));
	return base;
}

/** Required text: cleaned, not blank, at most `max` characters. */
export function text(max: number, options: TextOptions = {}) {
	const meta = { multiline: !!options.multiline, required: true };
	const min = options.min;
	const schema = cleaned(max, meta)
		.refine((v) => !isBlank(v), 'err.required')
		.refine((v) => !min || isBlank(v) || visibleLength(v) >= min.length, min?.message);
	FREE_TEXT.add(schema, meta);
	return schema;
}

/** Optional text: cleaned; blank (or nothing sent) becomes null. */
export function optionalText(max: number, options: TextOptions = {}) {
	const meta = { multiline: !!options.multiline, required: false };
	const schema = cleaned(max, meta)
		.optional()
		.transform((v) => (v && !isBlank(v) ? v : null));
	FREE_TEXT.add(schema, meta);
	return schema;
}

/** Text that may be left empty and is stored as '' then: cleaned, at most `max` characters. */
export function textOrEmpty(max: number, options: TextOptions = {}) {
	const meta = { multiline: !!options.multiline, required: false };
	const schema = cleaned(max, meta).transform((v) => (isBlank(v) ? '' : v));
	FREE_TEXT.add(schema, meta);
	return schema;
}
