import { z } from 'zod';
import { formValues, moneyFen, text } from './form';

export const PROPOSAL_TITLE_MAX = 60;
export const PROPOSAL_SUMMARY_MAX = 3000;

/** What the proposal form posts; `needs` repeats (one checkbox per need). */
export interface ProposalFormValues {
	title: string;
	summary: string;
	amount: string;
	needs: string[];
	version: string;
}

/** The proposal form's fields from a request, keeping every typed value for a rejected form. */
export function proposalFormValues(data: FormData): ProposalFormValues {
	const v = formValues(data);
	return {
		title: v.title ?? '',
		summary: v.summary ?? '',
		amount: v.amount ?? '',
		needs: data.getAll('needs').filter((n): n is string => typeof n === 'string'),
		version: v.version ?? ''
	};
}

const needId = z.string().regex(/^\d{1,12}$/, 'proposal.err.needsInvalid').transform(Number);

/**
 * The proposal's own fields. The round's amount bounds and which needs may be linked depend on
 * the round, so the server module checks those.
 */
export const proposalSchema = z.object({
	title: text(PROPOSAL_TITLE_MAX),
	summary: text(PROPOSAL_SUMMARY_MAX),
	amount: moneyFen,
	needs: z
		.array(needId)
		.min(1, 'proposal.err.needs')
		.max(50)
		.transform((ids) => [...new Set(ids)])
});

/** The hidden `version` of the edit form (optimistic concurrency). */
export const versionSchema = z.string().regex(/^\d{1,9}$/, 'err.invalid').transform(Number);
