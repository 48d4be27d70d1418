import { BUDGET_CATEGORIES } from '../domain/budget';
import { SERVICE_CATEGORIES, URGENCIES } from '../domain/catalogue';
import { LINE_REASONS } from '../domain/funding-line';
import { NEED_STATUSES } from '../domain/need-status';
import { ORGANISATION_KINDS } from '../domain/catalogue';
import { PHASES } from '../domain/phases';
import { PROPOSAL_STAGES, RECORD_STATUSES } from '../domain/status';
import type { MessageKey } from './index';

/**
 * The words for a stored key (an urgency, a phase, a category…): one function per list, so the
 * catalogue key is built from a value the compiler knows (`urgency.${'low' | 'medium' | 'high'}`)
 * and a list that gains a value without its words fails `npm run check`, where a built-up key cast
 * to `MessageKey` would show the raw key to the reader. A value outside the list (an admin's own
 * category, a row written by an older version) shows as itself.
 */
type Translate = (key: MessageKey) => string;

function isOneOf<V extends string>(list: readonly V[], value: string): value is V {
	return (list as readonly string[]).includes(value);
}

export const urgencyLabel = (t: Translate, value: string): string =>
	isOneOf(URGENCIES, value) ? t(`urgency.${value}`) : value;

export const needStatusLabel = (t: Translate, value: string): string =>
	isOneOf(NEED_STATUSES, value) ? t(`need.status.${value}`) : value;

export const phaseLabel = (t: Translate, value: string): string => (isOneOf(PHASES, value) ? t(`phase.${value}`) : value);

/** A service category: DOMAIN.md's seed list has words here; categories an admin adds show their key. */
export const categoryLabel = (t: Translate, value: string): string =>
	isOneOf(SERVICE_CATEGORIES, value) ? t(`category.${value}`) : value;

export const budgetCategoryLabel = (t: Translate, value: string): string =>
	isOneOf(BUDGET_CATEGORIES, value) ? t(`budget.category.${value}`) : value;

/** Why a proposal is above or below the funding line. */
export const lineReasonLabel = (t: Translate, value: string): string =>
	isOneOf(LINE_REASONS, value) ? t(`results.reason.${value}`) : value;

/** A proposal's record status (`proposals.status`), as the admins' filters name it. */
export const proposalStatusLabel = (t: Translate, value: string): string =>
	isOneOf(RECORD_STATUSES, value) ? t(`proposal.status.${value}`) : value;

/** A proposal's stage in the one status model (`proposalStage`). */
export const stageLabel = (t: Translate, value: string): string =>
	isOneOf(PROPOSAL_STAGES, value) ? t(`status.proposal.${value}`) : value;

export const orgKindLabel = (t: Translate, value: string): string =>
	isOneOf(ORGANISATION_KINDS, value) ? t(`orgKind.${value}`) : value;
