import { describe, expect, it } from 'vitest';
import { fenToYuanInput, formatFen, sumFen, yuanToFen } from './money';

describe('money in fen', () => {
	it('parses what people type as yuan exactly', () => {
		expect(yuanToFen('50000')).toBe(5_000_000);
		expect(yuanToFen('12,345.6')).toBe(1_234_560);
		expect(yuanToFen('¥0.10')).toBe(10);
		expect(yuanToFen(' 33.33 ')).toBe(3333);
	});

	it('refuses what is not an amount', () => {
		for (const bad of ['', 'abc', '1.234', '-5', '1e5', '12,34', '0x10', '1 000', '１ ０００', '五十']) {
			expect(yuanToFen(bad), bad).toBeNull();
		}
		expect(yuanToFen('9'.repeat(30))).toBeNull();
	});

	it('reads the full-width digits and punctuation a Chinese IME types', () => {
		expect(yuanToFen('１５０')).toBe(15_000);
		expect(yuanToFen('１２．５０')).toBe(1_250);
		expect(yuanToFen('１２，３４５．６')).toBe(1_234_560);
		expect(yuanToFen('￥５０')).toBe(5_000);
		expect(yuanToFen('\u3000８８\u3000')).toBe(8_800);
		expect(yuanToFen('50元')).toBe(5_000);
	});

	it('adds without floating-point drift', () => {
		expect(sumFen([yuanToFen('0.10')!, yuanToFen('0.20')!])).toBe(30);
		expect(formatFen(sumFen([3333, 3333, 3333]))).toBe('¥99.99');
	});

	it('formats for people and for form fields', () => {
		expect(formatFen(1_234_500)).toBe('¥12,345.00');
		expect(formatFen(5)).toBe('¥0.05');
		expect(formatFen(-150)).toBe('-¥1.50');
		expect(fenToYuanInput(5_000_000)).toBe('50000.00');
		expect(yuanToFen(fenToYuanInput(123_456_789))).toBe(123_456_789);
	});
});
