import { z } from 'zod';
import { yuanToFen } from '../domain/money';
import { moneyFen, money, optionalText, text, textOrEmpty } from './form';

export const REASON_MAX = 500;

const recordId = z.string().trim().regex(/^\d{1,12}$/, 'err.choice').transform(Number);

/** A calendar day typed in a date input: YYYY-MM-DD, a real day. */
const day = z
	.string()
	.trim()
	.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, 'err.date');

/** One amount in yuan a line, as fen; null when any line is not an amount. */
function amountsOf(lines: string): number[] | null {
	const amounts = lines
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.map(yuanToFen);
	return amounts.some((a) => a === null) ? null : (amounts as number[]);
}

export const grantSchemas = {
	agreement: z
		.object({
			number: text(60),
			signedOn: day,
			payeeAccountName: text(120),
			plan: z.enum(['default', 'custom']),
			amounts: textOrEmpty(200, { multiline: true }).optional(),
			planReason: optionalText(REASON_MAX, { multiline: true })
		})
		.transform((v, ctx) => {
			if (v.plan === 'default') return { ...v, amountsFen: null };
			const amountsFen = amountsOf(v.amounts ?? '');
			if (!amountsFen || amountsFen.length === 0) {
				ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'err.money' });
				return z.NEVER;
			}
			return { ...v, amountsFen };
		}),
	condition: z.object({ trancheId: recordId, reason: text(REASON_MAX, { multiline: true }) }),
	pay: z.object({ trancheId: recordId, amount: moneyFen, paidOn: day, reference: text(60) }),
	reverse: z.object({ entryId: recordId, reason: text(REASON_MAX, { multiline: true }) }),
	close: z.object({
		outcome: z.enum(['completed', 'terminated']),
		closedOn: day,
		note: text(1000, { multiline: true }),
		returnDue: money({ blankIsZero: true })
	}),
	return: z.object({ amount: moneyFen, returnedOn: day, reference: text(60) })
};
export type GrantAction = keyof typeof grantSchemas;
