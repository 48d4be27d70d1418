import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asciiNumber, parseDecimal, parseWhole } from './numbers';

describe('numbers as people type them', () => {
	it('turns full-width digits, points, commas and spaces into ASCII (NFKC)', () => {
		expect(asciiNumber('\u3000１２３．４５，６\u3000')).toBe('123.45,6');
	});

	it('reads whole numbers, full-width or not', () => {
		expect(parseWhole('150')).toBe(150);
		expect(parseWhole('１５０')).toBe(150);
		expect(parseWhole(' ３０ ')).toBe(30);
		for (const bad of ['', '1.5', '-1', '1e3', 'abc', '１.５', '9'.repeat(20), '0x1', '三十']) expect(parseWhole(bad), bad).toBeNull();
	});

	it('reads decimals with at most the places allowed', () => {
		expect(parseDecimal('７５．５', 2)).toBe(75.5);
		expect(parseDecimal('80', 2)).toBe(80);
		expect(parseDecimal('80.123', 2)).toBeNull();
		expect(parseDecimal('.5', 2)).toBeNull();
	});

	it('reads a full-width number exactly as its ASCII twin', () => {
		const fullWidth = (s: string) => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
		fc.assert(
			fc.property(fc.nat({ max: 10_000_000 }), (n) => {
				expect(parseWhole(fullWidth(String(n)))).toBe(n);
			})
		);
	});
});
