import { z } from 'zod';
import { money, optionalText, text, wholeNumber } from './form';
import { REASON_MAX } from './grants';
import { ROWS_MAX } from './proposals';

/** The station's request to move money from one budget line to another. */
export const budgetChangeSchema = z.object({
	fromLine: wholeNumber(0, ROWS_MAX),
	toLine: wholeNumber(0, ROWS_MAX),
	amount: money(),
	reason: text(REASON_MAX, { multiline: true })
});

/** An admin's decision on a change that waits for approval; refusing needs a comment. */
export const budgetDecisionSchema = z.object({
	changeId: wholeNumber(1, Number.MAX_SAFE_INTEGER),
	decision: z.enum(['approve', 'refuse']),
	comment: optionalText(REASON_MAX, { multiline: true })
});
