/** Tables of the funds migration: the register of funds and what the public may read of incomes. */
import type { Generated } from 'kysely';
import type { FundKind, SourceType } from '../../domain/fund-ledger';
import type { EntryKind as LedgerKind } from '../../domain/ledger';
import type { Instant } from './instant';

export interface FundTable {
	id: Generated<number>;
	name: string;
	kind: FundKind;
	street_id: number | null;
	host: Generated<string>;
	description: Generated<string>;
	/** The sum of the fund's ledger entries, kept by each write that locks the row. */
	balance_fen: Generated<number>;
	created_by: number | null;
	created_at: Instant;
}

/** One income's details beside its ledger entry; never updated or deleted (the database refuses). */
export interface FundIncomeTable {
	entry_id: number;
	fund_id: number;
	source_type: SourceType;
	/** Private unless donor_consent is 1. */
	donor_name: string | null;
	donor_consent: Generated<number>;
	campaign: Generated<string>;
	import_reference: string | null;
}

/** What a money request asks for, and where it stands: see money-requests.ts. */
export type { MoneyRequestKind, MoneyRequestStatus } from '../../domain/money-requests';
import type { MoneyRequestKind, MoneyRequestStatus } from '../../domain/money-requests';

/**
 * A payment, allocation or reversal above the federation's threshold, waiting for a second admin:
 * nothing is in the ledger until it is approved (then result_entry_id names the entry written).
 */
export interface MoneyRequestTable {
	id: Generated<number>;
	kind: MoneyRequestKind;
	amount_fen: number;
	round_id: number | null;
	proposal_id: number | null;
	tranche_id: number | null;
	fund_id: number | null;
	entry_id: number | null;
	entry_kind: LedgerKind | null;
	occurred_on: string | null;
	reference: Generated<string>;
	reason: string | null;
	requested_by: number;
	requested_at: Instant;
	status: Generated<MoneyRequestStatus>;
	decided_by: number | null;
	decided_at: Instant | null;
	decision_reason: string | null;
	result_entry_id: number | null;
}

/**
 * Matching realised: a memo beside the money (no fen moves, no balance counts it), pledged at
 * signing from the proposal or delivered per the accepted final report; never changed.
 */
export interface MatchingMemoTable {
	id: Generated<number>;
	kind: 'pledged' | 'delivered';
	round_id: number;
	proposal_id: number;
	cash_fen: number;
	volunteer_hours: number;
	hour_rate_fen: number;
	value_fen: number;
	occurred_on: string;
	actor_id: number | null;
	created_at: Instant;
}

export interface FundTables {
	funds: FundTable;
	fund_incomes: FundIncomeTable;
	money_requests: MoneyRequestTable;
	matching_memos: MatchingMemoTable;
}
