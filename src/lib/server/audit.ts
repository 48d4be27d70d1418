import type { DB } from './db';

export interface AuditEntry {
	actorId: number | null;
	action: string;
	entity: string;
	entityId?: string | number | null;
	reason?: string | null;
	detail?: Record<string, unknown>;
}

/**
 * Appends to the audit log. The log is append-only: nothing in the app updates or deletes it.
 * `detail` must never hold personal data (contacts, private notes).
 */
export async function audit(db: DB, entry: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: new Date().toISOString(),
			actor_id: entry.actorId,
			action: entry.action,
			entity: entry.entity,
			entity_id: entry.entityId == null ? null : String(entry.entityId),
			reason: entry.reason ?? null,
			detail: entry.detail ? JSON.stringify(entry.detail) : null
		})
		.execute();
}

export interface AuditFilter {
	action?: string;
	entity?: string;
	entityId?: string;
	actorId?: number;
	page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(db: DB, filter: AuditFilter) {
	let query = db
		.selectFrom('audit_log')
		.leftJoin('users', 'users.id', 'audit_log.actor_id')
		.select([
			'audit_log.id',
			'audit_log.at',
			'audit_log.action',
			'audit_log.entity',
			'audit_log.entity_id',
			'audit_log.reason',
			'audit_log.detail',
			'users.name as actor_name',
			'users.email as actor_email'
		]);
	if (filter.action) query = query.where('audit_log.action', '=', filter.action);
	if (filter.entity) query = query.where('audit_log.entity', '=', filter.entity);
	if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId);
	if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
	const page = Math.max(1, filter.page ?? 1);
	return query
		.orderBy('audit_log.id', 'desc')
		.limit(AUDIT_PAGE_SIZE + 1)
		.offset((page - 1) * AUDIT_PAGE_SIZE)
		.execute();
}

export async function auditActions(db: DB): Promise<string[]> {
	const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
	return rows.map((r) => r.action);
}
