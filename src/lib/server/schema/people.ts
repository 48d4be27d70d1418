/**
 * Tables of people and their data (account lifecycle, privacy, two-factor sign-in, questions).
 * Merged into Database.
 */
import type { Generated } from 'kysely';
import type { Instant } from './instant';


export interface PasswordResetTable {
	id: string;
	/** SHA-256 of the link's secret: the link itself is shown (or mailed) once. */
	token_hash: string;
	user_id: number;
	created_by: number;
	created_at: Instant;
	expires_at: Instant;
	used_at: Instant | null;
}

/** The federation's settings an admin changes (retention, two-factor sign-in), one row a key. */
export interface AppSettingTable {
	key: string;
	value: string;
	updated_at: Instant;
	updated_by: number | null;
}

/** An account's single-use recovery codes for two-factor sign-in: only a SHA-256 of each kept. */
export interface RecoveryCodeTable {
	id: string;
	user_id: number;
	code_hash: string;
	created_at: Instant;
	used_at: Instant | null;
}

/** A station's question about a round's rules, and the admins' published answer. */
export interface RoundQuestionTable {
	id: Generated<number>;
	round_id: number;
	/** Private: who asked is never published. */
	organisation_id: number;
	asked_by: number;
	question: string;
	asked_at: Instant;
	answer: string | null;
	answered_by: number | null;
	answered_at: Instant | null;
}

export interface PeopleTables {
	round_questions: RoundQuestionTable;
	recovery_codes: RecoveryCodeTable;
	password_resets: PasswordResetTable;
	app_settings: AppSettingTable;
}
