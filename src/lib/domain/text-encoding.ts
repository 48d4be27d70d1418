/**
 * The text of an uploaded file whatever Excel saved it as. Excel on Chinese Windows saves
 * "CSV (逗号分隔)" in the system code page (GBK); "CSV UTF-8" and most other tools write UTF-8.
 * GB18030 is a superset of GBK, so one fallback reads both.
 */
export type TextEncoding = 'utf-8' | 'gb18030';

/**
 * UTF-8 when the bytes are valid UTF-8 (a leading byte-order mark is dropped), else GB18030.
 * Valid UTF-8 is strict enough that GBK Chinese text practically never passes as UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
	}
}
