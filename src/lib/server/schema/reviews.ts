import type { Instant } from './instant';
/**
 * Tables added by the review-panel migration. Columns added to the core tables are declared in
 * schema.ts itself; new tables go here and are merged into Database.
 */

export type ConflictSource = 'declared' | 'admin';

export interface ReviewerExpertiseTable {
	user_id: number;
	category: string;
}

export interface RoundPanelTable {
	round_id: number;
	reviewer_id: number;
	added_by: number | null;
	added_at: Instant;
}

export interface ReviewConflictTable {
	id: import('kysely').Generated<number>;
	round_id: number;
	proposal_id: number;
	reviewer_id: number;
	source: ConflictSource;
	reason: string;
	created_by: number | null;
	created_at: Instant;
}

export interface ReviewCriterionCommentTable {
	assignment_id: number;
	criterion_id: number;
	comment: string;
	/** 1 when the reviewer wrote it for the applicant too (shown once the final list is confirmed). */
	for_applicant: import('kysely').Generated<number>;
}

/** The panel's discussion of one proposal (never shown to the applicant or a conflicted reviewer). */
export interface ProposalDiscussionTable {
	id: import('kysely').Generated<number>;
	proposal_id: number;
	author_id: number;
	body: string;
	created_at: Instant;
}

export interface NoticeTable {
	id: import('kysely').Generated<number>;
	user_id: number;
	kind: string;
	params: string;
	link: string | null;
	created_at: Instant;
	read_at: Instant | null;
}

export interface ReviewPanelTables {
	reviewer_expertise: ReviewerExpertiseTable;
	round_panel: RoundPanelTable;
	review_conflicts: ReviewConflictTable;
	review_criterion_comments: ReviewCriterionCommentTable;
	proposal_discussion: ProposalDiscussionTable;
	notices: NoticeTable;
}
