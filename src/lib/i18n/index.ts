import { formatFen } from '../domain/money';
import { formatInZone } from '../domain/time';
import { common } from './messages/common';
import { auth } from './messages/auth';
import { admin } from './messages/admin';
import { rounds } from './messages/rounds';
import { needs } from './messages/needs';
import { proposals } from './messages/proposals';
import { review } from './messages/review';
import { organisations } from './messages/organisations';
import { results } from './messages/results';
import { files } from './messages/files';
import { calendar } from './messages/calendar';
import { fair } from './messages/fair';
import { grants } from './messages/grants';
import { feedback } from './messages/feedback';
import { status } from './messages/status';
import { inbox } from './messages/inbox';
import { roundTemplate } from './messages/round-template';
import { sharing } from './messages/sharing';
import { auditWords } from './messages/audit';
import { proposalHistory } from './messages/proposal-history';
import { funds } from './messages/funds';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_COOKIE = 'lang';

const catalogue = { ...common, ...auth, ...admin, ...rounds, ...needs, ...proposals, ...review, ...organisations, ...results, ...files, ...calendar, ...feedback, ...status, ...inbox, ...roundTemplate, ...sharing, ...auditWords, ...proposalHistory, ...fair, ...grants, ...funds };

export type MessageKey = keyof typeof catalogue;
export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Every key of the catalogue: for tests that read all of the UI's words. */
export function messageKeys(): MessageKey[] {
	return Object.keys(catalogue) as MessageKey[];
}

export function isMessageKey(value: unknown): value is MessageKey {
	return typeof value === 'string' && Object.hasOwn(catalogue, value);
}

/**
 * Parameters that carry a stored key rather than text: `{ phase: 'review' }` shows as 专家评审.
 * So a server can say which phase or status stopped an action without knowing the reader's language.
 */
const KEYED_PARAMS: Record<string, string> = { phase: 'phase.', status: 'proposal.status.', objectionStatus: 'objection.status.' };

function paramText(locale: Locale, name: string, value: string | number): string {
	const prefix = KEYED_PARAMS[name];
	const key = prefix ? `${prefix}${value}` : '';
	return isMessageKey(key) ? translate(locale, key) : String(value);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * `{count, plural, one {# need} other {# needs}}` (ICU's plural form, one level deep): the
 * variant for the number's plural category in the locale, `#` standing for the number, falling
 * back to `other`.
 */
function plurals(locale: Locale, text: string, params: Params): string {
	return text.replace(/\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g, (m, name: string, options: string) => {
		const value = Number(params[name]);
		if (!(name in params) || !Number.isFinite(value)) return m;
		const variants = new Map([...options.matchAll(/(\w+)\s*\{([^{}]*)\}/g)].map((o) => [o[1], o[2]]));
		let rules = pluralRules.get(locale);
		if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
		const variant = variants.get(rules.select(value)) ?? variants.get('other') ?? '';
		return variant.replaceAll('#', String(params[name]));
	});
}

/**
 * The message in the locale, with `{name}` placeholders filled from `params` and plural forms
 * (`{count, plural, one {…} other {…}}`) chosen by `Intl.PluralRules`.
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	return messageParts(locale, key, params)
		.map((p) => p.text)
		.join('');
}

/** A piece of a message: the app's own words, or a parameter's value (`param`: maybe a person's text). */
export interface MessagePart {
	text: string;
	param: boolean;
}

/**
 * The message in pieces, so a page can isolate each filled-in value (`<bdi>`): a title typed in
 * Arabic or Hebrew then cannot reorder the app's own words and punctuation around it.
 */
export function messageParts(locale: Locale, key: MessageKey, params?: Params): MessagePart[] {
	const entry = catalogue[key];
	const written: string = locale === 'en' ? entry.en : entry.zh;
	const template = params ? plurals(locale, written, params) : written;
	const parts: MessagePart[] = [];
	let at = 0;
	for (const m of template.matchAll(/\{(\w+)\}/g)) {
		if (!params || !(m[1] in params)) continue;
		if (m.index > at) parts.push({ text: template.slice(at, m.index), param: false });
		const keyed = m[1] in KEYED_PARAMS;
		parts.push({ text: paramText(locale, m[1], params[m[1]]), param: !keyed && typeof params[m[1]] === 'string' });
		at = m.index + m[0].length;
	}
	if (at < template.length) parts.push({ text: template.slice(at), param: false });
	return parts;
}

export interface I18n {
	readonly locale: Locale;
	t: (key: MessageKey, params?: Params) => string;
	money: (fen: number) => string;
	/** A UTC instant on the wall clock of `timeZone` (the round's), e.g. "2026-03-01 09:00". */
	date: (iso: string, timeZone?: string) => string;
	/** A deadline, with its time and zone: "2026-12-15 09:00 北京时间". */
	when: (iso: string, timeZone?: string) => string;
}

/** Zones people know by name; any other is shown by its IANA id (e.g. Europe/Berlin). */
const ZONE_NAMES: Record<string, Record<Locale, string>> = {
	'Asia/Shanghai': { 'zh-CN': '北京时间', en: 'Beijing time' }
};

export function zoneName(locale: Locale, timeZone: string): string {
	return ZONE_NAMES[timeZone]?.[locale] ?? timeZone;
}

export function createI18n(getLocale: () => Locale): I18n {
	return {
		get locale() {
			return getLocale();
		},
		t: (key, params) => translate(getLocale(), key, params),
		money: formatFen,
		date: (iso, timeZone = 'Asia/Shanghai') => formatInZone(iso, timeZone),
		when: (iso, timeZone = 'Asia/Shanghai') => `${formatInZone(iso, timeZone)} ${zoneName(getLocale(), timeZone)}`
	};
}
