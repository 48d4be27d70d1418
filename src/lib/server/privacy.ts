/**
 * Personal information under the PIPL (个人信息保护法): residents' and objectors' names and
 * contacts are kept only as long as their round needs them (erased a set number of months
 * after the round closes, by a job the server runs and `npm run retention`), erased at once when a
 * resident asks (their receipt code plus an admin's check), handed to them on request, and every
 * look at them by staff is in the audit log. The public parts of a need (title, description, place,
 * status) stay as they are: only who gave them goes.
 */
import type { DB } from './db';
import { writeTransaction } from './db';
import { audit } from './audit';
import { formatReceiptCode, normaliseReceiptCode } from './needs';
import { ok, refuseField, type Outcome } from './outcome';
import { addMonths, retentionCutoff } from '../domain/retention';

export const RETENTION_KEY = 'retention_months';
export const DEFAULT_RETENTION_MONTHS = 12;

/** A setting of the federation's, or its default. */
export async function getSetting(db: DB, key: string): Promise<string | null> {
	const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
	return row?.value ?? null;
}

/** Writes a setting with its audit entry (in the caller's transaction when there is one). */
export async function putSetting(db: DB, input: { key: string; value: string; actorId: number | null }, now = new Date()): Promise<void> {
	const at = now.toISOString();
	await db
		.insertInto('app_settings')
		.values({ key: input.key, value: input.value, updated_at: at, updated_by: input.actorId })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value: input.value, updated_at: at, updated_by: input.actorId }))
		.execute();
	await audit(db, { actorId: input.actorId, action: 'setting.change', entity: 'setting', entityId: input.key, detail: { value: input.value } });
}

/** How many months after its round closes a resident's or objector's contact is kept. */
export async function retentionMonths(db: DB): Promise<number> {
	const value = Number(await getSetting(db, RETENTION_KEY));
	return Number.isInteger(value) && value > 0 ? value : DEFAULT_RETENTION_MONTHS;
}

/**
 * Erases the names and contacts of residents and objectors whose round closed more than the
 * retention period ago: one audit entry a round, with how many of each were erased (no names).
 * Safe to run any number of times, from any number of processes: a contact erased is not counted
 * again.
 */
export async function eraseExpiredContacts(db: DB, now = new Date()): Promise<{ needs: number; objections: number }> {
	const cutoff = retentionCutoff(now, await retentionMonths(db)).toISOString();
	const rounds = await db.selectFrom('rounds').select('id').where('closed_at', '<=', cutoff).orderBy('id').execute();
	const at = now.toISOString();
	let needs = 0;
	let objections = 0;
	for (const round of rounds) {
		await writeTransaction(db, async (trx) => {
			const n = await trx
				.updateTable('needs')
				.set({ contact_name: null, contact_phone: null, contact_erased_at: at })
				.where('round_id', '=', round.id)
				.where((eb) => eb.or([eb('contact_name', 'is not', null), eb('contact_phone', 'is not', null)]))
				.executeTakeFirst();
			const o = await trx
				.updateTable('objections')
				.set({ objector_name: '', objector_contact: '', contact_erased_at: at })
				.where('round_id', '=', round.id)
				.where('contact_erased_at', 'is', null)
				.executeTakeFirst();
			const erased = { needs: Number(n.numUpdatedRows), objections: Number(o.numUpdatedRows) };
			if (erased.needs + erased.objections === 0) return;
			needs += erased.needs;
			objections += erased.objections;
			await audit(trx, { actorId: null, action: 'privacy.retention_erase', entity: 'round', entityId: round.id, detail: erased });
		});
	}
	return { needs, objections };
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Runs the retention job now and then every `everyMs` (six hours) while the server runs. */
export function startRetentionTimer(db: DB, everyMs = 6 * 60 * 60_000): void {
	if (timer) return;
	const run = () =>
		eraseExpiredContacts(db).catch((e: unknown) => {
			console.error(`retention: ${(e as Error)?.message ?? e}`);
		});
	void run();
	timer = setInterval(run, everyMs);
	timer.unref?.();
}

export function stopRetentionTimer(): void {
	if (timer) clearInterval(timer);
	timer = null;
}

async function needByCode(db: DB, code: string) {
	const receipt = normaliseReceiptCode(code);
	if (!receipt) return undefined;
	return db
		.selectFrom('needs')
		.innerJoin('rounds', 'rounds.id', 'needs.round_id')
		.select([
			'needs.id',
			'needs.receipt_code',
			'needs.title',
			'needs.description',
			'needs.district',
			'needs.street',
			'needs.community',
			'needs.affected_group',
			'needs.status',
			'needs.contact_name',
			'needs.contact_phone',
			'needs.contact_consent_at',
			'needs.contact_erased_at',
			'needs.created_at',
			'rounds.title as round_title',
			'rounds.closed_at'
		])
		.where('needs.receipt_code', '=', receipt)
		.executeTakeFirst();
}

export interface PersonalData {
	receiptCode: string;
	round: string;
	title: string;
	description: string;
	place: string;
	affectedGroup: string;
	status: string;
	contactName: string | null;
	contactPhone: string | null;
	consentAt: string | null;
	erasedAt: string | null;
	reportedAt: string;
	/** When the retention job erases the contact: the round's close plus the retention period. */
	keptUntil: string;
}

/**
 * What is kept about the resident who holds a receipt code, for an admin answering their request
 * (to see or to hand over): the look is recorded in the audit log as a view of their contact.
 */
export async function personalData(db: DB, input: { code: string; actorId: number; purpose: 'view' | 'export' }): Promise<Outcome<PersonalData>> {
	const need = await needByCode(db, input.code);
	if (!need) return refuseField('code', 'people.privacy.noSuchCode');
	const months = await retentionMonths(db);
	const keptUntil = addMonths(new Date(need.closed_at), months);
	await audit(db, {
		actorId: input.actorId,
		action: input.purpose === 'export' ? 'privacy.export' : 'need.contact_view',
		entity: 'need',
		entityId: need.id
	});
	return ok({
		receiptCode: formatReceiptCode(need.receipt_code),
		round: need.round_title,
		title: need.title,
		description: need.description,
		place: [need.district, need.street, need.community].filter(Boolean).join(' '),
		affectedGroup: need.affected_group,
		status: need.status,
		contactName: need.contact_name,
		contactPhone: need.contact_phone,
		consentAt: need.contact_consent_at ?? null,
		erasedAt: need.contact_erased_at ?? null,
		reportedAt: need.created_at,
		keptUntil: keptUntil.toISOString()
	});
}

/**
 * Erases a resident's name and contact at their request, at once: the admin has checked that the
 * person asking holds the receipt code (and says how in the reason). The need itself stays.
 */
export async function eraseContactOnRequest(
	db: DB,
	input: { code: string; actorId: number; reason: string },
	now = new Date()
): Promise<Outcome<{ receiptCode: string }>> {
	const need = await needByCode(db, input.code);
	if (!need) return refuseField('code', 'people.privacy.noSuchCode');
	return writeTransaction(db, async (trx) => {
		await trx
			.updateTable('needs')
			.set({ contact_name: null, contact_phone: null, contact_erased_at: now.toISOString() })
			.where('id', '=', need.id)
			.execute();
		await audit(trx, { actorId: input.actorId, action: 'privacy.erase_request', entity: 'need', entityId: need.id, reason: input.reason });
		return ok({ receiptCode: formatReceiptCode(need.receipt_code) });
	});
}

/** Records that staff were shown residents' or objectors' contacts (a page, an export). */
export async function recordContactView(
	db: DB,
	input: { actorId: number; entity: 'need' | 'objection'; ids: readonly number[]; where: string }
): Promise<void> {
	if (input.ids.length === 0) return;
	await audit(db, {
		actorId: input.actorId,
		action: input.entity === 'need' ? 'need.contact_view' : 'objection.contact_view',
		entity: input.entity,
		entityId: input.ids.length === 1 ? input.ids[0] : null,
		detail: { ids: [...input.ids], where: input.where }
	});
}
