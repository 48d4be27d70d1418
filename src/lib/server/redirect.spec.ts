import { describe, expect, it } from 'vitest';
import { validateHeaderValue } from 'node:http';
import { safeRedirect } from './redirect';

const ORIGIN = 'https://grants.example.org';
const HOME = '/admin';

/**
 * Targets that browsers (or a lenient URL parser) can read as another origin, a scheme, or that
 * Node cannot put in a Location header. Each one must fall back to the home page.
 */
const BYPASSES = [
	'//evil.example',
	'///evil.example',
	'/\\evil.example',
	'\\/\\/evil.example',
	'\\\\evil.example',
	'/\t/evil.example',
	'/\n/evil.example',
	'/\r/evil.example',
	'/\r\n/evil.example',
	'/\v/evil.example',
	'/\f/evil.example',
	'/\0/evil.example',
	'/\u3000/evil.example',
	'/\u00a0/evil.example',
	'/\u2028/evil.example',
	'/\u200b/evil.example',
	'/\u202e/evil.example',
	'/\ufeff/evil.example',
	' /admin',
	'/admin ',
	'/%09/evil.example',
	'/%0a/evil.example',
	'/%0D/evil.example',
	'/%E3%80%80/evil.example',
	'/%5Cevil.example',
	'/%2F/evil.example',
	'%2F%2Fevil.example',
	'https:evil.example',
	'https://evil.example',
	'http:/evil.example',
	'javascript:alert(1)',
	'data:text/html,<script>alert(1)</script>',
	'evil.example',
	'.evil.example',
	'',
	'?next=x',
	'#x'
];

describe('safeRedirect', () => {
	it.each(BYPASSES)('refuses %j and goes to the fallback', (target) => {
		expect(safeRedirect(target, HOME, ORIGIN)).toBe(HOME);
	});

	it('refuses a target longer than any page of the site needs', () => {
		expect(safeRedirect(`/admin?q=${'a'.repeat(3000)}`, HOME, ORIGIN)).toBe(HOME);
	});

	it('refuses values that are not text', () => {
		for (const target of [null, undefined, 42, ['/admin'], { toString: () => '/admin' }]) {
			expect(safeRedirect(target, HOME, ORIGIN)).toBe(HOME);
		}
	});

	it('keeps a same-site path with its query and fragment, percent-encoded for the header', () => {
		expect(safeRedirect('/admin/rounds/3/needs?q=长者', HOME, ORIGIN)).toBe('/admin/rounds/3/needs?q=%E9%95%BF%E8%80%85');
		expect(safeRedirect('/admin/rounds/3/needs?q=%E9%95%BF%E8%80%85&page=2', HOME, ORIGIN)).toBe(
			'/admin/rounds/3/needs?q=%E9%95%BF%E8%80%85&page=2'
		);
		expect(safeRedirect('/station/proposals/7#attachments', HOME, ORIGIN)).toBe('/station/proposals/7#attachments');
		expect(safeRedirect('/rounds/2026/needs?q=a%20b', HOME, ORIGIN)).toBe('/rounds/2026/needs?q=a%20b');
		expect(safeRedirect('/', HOME, ORIGIN)).toBe('/');
	});

	it('always answers something Node can send as a Location header', () => {
		const samples = [...BYPASSES, '/admin?q=长者', '/a?x=\u000b', '/a#\u3000', '/a?b=%0B'];
		for (const target of samples) {
			const location = safeRedirect(target, HOME, ORIGIN);
			expect(() => validateHeaderValue('location', location), JSON.stringify(target)).not.toThrow();
			expect(location.startsWith('/') && !location.startsWith('//')).toBe(true);
		}
	});
});
