import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.session) await invalidateSession(getDb(), locals.session.id);
	deleteSessionCookie(cookies, url);
	redirect(303, '/');
};
