import { asciiNumber } from './numbers';

/** Money is an integer number of fen (分); 100 fen = ¥1. No floats touch an amount. */

/**
 * The largest amount any money field takes: ¥100,000,000 (一亿元), far above a city's yearly
 * pool, and far below where sums of amounts stop being exact integers.
 */
export const MONEY_MAX_FEN = 100_000_000_00;

const YUAN = /^¥?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*元?$/;

/**
 * Parses what a person types as yuan ("12,345.6", "50000", "￥５０", "１２．５０", "50元") into
 * fen, or null when it is not money. Full-width digits and punctuation read as ASCII (NFKC), so
 * the browser's live total and the server's saved total read the same text the same way.
 */
export function yuanToFen(text: string): number | null {
	const match = YUAN.exec(asciiNumber(text));
	if (!match) return null;
	const whole = Number(match[1].replaceAll(',', ''));
	const cents = Number((match[2] ?? '').padEnd(2, '0'));
	const fen = whole * 100 + cents;
	return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen as plain yuan for a form field: 1234500 → "12345.00". */
export function fenToYuanInput(fen: number): string {
	const sign = fen < 0 ? '-' : '';
	const abs = Math.abs(fen);
	return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen for people to read: 1234500 → "¥12,345.00". */
export function formatFen(fen: number): string {
	const sign = fen < 0 ? '-' : '';
	const abs = Math.abs(fen);
	const whole = Math.trunc(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export function sumFen(amounts: readonly number[]): number {
	return amounts.reduce((total, fen) => total + fen, 0);
}
