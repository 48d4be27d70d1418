import type { DB } from './db';
import { writeTransaction } from './db';
import { audit } from './audit';
import { appendIncome, fundToday, getFund } from './funds';
import { notFound, refuse, type Refusal } from './outcome';
import { readTableFile } from './table-file';
import { INCOME_IMPORT_MAX_ROWS, readIncomeRows, type LineError } from '../domain/fund-import';

export type ImportResult = { ok: true; count: number; totalFen: number } | (Refusal & { lines: LineError[] });

/** Thrown inside the transaction to take every income of the file back. */
class LinesRefused extends Error {
	constructor(readonly lines: LineError[]) {
		super('lines refused');
	}
}

function refused(refusal: Refusal, lines: LineError[] = []): ImportResult {
	return { ...refusal, lines };
}

/**
 * Imports a file of incomes into a fund: all of them, or none when any line is wrong (each
 * wrong line named) or its reference was imported into the fund before.
 */
export async function importIncomes(db: DB, input: { fundId: number; bytes: Uint8Array; actorId: number }, now = new Date()): Promise<ImportResult> {
	if (!(await getFund(db, input.fundId))) return refused(notFound());
	const table = await readTableFile(input.bytes);
	if (!table.ok) return refused(table);
	if (table.value.rows.length - 1 > INCOME_IMPORT_MAX_ROWS) return refused(refuse('funds.err.tooMany', { max: INCOME_IMPORT_MAX_ROWS }));
	const read = readIncomeRows(table.value.rows, fundToday(now));
	if ('missing' in read) return refused(refuse('funds.err.header', { columns: read.missing.join('、') }));
	if (read.errors.length) return refused(refuse('funds.err.lines', { count: read.errors.length }), read.errors);
	if (read.incomes.length === 0) return refused(refuse('funds.err.empty'));
	try {
		return await writeTransaction(db, async (trx) => {
			const lines: LineError[] = [];
			for (const income of read.incomes) {
				const written = await appendIncome(trx, { ...income, fundId: input.fundId, importReference: income.reference, actorId: input.actorId }, now);
				if (!written.ok) lines.push({ line: income.line, key: 'funds.err.duplicate', params: { reference: income.reference } });
			}
			if (lines.length) throw new LinesRefused(lines);
			const totalFen = read.incomes.reduce((sum, i) => sum + i.amountFen, 0);
			await audit(trx, {
				actorId: input.actorId,
				action: 'fund.import',
				entity: 'fund',
				entityId: input.fundId,
				detail: { count: read.incomes.length, totalFen, format: table.value.format }
			});
			return { ok: true as const, count: read.incomes.length, totalFen };
		});
	} catch (e) {
		if (e instanceof LinesRefused) return refused(refuse('funds.err.lines', { count: e.lines.length }), e.lines);
		throw e;
	}
}
