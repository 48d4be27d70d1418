import { z } from 'zod';
import { FUND_KINDS, SOURCE_TYPES } from '../domain/fund-ledger';
import { moneyFen, optionalText, text, textOrEmpty } from './form';

export const FUND_NAME_MAX = 60;

const recordId = z.string().trim().regex(/^\d{1,12}$/, 'err.choice').transform(Number);
const optionalRecordId = z
	.string()
	.trim()
	.optional()
	.transform((v, ctx) => {
		if (!v) return null;
		if (!/^\d{1,12}$/.test(v)) {
			ctx.addIssue({ code: 'custom', message: 'err.choice' });
			return z.NEVER;
		}
		return Number(v);
	});

/** A calendar day typed in a date input: YYYY-MM-DD, a real day. */
const day = z
	.string()
	.trim()
	.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, 'err.date');

export const fundSchema = z.object({
	name: text(FUND_NAME_MAX),
	kind: z.enum(FUND_KINDS),
	streetId: optionalRecordId,
	host: textOrEmpty(60),
	description: textOrEmpty(500, { multiline: true })
});

export const incomeSchema = z.object({
	amount: moneyFen,
	receivedOn: day,
	sourceType: z.enum(SOURCE_TYPES),
	donorName: optionalText(60),
	donorConsent: z
		.string()
		.optional()
		.transform((v) => v === 'on' || v === '1'),
	campaign: textOrEmpty(60),
	reference: textOrEmpty(60)
});

export const allocationSchema = z.object({
	roundId: recordId,
	amount: moneyFen,
	allocatedOn: day,
	reason: optionalText(500, { multiline: true })
});

export const reverseSchema = z.object({ entryId: recordId, reason: text(500, { multiline: true }) });

/** The new-round form's fund: blank when the pool is 0. */
export const poolFundSchema = z.object({ fundId: optionalRecordId });

/** The fund whose admins run a new round; empty: the federation runs it (a city-wide round). */
export const roundOwnerSchema = z.object({ runBy: optionalRecordId });
