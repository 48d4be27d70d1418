/**
 * Tables in files. Reading: an uploaded CSV (UTF-8 or GBK/GB18030) or Excel .xlsx workbook into
 * rows of text cells; every import (places today; incomes and reports later) reads its file here,
 * so each of them accepts what Excel on a Chinese computer saves and tells the admin how it was
 * read. Writing: the .xlsx exports.
 */
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile, { type CellObject, type SheetData } from 'write-excel-file/node';
import { parseCsv, type Cell } from '../domain/csv';
import { decodeText, type TextEncoding } from '../domain/text-encoding';
import { ok, refuse, type Outcome } from './outcome';

/** How the file was read: the text encoding of a CSV, or an Excel workbook. */
export const TABLE_FORMATS = ['utf-8', 'gb18030', 'xlsx'] as const satisfies readonly (TextEncoding | 'xlsx')[];
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** A table read from a file: its rows of text cells, and how the file was read. */
export interface TableFile {
	rows: string[][];
	format: TableFormat;
}

/** A ZIP archive's first bytes ("PK\3\4"): an .xlsx, whatever the file is called. */
function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return String(value);
}

export async function readTableFile(bytes: Uint8Array): Promise<Outcome<TableFile>> {
	if (isZip(bytes)) {
		try {
			// The first sheet, as the import templates have one; a Buffer, since a string is a path.
			const sheet = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
			const rows = sheet.map((row) => row.map(cellText)).filter((row) => row.some((c) => c.trim() !== ''));
			return ok({ rows, format: 'xlsx' });
		} catch {
			return refuse('import.err.badXlsx');
		}
	}
	const { text, encoding } = decodeText(bytes);
	return ok({ rows: parseCsv(text), format: encoding });
}

export interface XlsxSheet {
	sheet: string;
	header: readonly string[];
	rows: readonly (readonly Cell[])[];
	/** Column widths in characters, by column; others get `defaultWidth`. */
	widths?: Readonly<Record<number, number>>;
	defaultWidth?: number;
}

/** Text as a Text-format ("@") cell: shown as typed, never run or re-evaluated as a formula. */
function textCell(value: string, bold = false): CellObject {
	return { type: String, value, format: '@', ...(bold ? { fontWeight: 'bold' as const } : {}) };
}

/**
 * An .xlsx workbook of one sheet: a bold, frozen header row and the rows below. Numbers stay
 * numbers; every text cell, header included, has the Text format, so that residents' text such
 * as `=HYPERLINK(…)` stays a string even after someone edits the cell in Excel.
 */
export async function writeXlsx({ sheet, header, rows, widths = {}, defaultWidth = 14 }: XlsxSheet): Promise<Buffer> {
	const data: SheetData = [
		header.map((h) => textCell(h, true)),
		...rows.map((row) =>
			row.map((c): CellObject | null =>
				typeof c === 'number' ? { type: Number, value: c } : c === null || c === undefined || c === '' ? null : textCell(c)
			)
		)
	];
	const columns = header.map((_, i) => ({ width: widths[i] ?? defaultWidth }));
	return writeXlsxFile(data, { sheet, columns, stickyRowsCount: 1 }).toBuffer();
}

const CONTENT_TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/** An export as a private download: a CSV text or an .xlsx workbook, under `fileName`. */
export function downloadResponse(body: string | Buffer, format: keyof typeof CONTENT_TYPES, fileName: string): Response {
	return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}
