/**
 * Tables added by the decision-notice migration. Columns added to the core tables are declared in
 * schema.ts itself; new tables go here and are merged into Database.
 */
import type { Generated } from 'kysely';
import type { Instant } from './instant';


export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';
/** What an upheld objection did to the funding line. */
export type ObjectionEffect = 'exclude' | 'none';

export interface ObjectionTable {
	id: Generated<number>;
	round_id: number;
	proposal_id: number;
	/** Private: admin only, never in public output or logs. */
	objector_name: string;
	/** Private: admin only, never in public output or logs. */
	objector_contact: string;
	reason: string;
	submission_key: string | null;
	status: Generated<ObjectionStatus>;
	/** Public once answered. */
	response: string | null;
	effect: ObjectionEffect | null;
	answered_by: number | null;
	answered_at: Instant | null;
	created_at: Instant;
	/** Privacy migration: when the objector consented, and when their name and contact were erased. */
	contact_consent_at?: Instant | null;
	contact_erased_at?: Instant | null;
}

export interface DecisionNoticeTables {
	objections: ObjectionTable;
}
