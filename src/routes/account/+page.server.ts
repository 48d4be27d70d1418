import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from '$lib/server/auth/password';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { setPassword } from '$lib/server/users';
import { audit } from '$lib/server/audit';
import { fieldError, fieldErrors, formValues } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

const schema = z
	.object({
		current: z.string().min(1, 'err.required').max(PASSWORD_MAX),
		password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'password.mismatch' });

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { account: { name: user.name, email: user.email, role: user.role } };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = schema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const db = getDb();
		const row = await db
			.selectFrom('users')
			.select('password_hash')
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		if (!(await verifyPassword(row.password_hash, parsed.data.current))) {
			return fail(400, { errors: fieldError('current', 'password.wrongCurrent') });
		}
		await setPassword(db, user.id, parsed.data.password);
		// Someone who learnt the old password loses every session but this one.
		await invalidateUserSessions(db, user.id, event.locals.session?.id);
		await audit(db, { actorId: user.id, action: 'user.password_change', entity: 'user', entityId: user.id });
		redirect(303, '/account?changed=1');
	}
};
