import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { AUDIT_PAGE_SIZE, auditActions, listAudit } from '$lib/server/audit';
import { listAdmins } from '$lib/server/users';
import { auditFilterSchema as filterSchema } from '$lib/schemas/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const filter = filterSchema.parse(Object.fromEntries(event.url.searchParams));
	const db = getDb();
	const rows = await listAudit(db, {
		action: filter.action || undefined,
		entity: filter.entity || undefined,
		entityId: filter.entityId || undefined,
		actorId: filter.actor,
		page: filter.page
	});
	const actors = await listAdmins(db);
	return {
		entries: rows.slice(0, AUDIT_PAGE_SIZE),
		hasMore: rows.length > AUDIT_PAGE_SIZE,
		page: filter.page ?? 1,
		filter: {
			action: filter.action ?? '',
			entity: filter.entity ?? '',
			entityId: filter.entityId ?? '',
			actor: filter.actor ? String(filter.actor) : ''
		},
		actions: await auditActions(db),
		actors
	};
};
