/**
 * The database as Kysely reads it: one interface, `Database`, joined from a file per concept in
 * this folder (people, needs, proposals, reviews, objections, grants, funds, reports…). The tables
 * are created by the migrations (migrations/); a new table goes into its concept's file here.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CalendarDayTable, CalendarYearTable } from './calendar';
import type { NeedsRegistryTables } from './needs';
import type { ProposalDetailTables } from './proposals';
import type { ReviewPanelTables } from './reviews';
import type { DecisionNoticeTables } from './objections';
import type { SafeguardTables } from './safeguards';
import type { RankingBasis } from '../../domain/ranking';
import type { NeedStatus } from '../../domain/need-status';
import type { RecordStatus } from '../../domain/status';
import type { GrantTables } from './grants';
import type { ReportTables } from './reports';
import type { ReportExtraTables } from './report-extras';
import type { EvaluationTables } from './evaluations';
import type { OutboxTables } from './outbox';
import type { NeedSearchTables } from './need-search';
import type { VersionTables } from './versions';
import type { PeopleTables } from './people';
import type { FundTables } from './funds';
import type { Instant } from './instant';

export type { Instant };

/**
 * 'admin' is the federation's admin (sees and supervises everything); 'fund_admin' runs the rounds
 * of one community fund only (users.fund_id) and passes no check written for 'admin'.
 */
export type Role = 'admin' | 'fund_admin' | 'station' | 'reviewer';

export interface OrganisationTable {
	id: Generated<number>;
	name: string;
	kind: string;
	district: string;
	created_at: Instant;
	registration_no: Generated<string>;
	street: Generated<string>;
	/** Communities served, one per line. */
	communities: Generated<string>;
	contact_name: Generated<string>;
	contact_phone: Generated<string>;
	introduction: Generated<string>;
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
	/** Two-factor migration: the TOTP key (base32) once enrolled, and when. */
	totp_key?: string | null;
	totp_enrolled_at?: Instant | null;
	/** The last TOTP time step accepted: a code is good once. */
	totp_last_step?: number | null;
	/** Fund admins migration: the fund a fund admin runs the rounds of (null for every other role). */
	fund_id: Generated<number | null>;
}

export interface SessionTable {
	id: string;
	user_id: number;
	secret_hash: string;
	created_at: Instant;
	expires_at: Instant;
	/** Two-factor migration: when this session's second factor was checked. */
	two_factor_at?: Instant | null;
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
	/** Fund admins migration: the fund of an invited fund admin. */
	fund_id: Generated<number | null>;
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
	/** Fund admins migration: the fund whose admins run the round; null for a federation round. */
	fund_id: Generated<number | null>;
	/** Review panel: when reviewers see each other's scores, blind review, which score ranks. */
	score_visibility: Generated<'after_submit' | 'never'>;
	blind_review: Generated<number>;
	ranking_score: Generated<RankingBasis>;
	/** Decision and notice: the funding line's rules, the notice's clock, the final list. */
	notice_working_days: Generated<number>;
	funding_tie_rule: Generated<'lower_request' | 'earlier_submission'>;
	funding_min_score: number | null;
	/**
	 * JSON { placeId: fen }: the most each capped district (a place of kind district) may receive.
	 * Rounds with decision_format 1 keep the district texts they were decided with.
	 */
	district_caps: Generated<string>;
	/** JSON { text: fen }: caps whose text named no district when caps moved to place ids. */
	district_caps_unmatched: Generated<string>;
	/** 1: decided before record format 2 (kept as published); 2: decided from format 2 on. */
	decision_format: Generated<number>;
	/** Secret salt of the round's reviewer pseudonyms (pseudonyms.ts); null until first needed. */
	pseudonym_salt: string | null;
	/** 1 when the round draws a published partial lottery for its grey zone. */
	grey_zone_lottery: Generated<number>;
	line_drawn_at: Instant | null;
	notice_published_at: Instant | null;
	notice_ends_at: Instant | null;
	results_confirmed_at: Instant | null;
	/** Proposal rules: matching share, personnel and admin caps (percent of the grant). */
	matching_min_pct: Generated<number>;
	personnel_max_pct: Generated<number>;
	admin_max_pct: Generated<number>;
	/** JSON array of banned budget category keys. */
	banned_categories: Generated<string>;
	volunteer_hour_fen: Generated<number>;
	/** JSON array of the eligibility checklist's items. */
	eligibility_checklist: Generated<string>;
	/** Round-questions migration: when stations may no longer ask (null: the application deadline). */
	questions_close_at?: Instant | null;
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
	guidance_low: Generated<string>;
	guidance_fair: Generated<string>;
	guidance_good: Generated<string>;
	guidance_excellent: Generated<string>;
}

export type { NeedStatus };

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
	// Added by the needs-registry migration (all optional so older inserts keep working).
	district_id?: number | null;
	street_id?: number | null;
	community_id?: number | null;
	community?: string | null;
	merged_into?: number | null;
	merged_at?: Instant | null;
	declined_at?: Instant | null;
	original_title?: string | null;
	original_description?: string | null;
	original_affected_group?: string | null;
	carried_from_round_id?: number | null;
	/** 1 once need_bigrams holds this text's pairs (need-search migration); 0 for a new or edited text. */
	search_indexed: Generated<number>;
	// Added by the privacy migration: when the resident consented to their contact being kept, and
	// when it was erased (retention, or their request).
	contact_consent_at?: Instant | null;
	contact_erased_at?: Instant | null;
	// Added by the need-intake migration: how the need came in, and who entered it for the resident.
	channel?: NeedChannel;
	entered_by?: number | null;
}

/** How a need reached the portal: the resident online, or staff from paper, a call or a visit. */
export type NeedChannel = 'online' | 'paper' | 'phone' | 'visit';

/** A proposal's record status: the list lives with the status model (`domain/status.ts`). */
export type ProposalStatus = RecordStatus;

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
	target_group: Generated<string>;
	beneficiaries: number | null;
	team: Generated<string>;
	matching_cash_fen: Generated<number>;
	volunteer_hours: Generated<number>;
	revision_due_at: Instant | null;
	/** What the funding line said, and the admin's inputs to it (decision-notice migration). */
	funding_rank: number | null;
	funding_reason: string | null;
	ranking_score: number | null;
	reduced_award_fen: number | null;
	reduced_award_reason: string | null;
	line_override: 'fund' | 'exclude' | null;
	line_override_reason: string | null;
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
	started_at: Generated<Instant | null>;
	reminded_at: Generated<Instant | null>;
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
		DecisionNoticeTables,
		SafeguardTables,
		GrantTables,
		ReportTables,
		ReportExtraTables,
		EvaluationTables,
		FundTables,
		OutboxTables,
		NeedSearchTables,
		VersionTables,
		PeopleTables {
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
	calendar_years: CalendarYearTable;
	calendar_days: CalendarDayTable;
	grey_zone_lotteries: GreyZoneLotteryTable;
}

/** A round's partial lottery for its grey zone (see lib/domain/lottery.ts). */
export interface GreyZoneLotteryTable {
	round_id: number;
	/** JSON [{ id, score, se }] in rank order, in hundredths. */
	zone: string;
	z_hundredths: number;
	commitment: string;
	/** Secret until drawn_at. */
	seed: string;
	recorded_by: number | null;
	recorded_at: Instant;
	drawn_by: number | null;
	drawn_at: Instant | null;
	/** JSON: the zone's ids in the drawn order. */
	drawn_order: string | null;
}

export type Round = Selectable<RoundTable>;
export type NewRound = Insertable<RoundTable>;
export type RoundUpdate = Updateable<RoundTable>;
export type User = Selectable<UserTable>;
export type Need = Selectable<NeedTable>;
export type Proposal = Selectable<ProposalTable>;
