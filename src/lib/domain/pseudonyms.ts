/**
 * Per-round reviewer pseudonyms: one label per reviewer of a round, the same on every proposal
 * they scored (so per-reviewer leniency can be checked and a model-ranked round recomputed), and
 * different from round to round. The letters follow the order of SHA-256("salt:reviewer id"),
 * with a salt the round keeps secret, so neither the letters nor their order say who anyone is.
 */
import { sha256Hex } from './sha256';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** 0 → A, 25 → Z, 26 → AA, 27 → AB, … */
export function pseudonymLabel(index: number): string {
	let n = index;
	let label = '';
	do {
		label = LETTERS[n % 26] + label;
		n = Math.floor(n / 26) - 1;
	} while (n >= 0);
	return label;
}

/** Each reviewer's pseudonym in the round whose salt is given. */
export function reviewerPseudonyms(salt: string, reviewerIds: Iterable<number>): Map<number, string> {
	const keyed = [...new Set(reviewerIds)].map((id) => ({ id, key: sha256Hex(`${salt}:${id}`) }));
	keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
	return new Map(keyed.map((k, i) => [k.id, pseudonymLabel(i)]));
}
