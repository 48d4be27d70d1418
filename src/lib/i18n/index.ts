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

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_COOKIE = 'lang';

const catalogue = { ...common, ...auth, ...admin, ...rounds, ...needs, ...proposals, ...review, ...organisations, ...results, ...files, ...calendar };

export type MessageKey = keyof typeof catalogue;
export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
	return typeof value === 'string' && Object.hasOwn(catalogue, value);
}

/**
 * Parameters that carry a stored key rather than text: `{ phase: 'review' }` shows as 专家评审.
 * So a server can say which phase or status stopped an action without knowing the reader's language.
 */
const KEYED_PARAMS: Record<string, string> = { phase: 'phase.', status: 'proposal.status.' };

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
	const entry = catalogue[key];
	let text: string = locale === 'en' ? entry.en : entry.zh;
	if (params) {
		text = plurals(locale, text, params).replace(/\{(\w+)\}/g, (m, name) =>
			name in params ? paramText(locale, name, params[name]) : m
		);
	}
	return text;
}

export interface I18n {
	readonly locale: Locale;
	t: (key: MessageKey, params?: Params) => string;
	money: (fen: number) => string;
	/** A UTC instant on the wall clock of `timeZone` (the round's), e.g. "2026-03-01 09:00". */
	date: (iso: string, timeZone?: string) => string;
}

export function createI18n(getLocale: () => Locale): I18n {
	return {
		get locale() {
			return getLocale();
		},
		t: (key, params) => translate(getLocale(), key, params),
		money: formatFen,
		date: (iso, timeZone = 'Asia/Shanghai') => formatInZone(iso, timeZone)
	};
}
