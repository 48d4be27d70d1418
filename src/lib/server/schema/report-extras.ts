/** Tables beside the reports: budget changes, report photos and receipts, disclosure reminders. */
import type { Generated } from 'kysely';
import type { BudgetChangeStatus } from '../../domain/budget-changes';
import type { ReportKind } from '../../domain/project-reports';
import type { ReportFilePurpose, ReportFileStatus } from '../../domain/report-files';
import type { Instant } from './instant';


export interface BudgetChangeTable {
	id: Generated<number>;
	proposal_id: number;
	from_line: number;
	from_item: string;
	to_line: number;
	to_item: string;
	amount_fen: number;
	reason: string;
	status: BudgetChangeStatus;
	requested_by: number;
	requested_at: Instant;
	decided_by: number | null;
	decided_at: Instant | null;
	decision_comment: string | null;
}

export interface DisclosureReminderTable {
	round_id: number;
	due_on: string;
	sent_at: Instant;
}

export interface ReportFileTable {
	id: string;
	proposal_id: number;
	report_kind: ReportKind;
	purpose: ReportFilePurpose;
	file_name: string;
	content_type: string;
	size: number;
	sha256: string;
	caption: string;
	shows_minors: number;
	guardian_consent_by: number | null;
	guardian_consent_at: Instant | null;
	status: ReportFileStatus;
	decided_by: number | null;
	decided_at: Instant | null;
	uploaded_by: number;
	uploaded_at: Instant;
	removed_at: Instant | null;
}

export interface ReportExtraTables {
	report_files: ReportFileTable;
	budget_changes: BudgetChangeTable;
	disclosure_reminders: DisclosureReminderTable;
}
