/** CSV that Excel opens with Chinese intact (UTF-8 with a byte-order mark, CRLF lines). */

export type Cell = string | number | null | undefined;

const BOM = '\uFEFF';

/**
 * A cell as CSV text. Text starting with = + - @ (or a tab or CR) is prefixed with ' so that a
 * spreadsheet never runs it as a formula: people's free text ends up in these files.
 */
export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
	return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF; a leading BOM is
 * dropped) into rows of fields. Blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const endRow = () => {
		row.push(field);
		if (row.length > 1 || row[0] !== '') rows.push(row);
		row = [];
		field = '';
	};
	for (; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n') endRow();
		else if (c !== '\r') field += c;
	}
	if (field !== '' || row.length) endRow();
	return rows;
}
