import type { Messages } from '../types';

/** Reading imported files and writing exports: shared by every import and export. */
export const files = {
	'import.format.utf-8': { zh: '文件按 UTF-8 编码读取。', en: 'The file was read as UTF-8.' },
	'import.format.gb18030': {
		zh: '文件按 GBK/GB18030 编码读取（中文版 Excel“CSV（逗号分隔）”的编码）。',
		en: 'The file was read as GBK/GB18030 (what Excel on Chinese Windows saves as “CSV (Comma delimited)”).'
	},
	'import.format.xlsx': { zh: '已读取 Excel 工作簿的第一个工作表。', en: 'The first sheet of the Excel workbook was read.' },
	'import.err.badXlsx': {
		zh: '无法读取这个 Excel 文件。请在 Excel 中另存为 .xlsx 或 CSV 后重试。',
		en: 'This Excel file cannot be read. Save it again as .xlsx or CSV in Excel and retry.'
	}
} satisfies Messages;
