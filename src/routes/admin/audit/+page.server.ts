import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { AUDIT_PAGE_SIZE, auditActions, listAudit } from '$lib/server/audit';
import type { PageServerLoad } from './$types';

const filterSchema = z.object({
	action: z.string().max(60).optional().catch(undefined),
	entity: z.string().max(60).optional().catch(undefined),
	entityId: z.string().max(60).optional().catch(undefined),
	actor: z.coerce.number().int().positive().optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined)
});

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
	const actors = await db
		.selectFrom('users')
		.select(['id', 'name'])
		.where('role', '=', 'admin')
		.orderBy('name')
		.execute();
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
