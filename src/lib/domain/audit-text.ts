/**
 * An audit entry's detail (stored as JSON) as text people read: each field under its name, money
 * as yuan, instants on the clock, stored keys (a phase, a status, a ranking basis) as their
 * words. The caller gives the words; this module only decides how each value reads.
 */

export interface AuditWords {
	/** The field's name in the reader's language, or null when the catalogue has none. */
	field(name: string): string | null;
	/** A stored key's words for this field (phase "review" → 专家评审), or null. */
	value(field: string, key: string): string | null;
	money(fen: number): string;
	date(iso: string): string;
	yes: string;
	no: string;
	/** "and N more" after the first items of a long list. */
	more(count: number): string;
}

export interface AuditFact {
	field: string;
	text: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
/** A list longer than this shows its first items and how many more. */
const LIST_SHOWN = 12;

function valueText(field: string, value: unknown, words: AuditWords): string {
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'boolean') return value ? words.yes : words.no;
	if (typeof value === 'number') return /Fen$/.test(field) ? words.money(value) : String(value);
	if (typeof value === 'string') {
		if (ISO_INSTANT.test(value)) return words.date(value);
		return words.value(field, value) ?? value;
	}
	if (Array.isArray(value)) {
		const items = value.slice(0, LIST_SHOWN).map((v) => valueText(field, v, words));
		const rest = value.length - items.length;
		return items.join('、') + (rest > 0 ? ` ${words.more(rest)}` : '') || '—';
	}
	if (typeof value === 'object') {
		const facts = objectFacts(value as Record<string, unknown>, words, /Fen$/.test(field));
		return facts.map((f) => `${f.field} ${f.text}`).join('，') || '—';
	}
	return String(value);
}

/** `moneyValues`: a map of amounts (district caps in fen) keyed by names, not by field names. */
function objectFacts(object: Record<string, unknown>, words: AuditWords, moneyValues = false): AuditFact[] {
	return Object.entries(object).map(([key, value]) => ({
		field: moneyValues ? key : (words.field(key) ?? key),
		text: moneyValues && typeof value === 'number' ? words.money(value) : valueText(key, value, words)
	}));
}

/** The detail's facts in order; text that is not a JSON object is shown as one fact. */
export function auditFacts(detail: string | null, words: AuditWords): AuditFact[] {
	if (!detail) return [];
	let parsed: unknown;
	try {
		parsed = JSON.parse(detail);
	} catch {
		return [{ field: '', text: detail }];
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return [{ field: '', text: valueText('', parsed, words) }];
	}
	return objectFacts(parsed as Record<string, unknown>, words);
}
