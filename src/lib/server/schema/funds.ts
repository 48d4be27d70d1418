/** Tables of the funds migration: the register of funds and what the public may read of incomes. */
import type { Generated } from 'kysely';
import type { FundKind, SourceType } from '../../domain/fund-ledger';
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

export interface FundTables {
	funds: FundTable;
	fund_incomes: FundIncomeTable;
}
