/**
 * Geometry for horizontal bar charts drawn as SVG on the server, so that a chart shows without
 * JavaScript (the page puts a table with the same figures beside it).
 */

export interface Bar {
	label: string;
	value: number;
	/** Where the bar starts and how wide it is, in the chart's user units. */
	y: number;
	width: number;
}

export interface BarChart {
	width: number;
	height: number;
	labelWidth: number;
	barHeight: number;
	bars: Bar[];
}

export function barChart(
	items: readonly { label: string; value: number }[],
	options: { width?: number; labelWidth?: number; barHeight?: number; gap?: number } = {}
): BarChart {
	const width = options.width ?? 320;
	const labelWidth = options.labelWidth ?? 96;
	const barHeight = options.barHeight ?? 18;
	const gap = options.gap ?? 8;
	// Room on the right for the value printed after the bar.
	const span = Math.max(1, width - labelWidth - 64);
	const max = Math.max(0, ...items.map((i) => (Number.isFinite(i.value) ? i.value : 0)));
	const bars = items.map((item, i) => {
		const value = Number.isFinite(item.value) && item.value > 0 ? item.value : 0;
		return {
			label: item.label,
			value,
			y: i * (barHeight + gap),
			// A non-zero value always shows at least a sliver.
			width: max === 0 || value === 0 ? 0 : Math.max(2, Math.round((value / max) * span))
		};
	});
	return { width, height: Math.max(barHeight, items.length * (barHeight + gap) - gap), labelWidth, barHeight, bars };
}
