import { describe, expect, it } from 'vitest';
import { proposalDiff } from './proposal-diff';
import { proposalInput } from '../../../tests/helpers/proposals';

describe('proposalDiff', () => {
	it('finds nothing between a version and itself', () => {
		const v = proposalInput([1, 2]);
		expect(proposalDiff(v, structuredClone(v))).toEqual([]);
	});

	it('names each change: fields, the total, needs, lines by category and item, activities, indicators', () => {
		const v1 = proposalInput([1, 2]);
		const [first, second, ...rest] = v1.lines;
		const v2 = proposalInput([2, 3], {
			summary: '为独居长者提供送餐、探访与电话问候。',
			lines: [{ ...first, quantity: first.quantity + 1 }, ...rest, { category: 'publicity', item: '宣传折页', unit: '份', quantity: 500, unitPriceFen: 100 }],
			activities: [{ name: '长者互助小组', startMonth: '2026-04', endMonth: '2026-09' }, { name: '电话问候', startMonth: '2026-04', endMonth: '2026-12' }],
			indicators: []
		});
		const changes = proposalDiff(v1, v2);
		expect(changes).toContainEqual({ kind: 'field', field: 'summary', before: v1.summary, after: v2.summary });
		const oldTotal = v1.lines.reduce((s, l) => s + l.quantity * l.unitPriceFen, 0);
		const newTotal = oldTotal + first.unitPriceFen - second.quantity * second.unitPriceFen + 50_000;
		expect(changes).toContainEqual({ kind: 'field', field: 'requestedFen', before: oldTotal, after: newTotal });
		expect(changes).toContainEqual({ kind: 'need', change: 'added', needId: 3 });
		expect(changes).toContainEqual({ kind: 'need', change: 'removed', needId: 1 });
		expect(changes).toContainEqual({ kind: 'line', change: 'changed', before: first, after: { ...first, quantity: first.quantity + 1 } });
		expect(changes).toContainEqual({ kind: 'line', change: 'removed', before: second, after: null });
		expect(changes.filter((c) => c.kind === 'line' && c.change === 'added')).toHaveLength(1);
		expect(changes).toContainEqual({ kind: 'activity', change: 'changed', name: '长者互助小组', before: '2026-03 – 2026-08', after: '2026-04 – 2026-09' });
		expect(changes).toContainEqual({ kind: 'activity', change: 'added', name: '电话问候', before: null, after: '2026-04 – 2026-12' });
		expect(changes).toContainEqual({ kind: 'indicator', change: 'removed', name: '服务长者', before: '120 人', after: null });
		// Lines whose category and item stayed are not listed.
		expect(changes.filter((c) => c.kind === 'line')).toHaveLength(3);
		expect(changes).toHaveLength(10);
	});
});
