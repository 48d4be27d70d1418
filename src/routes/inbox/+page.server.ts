import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { listNotices, markNoticesRead } from '$lib/server/notify';
import { mailConfigured } from '$lib/server/mail';
import type { Actions, PageServerLoad } from './$types';

/** The inbox: every account's notices (reviewers also see the unread ones on /review). */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const notices = await listNotices(getDb(), user.id, 50);
	return {
		notices: notices.map((n) => ({ id: n.id, kind: n.kind, params: n.params, link: n.link, createdAt: n.createdAt, unread: n.unread })),
		mail: mailConfigured()
	};
};

export const actions: Actions = {
	read: async (event) => {
		const user = requireUser(event);
		// Only what the page showed: a notice that came in since stays unread.
		const upTo = Number((await event.request.formData()).get('upTo'));
		if (Number.isSafeInteger(upTo) && upTo > 0) await markNoticesRead(getDb(), user.id, new Date(), upTo);
		redirect(303, '/inbox');
	}
};
