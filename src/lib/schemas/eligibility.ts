import { z } from 'zod';
import { textOrEmpty } from './text';

export const ELIGIBILITY_OUTCOMES = ['pass', 'return', 'reject'] as const;
export const ELIGIBILITY_COMMENT_MAX = 2000;

/** The admin's outcome of the eligibility check (the ticked checklist items are read apart). */
export const eligibilitySchema = z.object({
	outcome: z.enum(ELIGIBILITY_OUTCOMES, { message: 'eligibility.err.outcome' }),
	comment: textOrEmpty(ELIGIBILITY_COMMENT_MAX, { multiline: true }),
	revisionDueAt: z.string().trim().max(20)
});
