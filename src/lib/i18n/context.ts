import { getContext, setContext } from 'svelte';
import { createI18n, type I18n, type Locale } from './index';

const KEY = Symbol('i18n');

/** Called once, by the root layout, with a getter so the locale follows the page data. */
export function provideI18n(getLocale: () => Locale): I18n {
	return setContext(KEY, createI18n(getLocale));
}

/** The translator for the page being rendered (server or browser). */
export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}
