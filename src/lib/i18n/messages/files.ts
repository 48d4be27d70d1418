import type { Messages } from '../types';

/** Reading imported files, and what the app's own reference data (the holiday calendar) lacks. */
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
	},
	'decision.err.holidaysUnknown': {
		zh: '公示期将延续到 {year} 年，但节假日日历中还没有 {year} 年的放假和调休安排，无法算出正确的截止日，因此未发布公示。请在“节假日日历”中录入国务院办公厅公布的 {year} 年放假安排后再发布，或缩短公示期使其在本年内结束。',
		en: 'The notice period would run into {year}, but the holiday calendar has no days off or make-up working days for {year} yet, so its end date cannot be counted and the notice was not published. Record the State Council’s {year} arrangement in the holiday calendar and publish again, or shorten the period so that it ends this year.'
	}
} satisfies Messages;
