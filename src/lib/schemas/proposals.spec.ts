import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addRow, budgetLinesOf, proposalFieldErrors, proposalFormValues, proposalSchema, removeRow, liveBudgetLines, ROWS_MAX } from './proposals';
import { lineTotalFen } from '../domain/budget';

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
}

const line = (category: string, item: string, unit: string, quantity: string, price: string): [string, string][] => [
	['line.category', category],
	['line.item', item],
	['line.unit', unit],
	['line.quantity', quantity],
	['line.price', price]
];

describe('the proposal form', () => {
	it('reads repeated row fields in order and parses money to fen', () => {
		const values = proposalFormValues(
			form([['title', '项目'], ...line('materials', '物资', '批', '3', '33.33'), ...line('publicity', '海报', '张', '1', '0.10'), ...line('publicity', '折页', '份', '1', '0.20')])
		);
		expect(values.lines.map((l) => l.price)).toEqual(['33.33', '0.10', '0.20']);
		const parsed = proposalSchema.parse(values);
		expect(parsed.lines.map((l) => l.quantity * l.price)).toEqual([9_999, 10, 20]);
	});

	it('names the bad cell by its row as posted, skipping blank spare rows, and keeps every typed value', () => {
		const data = form([
			['title', '项目'],
			...line('activities', '', '', '', ''),
			...line('materials', '物资', '批', '3', '33.33'),
			...line('publicity', '海报', '张', '2', '12.3.4'),
			...line('transport', '<script>alert(1)</script>', '次', '0', '5')
		]);
		const values = proposalFormValues(data);
		const parsed = proposalSchema.safeParse(values);
		expect(parsed.success).toBe(false);
		const errors = proposalFieldErrors(parsed.error!, values);
		expect(errors).toEqual({ 'line.2.price': { key: 'err.money' }, 'line.3.quantity': { key: 'proposal.err.quantity' } });
		expect(values.lines[1]).toEqual({ category: 'materials', item: '物资', unit: '批', quantity: '3', price: '33.33' });
		expect(values.lines[3].item).toBe('<script>alert(1)</script>');
	});

	it('refuses an unknown category and a month range that ends before it starts', () => {
		const values = proposalFormValues(
			form([
				['title', '项目'],
				...line('bribes', '物资', '批', '1', '1'),
				['activity.name', '活动'],
				['activity.start', '2026-05'],
				['activity.end', '2026-03']
			])
		);
		const errors = proposalFieldErrors(proposalSchema.safeParse(values).error!, values);
		expect(errors).toEqual({ 'line.0.category': { key: 'err.choice' }, 'activity.0.end': { key: 'proposal.err.monthOrder' } });
	});

	it('adds and removes rows without touching the others, and caps the number of rows', () => {
		const values = proposalFormValues(form([['title', '项目'], ...line('materials', 'A', '批', '1', '1'), ...line('publicity', 'B', '张', '1', '2')]));
		expect(addRow(values, 'lines').lines).toHaveLength(3);
		expect(removeRow(values, 'lines:0').lines.map((l) => l.item)).toEqual(['B']);
		expect(removeRow(values, 'lines:x')).toBe(values);
		expect(addRow(values, 'nonsense')).toBe(values);
		const many = proposalFormValues(form(Array.from({ length: ROWS_MAX + 10 }, () => line('materials', 'A', '批', '1', '1')).flat()));
		expect(many.lines).toHaveLength(ROWS_MAX);
		expect(addRow(many, 'lines').lines).toHaveLength(ROWS_MAX);
	});

	it('totals what can be read while the person is still typing', () => {
		const lines = liveBudgetLines([
			{ category: 'materials', item: '', unit: '', quantity: '3', price: '33.33' },
			{ category: 'materials', item: '', unit: '', quantity: 'x', price: '5' },
			{ category: 'other', item: '', unit: '', quantity: '1', price: '¥0.30' }
		]);
		expect(lines.map((l) => l.quantity * l.unitPriceFen)).toEqual([9_999, 0, 30]);
	});

	it('reads the full-width digits of a Chinese IME in every number and amount, live and saved alike', () => {
		const values = proposalFormValues(
			form([
				['title', '项目'],
				['beneficiaries', '１２０'],
				['volunteerHours', '３０'],
				['matchingCash', '１，５００．５０'],
				...line('materials', '物资', '批', '１５０', '１２．５０')
			])
		);
		const parsed = proposalSchema.parse(values);
		expect(parsed.beneficiaries).toBe(120);
		expect(parsed.volunteerHours).toBe(30);
		expect(parsed.matchingCash).toBe(150_050);
		expect(budgetLinesOf(parsed).map(lineTotalFen)).toEqual([187_500]);
		expect(liveBudgetLines(values.lines).map(lineTotalFen)).toEqual([187_500]);
	});

	it('puts an upper bound on every amount, so none loses a fen', () => {
		for (const matchingCash of ['90071992547409.91', '100000001', '１００００００００１']) {
			const values = proposalFormValues(form([['title', '项目'], ['matchingCash', matchingCash]]));
			const errors = proposalFieldErrors(proposalSchema.safeParse(values).error!, values);
			expect(errors.matchingCash?.key, matchingCash).toBe('err.moneyMax');
		}
	});

	it('totals live exactly what the server saves, for any digits typed', () => {
		const digits = (n: number, wide: boolean) => (wide ? String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : String(n));
		const typedLine = fc.record({
			quantity: fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.boolean()).map(([n, w]) => digits(n, w)),
			price: fc
				.tuple(fc.integer({ min: 0, max: 2_000_000_000 }), fc.boolean(), fc.boolean())
				.map(([fen, w, comma]) => {
					const yuan = `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
					const text = comma ? yuan.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',') : yuan;
					return w ? text.normalize('NFKC').replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : text;
				})
		});
		fc.assert(
			fc.property(fc.array(typedLine, { minLength: 1, maxLength: 5 }), (typed) => {
				const values = proposalFormValues(form([['title', '项目'], ...typed.flatMap((t) => line('materials', '物资', '批', t.quantity, t.price))]));
				const parsed = proposalSchema.safeParse(values);
				if (!parsed.success) return;
				const saved = budgetLinesOf(parsed.data).map(lineTotalFen);
				expect(liveBudgetLines(values.lines).map(lineTotalFen)).toEqual(saved);
			}),
			{ numRuns: 200, seed: 6 }
		);
	});
});
