/**
 * Characters that make a browser (or a header) read a path differently from how it looks: C0 and
 * C1 controls (TAB, LF, VT, FF, CR, NUL…), every Unicode space (U+3000 ideographic space, NBSP,
 * line separators), zero-width and bidi formatting characters, and the backslash that browsers
 * treat as a slash. `\s` covers the spaces; the rest are listed.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\s\\\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

const MAX_LENGTH = 2000;

function decodedPathIsUnsafe(pathname: string): boolean {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return true;
	}
	return UNSAFE.test(decoded) || decoded.startsWith('//');
}

/**
 * A same-site path to go back to after signing in or switching language, or `fallback`. Only a
 * path of this very origin passes: the raw value must start with one slash and hold no control,
 * space, formatting character or backslash anywhere (a TAB in "/\t/evil.example" is dropped by
 * browsers, leaving "//evil.example"); it is then parsed against `origin`, which must not change,
 * and given back percent-encoded so that any text is a valid Location header.
 */
export function safeRedirect(target: unknown, fallback: string, origin: string): string {
	if (typeof target !== 'string' || target.length > MAX_LENGTH) return fallback;
	if (!target.startsWith('/') || target.startsWith('//') || UNSAFE.test(target)) return fallback;
	let url: URL;
	try {
		url = new URL(target, origin);
	} catch {
		return fallback;
	}
	if (url.origin !== new URL(origin).origin || decodedPathIsUnsafe(url.pathname)) return fallback;
	return url.pathname + url.search + url.hash;
}
