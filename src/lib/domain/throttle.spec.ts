import { describe, expect, it } from 'vitest';
import { addressKey, growingDelayMs } from './throttle';

describe('addressKey', () => {
	it('keys an IPv4 address by itself, also when written as IPv4-mapped IPv6', () => {
		expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
	});

	it('keys an IPv6 address by its /64, however it is written', () => {
		const key = '2001:db8:1:2::/64';
		for (const ip of ['2001:db8:1:2::1', '2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:DB8:1:2:ffff::', '2001:db8:1:2::1%eth0', '[2001:db8:1:2::9]']) {
			expect(addressKey(ip), ip).toBe(key);
		}
		expect(addressKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
		expect(addressKey('fe80::1')).toBe('fe80:0:0:0::/64');
	});

	it('keeps anything else whole rather than guessing', () => {
		expect(addressKey('not an address')).toBe('not an address');
	});

	it('gives a client that hung up before it was read (no address) one shared key instead of failing', () => {
		expect(addressKey(undefined)).toBe('unknown');
		expect(addressKey('')).toBe('unknown');
	});
});

describe('growingDelayMs', () => {
	it('lets the first failures through, then doubles the wait up to a ceiling', () => {
		const delays = Array.from({ length: 30 }, (_, i) => growingDelayMs(i + 1, 5));
		expect(delays.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
		expect(delays.slice(5, 9)).toEqual([2_000, 4_000, 8_000, 16_000]);
		expect(Math.max(...delays)).toBe(15 * 60_000);
		for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
	});
});
