import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { kickOutbox, listOutbox, retryOutboxNow } from '$lib/server/outbox';
import { mailConfigured } from '$lib/server/mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { messages: await listOutbox(getDb()), mail: mailConfigured(), retried: event.url.searchParams.get('retried') };
};

export const actions: Actions = {
	retry: async (event) => {
		const user = requireRole(event, 'admin');
		const db = getDb();
		const count = await retryOutboxNow(db, user.id);
		kickOutbox(db);
		redirect(303, `/admin/outbox?retried=${count}`);
	}
};
