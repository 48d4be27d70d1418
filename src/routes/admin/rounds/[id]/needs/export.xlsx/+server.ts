import ExcelJS from 'exceljs';
import { fileName, needsSheet } from '../export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { round, header, rows } = await needsSheet(event, 'xlsx');
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('needs');
	sheet.addRow(header).font = { bold: true };
	// Cells are written as values, never formulas, so residents' text cannot run in Excel.
	for (const row of rows) sheet.addRow(row.map((c) => (c === null || c === undefined ? '' : c)));
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	sheet.columns.forEach((column, i) => (column.width = [4, 3].includes(i) ? 40 : 14));
	const buffer = await book.xlsx.writeBuffer();
	return new Response(new Uint8Array(buffer as ArrayBuffer), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${fileName(round.slug, 'xlsx')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
