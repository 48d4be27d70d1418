/**
 * Tables that keep people and records safe: rate limits, trusted browsers, form submissions,
 * and the published records of confirmed lists. Merged into Database.
 */
import type { Generated } from 'kysely';
import type { Instant } from './instant';


export interface RateLimitTable {
	bucket: string;
	/** SHA-256 of the subject (an address key, an email). */
	subject: string;
	count: number;
	window_ends_at: Instant;
	blocked_until: Instant | null;
}

export interface TrustedDeviceTable {
	id: string;
	user_id: number;
	secret_hash: string;
	created_at: Instant;
	last_used_at: Instant;
	expires_at: Instant;
	failures: Generated<number>;
	locked_until: Instant | null;
}

export interface FormSubmissionTable {
	id: string;
	state: 'running' | 'done';
	answer: string | null;
	created_at: Instant;
}

export interface PublishedRecordTable {
	id: Generated<number>;
	round_id: number;
	version: number;
	/** JSON: the public line and the funded projects' pages, as published. */
	content: string;
	reason: string | null;
	created_by: number | null;
	created_at: Instant;
}

export interface SafeguardTables {
	published_records: PublishedRecordTable;
	rate_limits: RateLimitTable;
	trusted_devices: TrustedDeviceTable;
	form_submissions: FormSubmissionTable;
}
