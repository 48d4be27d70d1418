import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { importPlaces, listPlaceTree, placeCounts } from '$lib/server/places';
import { readTableFile, TABLE_FORMATS } from '$lib/server/table-file';
import { addGuangzhouPlaces } from '$lib/server/seed/places';
import { formError } from '$lib/schemas/form';
import { PLACE_IMPORT_MAX_BYTES } from '$lib/schemas/places';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const n = (name: string) => {
		const v = Number(event.url.searchParams.get(name));
		return Number.isSafeInteger(v) && v >= 0 ? v : null;
	};
	return {
		counts: await placeCounts(db),
		tree: await listPlaceTree(db),
		imported: event.url.searchParams.has('added') ? { rows: n('rows') ?? 0, added: n('added') ?? 0 } : null,
		format: TABLE_FORMATS.find((f) => f === event.url.searchParams.get('format')) ?? null
	};
};

export const actions: Actions = {
	import: async (event) => {
		const user = requireRole(event, 'admin');
		const data = await event.request.formData();
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { errors: formError('places.err.noFile') });
		if (file.size > PLACE_IMPORT_MAX_BYTES) return fail(400, { errors: formError('places.err.tooBig') });
		const read = await readTableFile(new Uint8Array(await file.arrayBuffer()));
		if (!read.ok) return fail(400, { errors: read.errors });
		const table = read.value;
		const result = await importPlaces(getDb(), table.rows, user.id);
		if (!result.ok) {
			return fail(400, { format: table.format, rowErrors: result.errors.slice(0, 100), more: Math.max(0, result.errors.length - 100) });
		}
		redirect(303, `/admin/places?rows=${result.rows}&added=${result.added}&format=${table.format}`);
	},
	seed: async (event) => {
		const user = requireRole(event, 'admin');
		const added = await addGuangzhouPlaces(getDb(), user.id);
		redirect(303, `/admin/places?rows=0&added=${added}`);
	}
};
