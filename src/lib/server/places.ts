import type { DB } from './db';
import { ok, refuseField, type Outcome } from './outcome';
import type { PlaceKind } from './schema/needs';
import type { MessageKey, Params } from '../i18n';
import { PLACE_IMPORT_MAX_ROWS, PLACE_NAME_MAX } from '../schemas/places';
import { audit } from './audit';

export interface PlaceNode {
	id: number;
	name: string;
}
export interface StreetNode extends PlaceNode {
	communities: PlaceNode[];
}
export interface DistrictNode extends PlaceNode {
	streets: StreetNode[];
}

/** The districts in import order: the first step of a need form's place. */
export async function listDistricts(db: DB): Promise<PlaceNode[]> {
	return db.selectFrom('places').select(['id', 'name']).where('kind', '=', 'district').orderBy('position').orderBy('id').execute();
}

/** One district's streets with their communities, in import order; none for an id that is not a district. */
export async function streetsOfDistrict(db: DB, districtId: number): Promise<StreetNode[]> {
	if (!Number.isSafeInteger(districtId) || districtId <= 0) return [];
	const streets = await db
		.selectFrom('places as s')
		.innerJoin('places as d', 'd.id', 's.parent_id')
		.select(['s.id', 's.name'])
		.where('d.id', '=', districtId)
		.where('d.kind', '=', 'district')
		.where('s.kind', '=', 'street')
		.orderBy('s.position')
		.orderBy('s.id')
		.execute();
	if (streets.length === 0) return [];
	const communities = await db
		.selectFrom('places')
		.select(['id', 'name', 'parent_id'])
		.where('kind', '=', 'community')
		.where('parent_id', 'in', streets.map((s) => s.id))
		.orderBy('position')
		.orderBy('id')
		.execute();
	return streets.map((s) => ({ id: s.id, name: s.name, communities: communities.filter((c) => c.parent_id === s.id).map((c) => ({ id: c.id, name: c.name })) }));
}

/** The whole hierarchy in import order: small enough (a city's ~3,000 places) to send a form. */
export async function listPlaceTree(db: DB): Promise<DistrictNode[]> {
	const rows = await db
		.selectFrom('places')
		.select(['id', 'kind', 'name', 'parent_id'])
		.orderBy('position')
		.orderBy('id')
		.execute();
	const districts: DistrictNode[] = [];
	const streets = new Map<number, StreetNode>();
	const byDistrict = new Map<number, DistrictNode>();
	for (const r of rows) {
		if (r.kind === 'district') {
			const d = { id: r.id, name: r.name, streets: [] };
			districts.push(d);
			byDistrict.set(r.id, d);
		}
	}
	for (const r of rows) {
		if (r.kind !== 'street' || r.parent_id === null) continue;
		const s = { id: r.id, name: r.name, communities: [] };
		streets.set(r.id, s);
		byDistrict.get(r.parent_id)?.streets.push(s);
	}
	for (const r of rows) {
		if (r.kind === 'community' && r.parent_id !== null) {
			streets.get(r.parent_id)?.communities.push({ id: r.id, name: r.name });
		}
	}
	return districts;
}

export interface PlaceChoice {
	district_id: number | null;
	street_id: number | null;
	community_id: number | null;
}

export interface ResolvedPlace {
	districtId: number;
	district: string;
	streetId: number;
	street: string;
	communityId: number | null;
	community: string | null;
}

/**
 * Checks that the chosen street lies in the chosen district (and the community in the street);
 * refuses the first field whose place does not exist or does not nest.
 */
export async function resolvePlace(db: DB, choice: PlaceChoice): Promise<Outcome<ResolvedPlace>> {
	const ids = [choice.district_id, choice.street_id, choice.community_id].filter(
		(v): v is number => v !== null
	);
	const rows = ids.length
		? await db.selectFrom('places').select(['id', 'kind', 'name', 'parent_id']).where('id', 'in', ids).execute()
		: [];
	const find = (id: number | null, kind: PlaceKind) => rows.find((r) => r.id === id && r.kind === kind);
	const district = find(choice.district_id, 'district');
	if (!district) return refuseField('district_id', 'needs.err.place');
	const street = find(choice.street_id, 'street');
	if (!street || street.parent_id !== district.id) return refuseField('street_id', 'needs.err.place');
	let community: (typeof rows)[number] | undefined;
	if (choice.community_id !== null) {
		community = find(choice.community_id, 'community');
		if (!community || community.parent_id !== street.id) return refuseField('community_id', 'needs.err.place');
	}
	return ok({
		districtId: district.id,
		district: district.name,
		streetId: street.id,
		street: street.name,
		communityId: community?.id ?? null,
		community: community?.name ?? null
	});
}

/** Adds a place under `parentId` unless its path exists; returns its id either way. */
async function ensurePlace(
	db: DB,
	kind: PlaceKind,
	name: string,
	parent: { id: number; path: string } | null,
	position: number,
	now: string
): Promise<{ id: number; path: string; added: boolean }> {
	const path = parent ? `${parent.path}/${name}` : name;
	const existing = await db.selectFrom('places').select('id').where('path', '=', path).executeTakeFirst();
	if (existing) return { id: existing.id, path, added: false };
	const { id } = await db
		.insertInto('places')
		.values({ kind, name, parent_id: parent?.id ?? null, path, position, created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id, path, added: true };
}

export interface PlaceRow {
	district: string;
	street: string;
	community: string;
}

/** Adds the rows' places (district, street, community), skipping those already there. */
export async function addPlaces(db: DB, rows: readonly PlaceRow[]): Promise<number> {
	const now = new Date().toISOString();
	let added = 0;
	let position = Number(
		(await db.selectFrom('places').select((eb) => eb.fn.max('position').as('m')).executeTakeFirst())?.m ?? 0
	);
	for (const row of rows) {
		const d = await ensurePlace(db, 'district', row.district, null, ++position, now);
		added += Number(d.added);
		if (!row.street) continue;
		const s = await ensurePlace(db, 'street', row.street, d, ++position, now);
		added += Number(s.added);
		if (!row.community) continue;
		const c = await ensurePlace(db, 'community', row.community, s, ++position, now);
		added += Number(c.added);
	}
	return added;
}

export interface ImportRowError {
	/** The line in the file, counting the header as line 1. */
	line: number;
	key: MessageKey;
	params?: Params;
}

export type PlaceImportResult =
	| { ok: true; rows: number; added: number }
	| { ok: false; errors: ImportRowError[] };

const HEADERS: Record<string, keyof PlaceRow> = {
	区: 'district',
	district: 'district',
	'街道/镇': 'street',
	街道: 'street',
	镇街: 'street',
	street: 'street',
	'社区/村': 'community',
	社区: 'community',
	community: 'community'
};

/**
 * Reads a table of places (header 区,街道/镇,社区/村; a row may stop at the district or street),
 * as `readTableFile` gives it from a CSV or .xlsx, and checks every row before anything is
 * stored: one bad row means nothing is imported.
 */
export function parsePlacesTable(table: readonly (readonly string[])[]): { rows: PlaceRow[]; errors: ImportRowError[] } {
	const errors: ImportRowError[] = [];
	if (table.length === 0) return { rows: [], errors: [{ line: 1, key: 'places.err.empty' }] };
	const columns = table[0].map((h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()]);
	if (!columns.includes('district') || !columns.includes('street')) {
		return { rows: [], errors: [{ line: 1, key: 'places.err.header' }] };
	}
	if (table.length - 1 > PLACE_IMPORT_MAX_ROWS) {
		return { rows: [], errors: [{ line: 1, key: 'places.err.tooMany', params: { max: PLACE_IMPORT_MAX_ROWS } }] };
	}
	const rows: PlaceRow[] = [];
	table.slice(1).forEach((cells, i) => {
		const line = i + 2;
		const row: PlaceRow = { district: '', street: '', community: '' };
		columns.forEach((column, j) => {
			if (column) row[column] = (cells[j] ?? '').trim();
		});
		if (cells.length > table[0].length && cells.slice(table[0].length).some((c) => c.trim())) {
			errors.push({ line, key: 'places.err.extraCells' });
		} else if (!row.district) {
			errors.push({ line, key: 'places.err.noDistrict' });
		} else if (row.community && !row.street) {
			errors.push({ line, key: 'places.err.noStreet' });
		} else if ([row.district, row.street, row.community].some((n) => n.length > PLACE_NAME_MAX)) {
			errors.push({ line, key: 'places.err.tooLong', params: { max: PLACE_NAME_MAX } });
		} else if ([row.district, row.street, row.community].some((n) => /[/\u0000-\u001f]/.test(n))) {
			errors.push({ line, key: 'places.err.badName' });
		} else {
			rows.push(row);
		}
	});
	if (rows.length === 0 && errors.length === 0) errors.push({ line: 2, key: 'places.err.empty' });
	return { rows, errors };
}

/** Imports a table of places all or nothing, and records who did it. */
export async function importPlaces(
	db: DB,
	table: readonly (readonly string[])[],
	actorId: number
): Promise<PlaceImportResult> {
	const { rows, errors } = parsePlacesTable(table);
	if (errors.length) return { ok: false, errors };
	const added = await db.transaction().execute(async (trx) => {
		const n = await addPlaces(trx, rows);
		await audit(trx, { actorId, action: 'places.import', entity: 'place', detail: { rows: rows.length, added: n } });
		return n;
	});
	return { ok: true, rows: rows.length, added };
}

/** How many places of each kind are stored. */
export async function placeCounts(db: DB): Promise<Record<PlaceKind, number>> {
	const rows = await db
		.selectFrom('places')
		.select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('kind')
		.execute();
	const out: Record<PlaceKind, number> = { district: 0, street: 0, community: 0 };
	for (const r of rows) out[r.kind] = Number(r.n);
	return out;
}
