import { z } from 'zod';

/** The audit log's filter in the URL: anything unreadable is ignored rather than refused (the URL is hand-editable). */
export const auditFilterSchema = z.object({
	action: z.string().max(60).optional().catch(undefined),
	entity: z.string().max(60).optional().catch(undefined),
	entityId: z.string().max(60).optional().catch(undefined),
	actor: z.coerce.number().int().positive().optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined)
});
