/**
 * One language's words per module, so a reader downloads only theirs.
 *
 * The catalogue is written with both languages side by side (src/lib/i18n/messages/*.ts, typed,
 * so neither can be missed); this plugin evaluates it at build time and serves each locale's words
 * as `virtual:messages/<locale>` (a JSON object, key → text) for the browser to load on demand.
 *
 * In the browser's build each locale becomes a chunk of a name known before the build runs
 * (`_app/immutable/chunks/messages-<locale>.<hash>.js`, the hash from its words), which
 * `virtual:messages/preload` hands to the server: the page names its reader's chunk as a
 * `modulepreload`, so it downloads beside SvelteKit's own scripts rather than after them.
 */
import { createHash } from 'node:crypto';
import { runnerImport, type Plugin, type ResolvedConfig } from 'vite';

const LOCALES = ['zh-CN', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const PREFIX = 'virtual:messages/';
const PRELOAD = 'virtual:messages/preload';
const CATALOGUE = '/src/lib/i18n/catalogue.ts';
/** SvelteKit's default `appDir`: its immutable chunks are served from here, cached for a year. */
const IMMUTABLE = '_app/immutable';

interface Catalogue {
	localeMessages: (locale: Locale) => Record<string, string>;
}

function isLocale(value: string): value is Locale {
	return (LOCALES as readonly string[]).includes(value);
}

export function messages(): Plugin {
	let config: ResolvedConfig;
	let words: Promise<Record<Locale, string>> | null = null;

	/** Each locale's words as JSON, from the catalogue as it is on disk now. */
	function evaluate(): Promise<Record<Locale, string>> {
		words ??= runnerImport<Catalogue>(CATALOGUE, { root: config.root, configFile: false, logLevel: 'error' }).then(
			({ module }) => Object.fromEntries(LOCALES.map((l) => [l, JSON.stringify(module.localeMessages(l))])) as Record<Locale, string>
		);
		return words;
	}

	function chunkName(locale: Locale, json: string): string {
		return `${IMMUTABLE}/chunks/messages-${locale}.${createHash('sha256').update(json).digest('hex').slice(0, 8)}.js`;
	}

	return {
		name: 'messages',
		configResolved(resolved) {
			config = resolved;
		},
		resolveId(id) {
			if (id === PRELOAD || (id.startsWith(PREFIX) && isLocale(id.slice(PREFIX.length)))) return `\0${id}`;
		},
		async load(id) {
			if (!id.startsWith(`\0${PREFIX}`)) return;
			const json = await evaluate();
			if (id === `\0${PRELOAD}`) {
				// Only a build has chunks to name; in development the browser loads the module as it asks.
				const urls = config.command === 'build' ? LOCALES.map((l) => [l, `/${chunkName(l, json[l])}`]) : [];
				return `export default ${JSON.stringify(Object.fromEntries(urls))};`;
			}
			const locale = id.slice(`\0${PREFIX}`.length) as Locale;
			// JSON.parse of a string is quicker for a browser than an object literal of a thousand keys.
			return `export default JSON.parse(${JSON.stringify(json[locale])});`;
		},
		async buildStart() {
			if (config.command !== 'build' || this.environment.config.consumer !== 'client') return;
			const output = this.environment.config.build.rollupOptions.output;
			const chunks = String((Array.isArray(output) ? output[0] : output)?.chunkFileNames);
			if (!chunks.startsWith(`${IMMUTABLE}/chunks/`)) this.error(`expected SvelteKit's chunks in ${IMMUTABLE}/chunks, not ${chunks}`);
			const json = await evaluate();
			for (const locale of LOCALES) this.emitFile({ type: 'chunk', id: `${PREFIX}${locale}`, fileName: chunkName(locale, json[locale]) });
		},
		handleHotUpdate({ file, server }) {
			// A message file changed: evaluate the catalogue again and reload the page with the new words.
			if (!file.includes('/src/lib/i18n/') && !file.includes('/src/lib/domain/')) return;
			words = null;
			for (const id of [...LOCALES.map((l) => `${PREFIX}${l}`), PRELOAD]) {
				const module = server.moduleGraph.getModuleById(`\0${id}`);
				if (module) server.moduleGraph.invalidateModule(module);
			}
			server.ws.send({ type: 'full-reload' });
		}
	};
}
