import { getDb } from '$lib/server/db';
import { unreadCount } from '$lib/server/notify';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
	// Admins and stations read their notices at /inbox (reviewers on /review).
	unread: locals.user && locals.user.role !== 'reviewer' ? await unreadCount(getDb(), locals.user.id) : null
});
