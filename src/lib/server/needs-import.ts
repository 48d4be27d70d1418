/**
 * Needs collected on paper, imported by an admin from a CSV or .xlsx table (read by table-file.ts,
 * as the places import is): every row is checked by the very rules of the resident's form before
 * anything is stored, and one bad row means nothing is imported, with an error for each bad line.
 */
import type { DB } from './db';
import { writeTransaction } from './db';
import { audit } from './audit';
import { listCategories } from './categories';
import { reportNeed } from './needs';
import type { Round } from './schema';
import type { ImportRowError } from './places';
import { fieldErrors } from '../schemas/form';
import { isStaffChannel, needSchema, type NeedInput, type StaffChannel } from '../schemas/needs';

export const NEED_IMPORT_MAX_ROWS = 2_000;
export const NEED_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

type Column =
	| 'title'
	| 'description'
	| 'category'
	| 'district'
	| 'street'
	| 'community'
	| 'affected_group'
	| 'affected_count'
	| 'urgency'
	| 'contact_name'
	| 'contact_phone'
	| 'consent'
	| 'channel';

/** The header's words, Chinese or English, for each column. */
const HEADERS: Record<string, Column> = {
	标题: 'title',
	title: 'title',
	描述: 'description',
	需求描述: 'description',
	description: 'description',
	服务领域: 'category',
	category: 'category',
	区: 'district',
	district: 'district',
	街道: 'street',
	'街道/镇': 'street',
	street: 'street',
	社区: 'community',
	'社区/村': 'community',
	community: 'community',
	受益人群: 'affected_group',
	affected_group: 'affected_group',
	人数: 'affected_count',
	受益人数: 'affected_count',
	affected_count: 'affected_count',
	紧急程度: 'urgency',
	urgency: 'urgency',
	联系人: 'contact_name',
	contact_name: 'contact_name',
	联系电话: 'contact_phone',
	contact_phone: 'contact_phone',
	同意保存联系方式: 'consent',
	consent: 'consent',
	渠道: 'channel',
	channel: 'channel'
};

const REQUIRED: Column[] = ['title', 'description', 'category', 'district', 'street', 'affected_group'];
const URGENCY: Record<string, string> = { 低: 'low', 中: 'medium', 高: 'high', 一般: 'medium', 紧急: 'high' };
const CHANNEL: Record<string, StaffChannel> = { 纸质表: 'paper', 纸质: 'paper', 电话: 'phone', 来访: 'visit' };
const YES = new Set(['是', '同意', 'yes', 'y', '1', 'true', '✓']);

interface ImportRow {
	line: number;
	need: NeedInput;
	channel: StaffChannel;
}

/** The places by their names, to read a row's 区 / 街道 / 社区 as the form's ids. */
async function placeIndex(db: DB) {
	const rows = await db.selectFrom('places').select(['id', 'kind', 'name', 'parent_id']).execute();
	const key = (kind: string, parent: number | null, name: string) => `${kind}|${parent ?? ''}|${name}`;
	const index = new Map(rows.map((r) => [key(r.kind, r.parent_id, r.name), r.id]));
	return (kind: 'district' | 'street' | 'community', parent: number | null, name: string) => index.get(key(kind, parent, name.trim())) ?? null;
}

/** Reads and checks every row; the rows ready to store, or an error for each bad line. */
export async function parseNeedsTable(
	db: DB,
	table: readonly (readonly string[])[]
): Promise<{ rows: ImportRow[]; errors: ImportRowError[] }> {
	if (table.length < 2) return { rows: [], errors: [{ line: 1, key: 'people.import.err.empty' }] };
	const columns = table[0].map((h) => HEADERS[h.trim()] ?? HEADERS[h.trim().toLowerCase()]);
	const missing = REQUIRED.filter((c) => !columns.includes(c));
	if (missing.length) return { rows: [], errors: [{ line: 1, key: 'people.import.err.header', params: { columns: missing.join(', ') } }] };
	if (table.length - 1 > NEED_IMPORT_MAX_ROWS) {
		return { rows: [], errors: [{ line: 1, key: 'people.import.err.tooMany', params: { max: NEED_IMPORT_MAX_ROWS } }] };
	}
	const place = await placeIndex(db);
	const categories = await listCategories(db);
	const categoryKey = new Map(categories.flatMap((c) => [[c.key, c.key], [c.zh, c.key], [c.en.toLowerCase(), c.key]]));
	const rows: ImportRow[] = [];
	const errors: ImportRowError[] = [];
	table.slice(1).forEach((cells, i) => {
		const line = i + 2;
		const cell: Partial<Record<Column, string>> = {};
		columns.forEach((column, j) => {
			if (column) cell[column] = (cells[j] ?? '').trim();
		});
		const district = place('district', null, cell.district ?? '');
		const street = district === null ? null : place('street', district, cell.street ?? '');
		const community = street === null || !cell.community ? null : place('community', street, cell.community);
		if (district === null || street === null || (cell.community && community === null)) {
			errors.push({ line, key: 'people.import.err.place', params: { place: [cell.district, cell.street, cell.community].filter(Boolean).join(' ') } });
			return;
		}
		const channelText = cell.channel || 'paper';
		const channel = isStaffChannel(channelText) ? channelText : CHANNEL[channelText];
		if (!channel) {
			errors.push({ line, key: 'people.import.err.channel', params: { value: channelText } });
			return;
		}
		const form = {
			title: cell.title ?? '',
			description: cell.description ?? '',
			category: categoryKey.get(cell.category ?? '') ?? categoryKey.get((cell.category ?? '').toLowerCase()) ?? '',
			district_id: String(district),
			street_id: String(street),
			community_id: community === null ? '' : String(community),
			affected_group: cell.affected_group ?? '',
			affected_count: cell.affected_count ?? '',
			urgency: URGENCY[cell.urgency ?? ''] ?? (cell.urgency || 'medium'),
			contact_name: cell.contact_name ?? '',
			contact_phone: cell.contact_phone ?? '',
			consent: YES.has((cell.consent ?? '').toLowerCase()) ? 'on' : ''
		};
		if (!form.category) {
			errors.push({ line, key: 'people.import.err.category', params: { value: cell.category ?? '' } });
			return;
		}
		const parsed = needSchema.safeParse(form);
		if (!parsed.success) {
			const [field, first] = Object.entries(fieldErrors(parsed.error))[0];
			errors.push({ line, key: first!.key, params: { ...first!.params, field } });
			return;
		}
		rows.push({ line, need: parsed.data, channel });
	});
	return { rows, errors };
}

export type NeedImportResult = { ok: true; receipts: { line: number; receiptCode: string; title: string }[] } | { ok: false; errors: ImportRowError[] };

/**
 * Imports needs collected on paper into the round, all or nothing: each as entered by the admin
 * for a resident (channel paper unless the row says phone or visit), awaiting moderation like any
 * other; gives back each line's receipt code to hand to its resident.
 */
export async function importNeeds(db: DB, round: Round, table: readonly (readonly string[])[], actorId: number, now = new Date()): Promise<NeedImportResult> {
	const { rows, errors } = await parseNeedsTable(db, table);
	if (errors.length) return { ok: false, errors };
	return writeTransaction(db, async (trx) => {
		const receipts: { line: number; receiptCode: string; title: string }[] = [];
		for (const row of rows) {
			const stored = await reportNeed(trx, round, row.need, null, now, { channel: row.channel, enteredBy: actorId });
			// The call closed, or a category or place went, since the rows were read: nothing is kept.
			if (!stored.ok) {
				const first = Object.values(stored.errors)[0]!;
				throw new ImportRefused({ ok: false, errors: [{ line: row.line, key: first.key, params: first.params }] });
			}
			receipts.push({ line: row.line, receiptCode: stored.value.receiptCode, title: row.need.title });
		}
		await audit(trx, { actorId, action: 'needs.import', entity: 'round', entityId: round.id, detail: { rows: rows.length } });
		return { ok: true as const, receipts };
	}).catch((e: unknown) => {
		if (e instanceof ImportRefused) return e.result;
		throw e;
	});
}

/** Thrown inside the import's transaction to undo it. */
class ImportRefused extends Error {
	constructor(readonly result: NeedImportResult) {
		super('import refused');
	}
}
