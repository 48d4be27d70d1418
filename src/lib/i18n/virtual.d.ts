// The modules scripts/vite-plugin-messages.ts builds from the catalogue.
declare module 'virtual:messages/preload' {
	/** Per locale, the URL of the browser's chunk of its words (empty in development). */
	const urls: Partial<Record<import('./index').Locale, string>>;
	export default urls;
}
declare module 'virtual:messages/*' {
	/** One language's words, by message key. */
	const words: Record<string, string>;
	export default words;
}
