/**
 * Reading incomes from a file a bank or a campaign platform exported (the rows of text a table
 * file holds): one income a line, every line checked, each wrong line with its own error. Pure:
 * the server decides whether a reference was imported before and writes all or nothing.
 */
import { yuanToFen } from './money';
import { SOURCE_TYPES, type SourceType } from './fund-ledger';

export const INCOME_IMPORT_MAX_ROWS = 5000;

/** The columns, by the header names a file may use (Chinese as in the template, or English). */
const COLUMNS = {
	date: ['日期', '到账日期', 'date'],
	amount: ['金额', '金额（元）', '金额(元)', 'amount'],
	source: ['来源类型', '来源', 'source', 'source type'],
	donor: ['捐赠方', '捐赠人', 'donor'],
	consent: ['同意公开', '公开姓名', 'consent'],
	campaign: ['募捐活动', '活动', 'campaign'],
	reference: ['流水号', '凭证号', '交易流水号', 'reference']
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['date', 'amount', 'reference'];

export const INCOME_TEMPLATE_HEADER = ['日期', '金额', '来源类型', '捐赠方', '同意公开', '募捐活动', '流水号'];

/** Source types as a file may name them: the key, or its Chinese words. */
const SOURCE_WORDS: Record<string, SourceType> = {
	个人: 'resident',
	个人捐赠: 'resident',
	居民: 'resident',
	企业: 'business',
	企业捐赠: 'business',
	联合劝募: 'campaign',
	广益联募: 'campaign',
	政府: 'government',
	政府资金: 'government',
	政府购买服务: 'government',
	慈善会: 'federation',
	慈善会配置: 'federation',
	其他: 'other',
	其他收入: 'other'
};

export interface ImportedIncome {
	line: number;
	receivedOn: string;
	amountFen: number;
	sourceType: SourceType;
	donorName: string | null;
	donorConsent: boolean;
	campaign: string;
	reference: string;
}

export type ImportErrorKey = 'err.date' | 'err.money' | 'err.required' | 'funds.err.source' | 'funds.err.consent' | 'funds.err.duplicateInFile' | 'funds.err.duplicate' | 'grants.err.future';
export interface LineError {
	line: number;
	key: ImportErrorKey;
	params?: Record<string, string>;
}

function normalDate(text: string): string | null {
	const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
	if (!m) return null;
	const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
	const d = new Date(`${iso}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

function consentOf(text: string): boolean | null {
	const v = text.trim().toLowerCase();
	if (['', '否', 'no', 'n', '0', 'false'].includes(v)) return false;
	if (['是', 'yes', 'y', '1', 'true', '同意'].includes(v)) return true;
	return null;
}

/**
 * The incomes of a file's rows (the first is the header), or the header's missing columns.
 * `today` (YYYY-MM-DD): a later date is refused, as the form refuses it.
 */
export function readIncomeRows(rows: string[][], today: string): { missing: string[] } | { incomes: ImportedIncome[]; errors: LineError[] } {
	const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
	const index = {} as Record<Column, number>;
	for (const column of Object.keys(COLUMNS) as Column[]) index[column] = header.findIndex((h) => (COLUMNS[column] as readonly string[]).includes(h));
	const missing = REQUIRED.filter((c) => index[c] < 0).map((c) => COLUMNS[c][0]);
	if (missing.length) return { missing };
	const incomes: ImportedIncome[] = [];
	const errors: LineError[] = [];
	const seen = new Set<string>();
	for (const [i, row] of rows.slice(1).entries()) {
		const line = i + 2;
		const cell = (c: Column) => (index[c] >= 0 ? (row[index[c]] ?? '').trim() : '');
		const receivedOn = normalDate(cell('date'));
		const amountFen = yuanToFen(cell('amount'));
		const sourceText = cell('source');
		const sourceType = sourceText === '' ? 'other' : ((SOURCE_TYPES as readonly string[]).includes(sourceText) ? (sourceText as SourceType) : SOURCE_WORDS[sourceText]);
		const consent = consentOf(cell('consent'));
		const reference = cell('reference');
		const fail = (key: ImportErrorKey, params?: Record<string, string>) => errors.push(params ? { line, key, params } : { line, key });
		if (!receivedOn) fail('err.date');
		else if (receivedOn > today) fail('grants.err.future');
		else if (amountFen === null || amountFen <= 0) fail('err.money');
		else if (!sourceType || sourceType === 'opening') fail('funds.err.source', { value: sourceText });
		else if (consent === null) fail('funds.err.consent');
		else if (!reference) fail('err.required');
		else if (seen.has(reference)) fail('funds.err.duplicateInFile', { reference });
		else {
			seen.add(reference);
			const donorName = cell('donor') || null;
			incomes.push({ line, receivedOn, amountFen, sourceType, donorName, donorConsent: consent && !!donorName, campaign: cell('campaign'), reference });
		}
	}
	return { incomes, errors };
}
