/**
 * Pure rules of rate limiting: whose attempts count together, and how long a guesser waits.
 */

/** The longest wait between two attempts: a guesser gets at most ~100 tries a day per account. */
export const MAX_DELAY_MS = 15 * 60_000;

/**
 * After `free` failures, each further failure doubles the wait before the next attempt (2 s,
 * 4 s, 8 s…), up to 15 minutes. Nobody is locked out for good: the wait only slows guessing.
 */
export function growingDelayMs(failures: number, free: number): number {
	if (failures <= free) return 0;
	return Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(failures - free, 30));
}

function ipv4FromMapped(groups: string[]): string | null {
	// ::ffff:a.b.c.d or ::ffff:xxxx:yyyy
	if (groups.length !== 8 || groups.slice(0, 5).some((g) => Number.parseInt(g, 16) !== 0) || groups[5] !== 'ffff') return null;
	const hi = Number.parseInt(groups[6], 16);
	const lo = Number.parseInt(groups[7], 16);
	return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** The eight groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(text: string): string[] | null {
	let address = text;
	const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
	if (dotted) {
		const [a, b, c, d] = dotted.slice(1).map(Number);
		if ([a, b, c, d].some((n) => n > 255)) return null;
		address = address.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const halves = address.split('::');
	if (halves.length > 2) return null;
	const head = halves[0] ? halves[0].split(':') : [];
	const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
	const missing = 8 - head.length - tail.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
	const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
	if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
	return groups.map((g) => Number.parseInt(g, 16).toString(16));
}

/**
 * Whose attempts count together: an IPv4 address, or an IPv6 address's /64 network (one home or
 * phone gets a whole /64 and can pick a new address in it for every request).
 */
export function addressKey(ip: string | undefined): string {
	// A client that hung up before its request was read has no address any more (adapter-node
	// then gives undefined): it shares one key rather than failing the request with a 500.
	if (!ip) return 'unknown';
	const text = ip.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
	if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return text;
	const groups = text.includes(':') ? ipv6Groups(text) : null;
	if (!groups) return ip;
	return ipv4FromMapped(groups) ?? `${groups.slice(0, 4).join(':')}::/64`;
}
