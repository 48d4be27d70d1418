import { describe, expect, it } from 'vitest';
import { rankedPage } from './ranked-pages';

const rows = (funded: number, others: number) => [
	...Array.from({ length: others }, (_, i) => ({ id: 100 + i, funded: false })),
	...Array.from({ length: funded }, (_, i) => ({ id: i, funded: true }))
];

describe('the ranked list in pages', () => {
	it('puts the funded projects first, then the others, in pages of the given size', () => {
		const first = rankedPage(rows(3, 4), null, false, 5);
		expect(first.funded.map((r) => r.id)).toEqual([0, 1, 2]);
		expect(first.others.map((r) => r.id)).toEqual([100, 101]);
		expect(first).toMatchObject({ page: 1, pages: 2, from: 1, to: 5, total: 7 });
		const second = rankedPage(rows(3, 4), '2', false, 5);
		expect(second.funded).toEqual([]);
		expect(second.others.map((r) => r.id)).toEqual([102, 103]);
		expect(second).toMatchObject({ page: 2, pages: 2, from: 6, to: 7 });
	});

	it('reads a page number out of range or not a number as the nearest page there is', () => {
		expect(rankedPage(rows(3, 4), '9', false, 5).page).toBe(2);
		expect(rankedPage(rows(3, 4), '0', false, 5).page).toBe(1);
		expect(rankedPage(rows(3, 4), 'x', false, 5).page).toBe(1);
		expect(rankedPage([], '3', false, 5)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0, total: 0 });
	});

	it('shows every row in the print view', () => {
		const all = rankedPage(rows(3, 400), '2', true, 5);
		expect(all.funded).toHaveLength(3);
		expect(all.others).toHaveLength(400);
		expect(all).toMatchObject({ page: 0, from: 1, to: 403, total: 403 });
	});
});
