/** The outbox of e-mails (outbox migration): written with the change, sent after the response. Merged into Database. */
import type { Generated } from 'kysely';
import type { Instant } from './instant';


export interface OutboxTable {
	id: Generated<number>;
	/** The address, taken when the message was written (private: admins see it masked). */
	recipient: string;
	subject: string;
	body: string;
	created_at: Instant;
	attempts: Generated<number>;
	next_attempt_at: Instant;
	claimed_until: Instant | null;
	last_error: string | null;
	sent_at: Instant | null;
}

export interface OutboxTables {
	outbox: OutboxTable;
}
