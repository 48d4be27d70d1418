/**
 * Tables added by the proposal-details migration. Columns added to the core tables are declared in
 * schema.ts itself; new tables go here and are merged into Database.
 */
import type { Generated } from 'kysely';
import type { Instant } from './instant';


export interface BudgetLineTable {
	id: Generated<number>;
	proposal_id: number;
	position: number;
	category: string;
	item: string;
	unit: string;
	quantity: number;
	unit_price_fen: number;
}

export interface ProposalActivityTable {
	id: Generated<number>;
	proposal_id: number;
	position: number;
	name: string;
	/** "YYYY-MM" */
	start_month: string;
	end_month: string;
}

export interface ProposalIndicatorTable {
	id: Generated<number>;
	proposal_id: number;
	position: number;
	name: string;
	target: string;
	unit: string;
}

/** What the proposal said when it was submitted (JSON of ProposalContent), kept for its history. */
export interface ProposalSnapshotTable {
	id: Generated<number>;
	proposal_id: number;
	version: number;
	status: string;
	taken_at: Instant;
	taken_by: number;
	content: string;
}

/** An uploaded file; the bytes live in UPLOAD_DIR under the (random) id. */
export interface AttachmentTable {
	id: string;
	proposal_id: number;
	file_name: string;
	content_type: string;
	size: number;
	sha256: string;
	uploaded_by: number;
	uploaded_at: Instant;
	removed_at: Instant | null;
}

export type EligibilityOutcome = 'pass' | 'return' | 'reject';

export interface EligibilityCheckTable {
	id: Generated<number>;
	proposal_id: number;
	outcome: EligibilityOutcome;
	/** JSON: [{ item, ok }] as ticked. */
	checklist: string;
	comment: string;
	revision_due_at: Instant | null;
	checked_by: number;
	checked_at: Instant;
}

export interface ProposalDetailTables {
	budget_lines: BudgetLineTable;
	proposal_activities: ProposalActivityTable;
	proposal_indicators: ProposalIndicatorTable;
	proposal_snapshots: ProposalSnapshotTable;
	attachments: AttachmentTable;
	eligibility_checks: EligibilityCheckTable;
}
