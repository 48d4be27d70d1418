/** Tables of the grants migration: the ledger, agreements, tranches and closings. */
import type { Generated } from 'kysely';

/** A calendar day, YYYY-MM-DD, in the round's time zone. */
type Day = string;

import type { EntryKind as LedgerKind } from '../../domain/ledger';
import type { ClosingOutcome, TrancheCondition } from '../../domain/project-lifecycle';
import type { Instant } from './instant';

/** One money move; never updated or deleted (the database refuses). */
export interface LedgerEntryTable {
	id: Generated<number>;
	kind: LedgerKind;
	from_account: string;
	to_account: string;
	amount_fen: number;
	/** Null for an entry of a fund alone (an income); see funds.ts. */
	round_id: number | null;
	proposal_id: number | null;
	tranche_id: number | null;
	reverses_id: number | null;
	occurred_on: Day;
	reference: string;
	reason: string | null;
	actor_id: number | null;
	created_at: Instant;
	/** Added by the funds migration: the fund of an income or an allocation. */
	fund_id?: number | null;
	/** Added by the money-requests migration: the second admin who approved it (four eyes), else null. */
	approved_by?: number | null;
}

export interface AgreementTable {
	proposal_id: number;
	round_id: number;
	number: string;
	signed_on: Day;
	award_fen: number;
	/** Private: the admin and the station only. */
	payee_account_name: string;
	plan_reason: string | null;
	recorded_by: number | null;
	recorded_at: Instant;
}

export interface TrancheTable {
	id: Generated<number>;
	proposal_id: number;
	position: number;
	amount_fen: number;
	condition: TrancheCondition;
	condition_met_at: Instant | null;
	condition_met_by: number | null;
	condition_reason: string | null;
}

export interface ProjectClosingTable {
	proposal_id: number;
	outcome: ClosingOutcome;
	closed_on: Day;
	note: string;
	return_due_fen: number;
	recorded_by: number | null;
	recorded_at: Instant;
}

export interface GrantTables {
	ledger_entries: LedgerEntryTable;
	agreements: AgreementTable;
	tranches: TrancheTable;
	project_closings: ProjectClosingTable;
}
