import { describe, expect, it } from 'vitest';
import { barChart } from './charts';

describe('barChart', () => {
	it('scales bars to the largest value, keeps small ones visible and zero ones empty', () => {
		const chart = barChart([
			{ label: '长者', value: 100 },
			{ label: '儿童', value: 1 },
			{ label: '禁毒', value: 0 },
			{ label: '坏数据', value: Number.NaN }
		]);
		const span = chart.width - chart.labelWidth - 64;
		expect(chart.bars.map((b) => b.width)).toEqual([span, 2, 0, 0]);
		expect(chart.bars[1].y).toBe(chart.barHeight + 8);
		expect(chart.height).toBe(4 * (chart.barHeight + 8) - 8);
	});

	it('draws an empty chart without dividing by zero', () => {
		expect(barChart([]).bars).toEqual([]);
		expect(barChart([{ label: 'a', value: 0 }]).bars[0].width).toBe(0);
	});
});
