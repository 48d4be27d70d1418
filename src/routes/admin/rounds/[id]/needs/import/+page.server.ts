import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRoundAccess } from '$lib/server/auth/guard';
import { importNeeds, NEED_IMPORT_MAX_BYTES } from '$lib/server/needs-import';
import { readTableFile } from '$lib/server/table-file';
import { phaseOf } from '$lib/server/rounds';
import { formError } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { round } = await requireRoundAccess(event, event.params.id);
	return { round: { id: round.id, title: round.title, phase: phaseOf(round) } };
};

export const actions: Actions = {
	default: async (event) => {
		const { user, round } = await requireRoundAccess(event, event.params.id);
		const data = await event.request.formData();
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { errors: formError('places.err.noFile') });
		if (file.size > NEED_IMPORT_MAX_BYTES) return fail(400, { errors: formError('places.err.tooBig') });
		const read = await readTableFile(new Uint8Array(await file.arrayBuffer()));
		if (!read.ok) return fail(400, { errors: read.errors });
		const result = await importNeeds(getDb(), round, read.value.rows, user.id);
		if (!result.ok) {
			return fail(400, { format: read.value.format, rowErrors: result.errors.slice(0, 100), more: Math.max(0, result.errors.length - 100) });
		}
		// The receipts are shown once, to print and hand to the residents.
		return { format: read.value.format, receipts: result.receipts };
	}
};
