import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { personalData } from '$lib/server/privacy';
import { privacyLookupSchema } from '$lib/schemas/users';
import type { RequestHandler } from './$types';

/** What is kept about the resident holding a receipt code, as a file to hand to them (audited). */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'admin');
	const parsed = privacyLookupSchema.safeParse({ code: event.url.searchParams.get('code') ?? '' });
	if (!parsed.success) error(400, 'a receipt code is needed');
	const found = await personalData(getDb(), { code: parsed.data.code, actorId: user.id, purpose: 'export' });
	if (!found.ok) error(404, 'not found');
	return json(found.value, {
		headers: {
			'content-disposition': `attachment; filename="personal-data-${found.value.receiptCode}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
