/**
 * Tables of people and their data (account lifecycle, privacy, two-factor sign-in, questions).
 * Merged into Database.
 */
type Instant = string;

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

export interface PeopleTables {
	recovery_codes: RecoveryCodeTable;
	password_resets: PasswordResetTable;
	app_settings: AppSettingTable;
}
