import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { decodeText } from '../domain/text-encoding';
import { readTableFile, writeXlsx } from './table-file';

/** The workbook's parts as text, to check what Excel will read rather than what we meant. */
function parts(xlsx: Uint8Array): Record<string, string> {
	return Object.fromEntries(Object.entries(unzipSync(xlsx)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** Each cell of the sheet with its type and the number format its style applies. */
function cells(xlsx: Uint8Array) {
	const p = parts(xlsx);
	const formats = new Map([...p['xl/styles.xml'].matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1], m[2]]));
	const xfs = [...p['xl/styles.xml'].replace(/^.*<cellXfs[^>]*>|<\/cellXfs>.*$/gs, '').matchAll(/<xf([^>]*)>/g)].map((m) => ({
		format: formats.get(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? '') ?? null,
		bold: /fontId="(\d+)"/.exec(m[1])?.[1] ?? '0'
	}));
	const fonts = [...p['xl/styles.xml'].matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1].includes('<b/>'));
	return [...p['xl/worksheets/sheet1.xml'].matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/g)].map((m) => {
		const xf = xfs[Number(/ s="(\d+)"/.exec(m[2])?.[1] ?? 0)];
		return {
			ref: m[1],
			text: / t="s"/.test(m[2]),
			formula: m[3].includes('<f>'),
			format: xf.format,
			bold: fonts[Number(xf.bold)]
		};
	});
}

describe('.xlsx exports', () => {
	const header = ['编号', '标题', '说明'];
	const formulaLike = ['=HYPERLINK("http://evil.example","点我")', '+86 20 1234', '-1', '@SUM(A1)'];

	it('write text, formula-like text included, as Text-format strings and never as formulas', async () => {
		const xlsx = await writeXlsx({ sheet: 'needs', header, rows: formulaLike.map((text, i) => [i + 1, text, '长者助餐']) });
		const all = cells(xlsx);
		expect(all).toHaveLength(3 + 4 * 3);
		expect(all.filter((c) => c.formula)).toEqual([]);
		// Every text cell has the Text format "@", so editing it in Excel cannot turn it into a formula.
		const texts = all.filter((c) => c.text);
		expect(texts).toHaveLength(3 + 4 * 2);
		expect(texts.every((c) => c.format === '@')).toBe(true);
		// Numbers stay numbers (General format), to sum and sort.
		expect(all.filter((c) => /^A[2-5]$/.test(c.ref)).map((c) => [c.text, c.format])).toEqual(Array(4).fill([false, null]));
		// Read back, the strings are exactly what was written.
		const read = await readTableFile(xlsx);
		expect(read).toEqual({
			ok: true,
			value: { format: 'xlsx', rows: [header, ...formulaLike.map((text, i) => [String(i + 1), text, '长者助餐'])] }
		});
	});

	it('have a bold header row frozen above the data, and the column widths asked for', async () => {
		const xlsx = await writeXlsx({ sheet: 'needs', header, rows: [[1, '标题', '']], widths: { 1: 40 } });
		const header1 = cells(xlsx).filter((c) => /^[A-C]1$/.test(c.ref));
		expect(header1.map((c) => c.bold)).toEqual([true, true, true]);
		expect(cells(xlsx).find((c) => c.ref === 'B2')?.bold).toBe(false);
		const sheet = parts(xlsx)['xl/worksheets/sheet1.xml'];
		expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
		expect([...sheet.matchAll(/<col [^>]*width="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([14, 40, 14]);
	});
});

describe('decoding an imported text file', () => {
	it('reads UTF-8 (with or without a byte-order mark) as UTF-8 and anything else as GB18030', () => {
		const text = '区,街道/镇\r\n海珠区,南华西街\r\n';
		expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
		expect(decodeText(new TextEncoder().encode(`\uFEFF${text}`))).toEqual({ text, encoding: 'utf-8' });
		// "海珠区" in GBK, as Excel on Chinese Windows saves it.
		const gbk = new Uint8Array([0xba, 0xa3, 0xd6, 0xe9, 0xc7, 0xf8]);
		expect(decodeText(gbk)).toEqual({ text: '海珠区', encoding: 'gb18030' });
		// A character outside GBK, in GB18030's four-byte form: "𠀀" (U+20000).
		expect(decodeText(new Uint8Array([0x95, 0x32, 0x82, 0x36]))).toEqual({ text: '𠀀', encoding: 'gb18030' });
	});
});
