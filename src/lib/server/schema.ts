import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { NeedsRegistryTables } from './schema-needs-registry';
import type { ProposalDetailTables } from './schema-proposal-details';
import type { ReviewPanelTables } from './schema-review-panel';
import type { DecisionNoticeTables } from './schema-decision-notice';

/** Instants are ISO-8601 UTC strings (`new Date().toISOString()`), which sort as text. */
type Instant = string;

export type Role = 'admin' | 'station' | 'reviewer';

export interface OrganisationTable {
	id: Generated<number>;
	name: string;
	kind: string;
	district: string;
	created_at: Instant;
}

export interface UserTable {
	id: Generated<number>;
	email: string;
	name: string;
	password_hash: string;
	role: Role;
	organisation_id: number | null;
	created_at: Instant;
	disabled_at: Instant | null;
}

export interface SessionTable {
	id: string;
	user_id: number;
	secret_hash: string;
	created_at: Instant;
	expires_at: Instant;
}

export interface InvitationTable {
	id: string;
	token_hash: string;
	email: string;
	name: string;
	role: Role;
	organisation_id: number | null;
	created_by: number;
	created_at: Instant;
	expires_at: Instant;
	used_at: Instant | null;
	used_by: number | null;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: Instant;
	actor_id: number | null;
	action: string;
	entity: string;
	entity_id: string | null;
	reason: string | null;
	detail: string | null;
}

export interface RoundTable {
	id: Generated<number>;
	slug: string;
	title: string;
	year: number;
	pool_fen: number;
	grant_min_fen: number;
	grant_max_fen: number;
	proposals_per_org: number;
	reviewers_per_proposal: number;
	time_zone: string;
	needs_call_at: Instant;
	applications_at: Instant;
	eligibility_at: Instant;
	review_at: Instant;
	decision_at: Instant;
	notice_at: Instant;
	implementation_at: Instant;
	closed_at: Instant;
	phase_override: string | null;
	results_published_at: Instant | null;
	created_by: number | null;
	created_at: Instant;
}

export interface RubricCriterionTable {
	id: Generated<number>;
	round_id: number;
	position: number;
	name_zh: string;
	name_en: string;
	description: string;
	weight: number;
	scale_max: number;
}

export type NeedStatus = 'new' | 'published' | 'declined' | 'merged';

export interface NeedTable {
	id: Generated<number>;
	round_id: number;
	receipt_code: string;
	submission_key: string | null;
	title: string;
	description: string;
	category: string;
	district: string;
	street: string;
	affected_group: string;
	affected_count: number | null;
	urgency: 'low' | 'medium' | 'high';
	contact_name: string | null;
	contact_phone: string | null;
	status: NeedStatus;
	decline_reason: string | null;
	support_count: Generated<number>;
	created_at: Instant;
	published_at: Instant | null;
}

export type ProposalStatus =
	| 'draft'
	| 'submitted'
	| 'eligible'
	| 'ineligible'
	| 'funded'
	| 'not_funded'
	| 'withdrawn';

export interface ProposalTable {
	id: Generated<number>;
	round_id: number;
	organisation_id: number;
	title: string;
	summary: string;
	requested_fen: number;
	status: ProposalStatus;
	award_fen: number | null;
	decision_reason: string | null;
	version: Generated<number>;
	created_by: number;
	created_at: Instant;
	updated_at: Instant;
	submitted_at: Instant | null;
}

export interface ProposalNeedTable {
	proposal_id: number;
	need_id: number;
}

export interface ReviewAssignmentTable {
	id: Generated<number>;
	round_id: number;
	proposal_id: number;
	reviewer_id: number;
	status: 'assigned' | 'submitted';
	comment: string | null;
	private_note: string | null;
	assigned_at: Instant;
	submitted_at: Instant | null;
}

export interface ReviewScoreTable {
	assignment_id: number;
	criterion_id: number;
	score: number;
}

export interface Database
	extends NeedsRegistryTables,
		ProposalDetailTables,
		ReviewPanelTables,
		DecisionNoticeTables {
	organisations: OrganisationTable;
	users: UserTable;
	sessions: SessionTable;
	invitations: InvitationTable;
	audit_log: AuditLogTable;
	rounds: RoundTable;
	rubric_criteria: RubricCriterionTable;
	needs: NeedTable;
	proposals: ProposalTable;
	proposal_needs: ProposalNeedTable;
	review_assignments: ReviewAssignmentTable;
	review_scores: ReviewScoreTable;
}

export type Round = Selectable<RoundTable>;
export type NewRound = Insertable<RoundTable>;
export type RoundUpdate = Updateable<RoundTable>;
export type User = Selectable<UserTable>;
export type Need = Selectable<NeedTable>;
export type Proposal = Selectable<ProposalTable>;
