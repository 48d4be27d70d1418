import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { changePassword } from '$lib/server/users';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { passwordChangeSchema as schema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { account: { name: user.name, email: user.email, role: user.role } };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = schema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const changed = await changePassword(getDb(), {
			userId: user.id,
			current: parsed.data.current,
			password: parsed.data.password,
			keepSessionId: event.locals.session?.id
		});
		if (!changed.ok) return fail(httpStatus(changed), { errors: changed.errors });
		redirect(303, '/account?changed=1');
	}
};
