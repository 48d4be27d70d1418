/** Tables beside the reports: budget changes, report photos and receipts, disclosure reminders. */
import type { Generated } from 'kysely';
import type { BudgetChangeStatus } from '../domain/budget-changes';

type Instant = string;

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

export interface ReportExtraTables {
	budget_changes: BudgetChangeTable;
	disclosure_reminders: DisclosureReminderTable;
}
