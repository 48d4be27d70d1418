import { createHash, getRandomValues, timingSafeEqual } from 'node:crypto';

// No 0/o, 1/l: codes people read aloud or type from a phone screen.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random string of `length` characters, 5 bits each (24 characters = 120 bits). */
export function randomString(length = 24): string {
	const bytes = getRandomValues(new Uint8Array(length));
	let out = '';
	for (const b of bytes) out += ALPHABET[b >> 3];
	return out;
}

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
	const x = Buffer.from(a, 'hex');
	const y = Buffer.from(b, 'hex');
	return x.length === y.length && timingSafeEqual(x, y);
}
