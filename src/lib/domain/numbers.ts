/**
 * Numbers as people type them, read the same way in the browser (live totals) and on the server
 * (what is saved). A Chinese IME types full-width digits and punctuation (１２．５０, ，) and
 * ideographic spaces; NFKC folds them into their ASCII twins before anything is parsed.
 */
export function asciiNumber(raw: string): string {
	return raw.normalize('NFKC').trim();
}

/** A whole number ("150", "１５０"), or null when the text is not one or not a safe integer. */
export function parseWhole(raw: string): number | null {
	const text = asciiNumber(raw);
	if (!/^\d{1,15}$/.test(text)) return null;
	return Number(text);
}

/** A decimal with at most `places` digits after the point ("75.5"), or null. */
export function parseDecimal(raw: string, places: number): number | null {
	const text = asciiNumber(raw);
	if (!new RegExp(`^\\d{1,15}(?:\\.\\d{1,${places}})?$`).test(text)) return null;
	return Number(text);
}
