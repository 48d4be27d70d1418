import { z } from 'zod';
import { EVALUATED_BASES, type RankingBasis } from '../domain/ranking';
import { SERVICE_CATEGORIES } from '../domain/catalogue';
import { wholeNumber } from './form';
import { optionalText, text, textOrEmpty } from './text';

export const COMMENT_MAX = 2000;
export const CRITERION_COMMENT_MAX = 1000;
export const CONFLICT_REASON_MAX = 500;

const recordId = z.string().trim().min(1, 'err.required').regex(/^\d{1,12}$/, 'err.choice').transform(Number);

/** A reviewer's comments on an assignment (the scores are read field by field). */
export const reviewSchema = z.object({
	comment: optionalText(COMMENT_MAX, { multiline: true }),
	privateNote: optionalText(COMMENT_MAX, { multiline: true })
});

/** A reviewer's comment on one criterion (`comment_<criterion id>`). */
export const criterionCommentSchema = textOrEmpty(CRITERION_COMMENT_MAX, { multiline: true });

/** A reviewer declaring a conflict of interest. */
export const conflictSchema = z.object({ reason: text(CONFLICT_REASON_MAX, { multiline: true }) });

/** The admin's panel actions on one proposal. */
export const panelSchemas = {
	assign: z.object({ proposalId: recordId, reviewerId: recordId }),
	unassign: z.object({ proposalId: recordId, assignmentId: recordId }),
	reassign: z.object({ proposalId: recordId, assignmentId: recordId, reviewerId: recordId }),
	conflict: z.object({ proposalId: recordId, reviewerId: recordId, reason: text(CONFLICT_REASON_MAX, { multiline: true }) }),
	liftConflict: z.object({ proposalId: recordId, conflictId: recordId, reason: text(CONFLICT_REASON_MAX, { multiline: true }) })
};

/** One criterion of the rubric as the admin edits it. */
export const criterionSchema = z.object({
	id: z.string().regex(/^\d{0,12}$/, 'err.invalid').optional(),
	nameZh: text(60),
	nameEn: text(120),
	description: textOrEmpty(1000, { multiline: true }).default(''),
	weight: wholeNumber(0, 100),
	scaleMax: wholeNumber(1, 100),
	low: textOrEmpty(500, { multiline: true }).default(''),
	fair: textOrEmpty(500, { multiline: true }).default(''),
	good: textOrEmpty(500, { multiline: true }).default(''),
	excellent: textOrEmpty(500, { multiline: true }).default('')
});

/** How the round's review works: score visibility, blind review, ranking score, panel size. */
export const reviewSettingsSchema = z.object({
	scoreVisibility: z.enum(['after_submit', 'never']),
	blindReview: z.enum(['on']).optional(),
	rankingScore: z.enum(EVALUATED_BASES as unknown as [RankingBasis, ...RankingBasis[]]),
	reviewersPerProposal: wholeNumber(1, 20)
});

/** An id chosen from a list: anything else is not one of the choices. */
const chosenId = z.string().trim().regex(/^\d{1,12}$/, 'err.choice').transform(Number);

/** An admin's edit of a reviewer's profile: their organisation (for conflicts) and expertise. */
export const reviewerProfileSchema = z.object({
	reviewerId: chosenId,
	organisationId: z.union([z.literal('').transform(() => null), chosenId]),
	categories: z.array(z.enum(SERVICE_CATEGORIES, 'err.choice')).max(SERVICE_CATEGORIES.length)
});

/** A message to the panel's discussion of a proposal. */
export const discussionSchema = z.object({ body: text(2000, { multiline: true }) });

/** An admin's reason to see who wrote a proposal's reviews. */
export const identitiesSchema = z.object({ reason: text(500) });
