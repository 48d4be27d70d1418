/**
 * Character pairs: the board's text search index (a need's words as every two adjacent
 * characters, per field), which finds two-character Chinese words like 老人 that a trigram or
 * word index misses. Pairs are taken after lower-casing, so the index finds at least everything a
 * case-insensitive LIKE / ILIKE finds; the search still checks the text itself.
 */
export function bigrams(text: string): string[] {
	const chars = Array.from(text.toLowerCase());
	const pairs = new Set<string>();
	for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i] + chars[i + 1]);
	return [...pairs];
}

/** The pairs of several fields, each field on its own (no pair spans two fields). */
export function fieldBigrams(fields: readonly string[]): string[] {
	return [...new Set(fields.flatMap(bigrams))];
}
