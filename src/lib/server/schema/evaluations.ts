/** Tables of the evaluations migration: evaluators' grades of accepted reports, and overrides of a final 不合格. */
import type { Generated } from 'kysely';
import type { ReportKind } from '../../domain/project-reports';
import type { Instant } from './instant';

export interface EvaluationAssignmentTable {
	id: Generated<number>;
	proposal_id: number;
	kind: ReportKind;
	evaluator_id: number;
	status: 'assigned' | 'submitted';
	/** JSON of EvaluationScores; private to the evaluator and the admins. */
	scores: string | null;
	total_hundredths: number | null;
	comment: string | null;
	assigned_by: number | null;
	assigned_at: Instant;
	submitted_at: Instant | null;
}

export interface EvaluationOverrideTable {
	proposal_id: number;
	reason: string;
	overridden_by: number;
	overridden_at: Instant;
}

export interface EvaluationTables {
	evaluation_assignments: EvaluationAssignmentTable;
	evaluation_overrides: EvaluationOverrideTable;
}
