import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv';

describe('CSV', () => {
	it('writes a BOM, CRLF lines and quotes what needs quoting', () => {
		const csv = toCsv(['名称', '金额'], [['长者"暖心"计划, 海珠', 30000], ['多行\n文本', null]]);
		expect(csv.startsWith('\uFEFF名称,金额\r\n')).toBe(true);
		expect(csv).toContain('"长者""暖心""计划, 海珠",30000\r\n');
		expect(csv).toContain('"多行\n文本",\r\n');
	});

	it('defuses cells a spreadsheet would run as formulas', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+86 139')).toBe("'+86 139");
		expect(csvCell(-5)).toBe('-5');
	});

	it('reads back what it writes', () => {
		const rows = [['区', '街道'], ['海珠区', '南华西街'], ['带,逗号', '带"引号"'], ['换\n行', '']];
		expect(parseCsv(toCsv(rows[0], rows.slice(1)))).toEqual(rows);
	});

	it('reads LF files and skips blank lines', () => {
		expect(parseCsv('a,b\n\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
	});
});
