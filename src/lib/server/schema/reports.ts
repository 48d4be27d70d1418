/** Tables of the reports migration: the station's mid-term and final reports and their reminders. */
import type { Generated } from 'kysely';
import type { ReportKind, ReportStatus } from '../../domain/project-reports';
import type { Instant } from './instant';


export interface ProjectReportTable {
	id: Generated<number>;
	proposal_id: number;
	kind: ReportKind;
	status: ReportStatus;
	/** JSON of ReportContent. */
	content: string;
	visits: number;
	spent_fen: number;
	version: number;
	submitted_at: Instant | null;
	first_submitted_at: Instant | null;
	accepted_at: Instant | null;
	review_comment: string | null;
	reviewed_by: number | null;
	updated_by: number | null;
	updated_at: Instant;
}

export interface ReportReminderTable {
	proposal_id: number;
	kind: ReportKind;
	sent_at: Instant;
}

export interface ReportTables {
	project_reports: ProjectReportTable;
	report_reminders: ReportReminderTable;
}
