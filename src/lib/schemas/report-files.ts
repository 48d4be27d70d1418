import { z } from 'zod';
import { textOrEmpty } from './form';

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on');

/** The fields beside the file in the report's upload form. */
export const reportFileSchema = z.object({
	purpose: z.enum(['photo', 'receipt'], 'err.choice'),
	caption: textOrEmpty(200),
	showsMinors: checkbox,
	guardianConsent: checkbox
});

const fileId = z.string().regex(/^[a-z0-9]{24}$/, 'err.choice');

/** A file of the report named by a form (remove, record consent). */
export const reportFileRefSchema = z.object({ fileId });

/** An admin's decision on a photo. */
export const photoDecisionSchema = z.object({ fileId, decision: z.enum(['approve', 'reject'], 'err.choice') });
