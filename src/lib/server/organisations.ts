import { sql } from 'kysely';
import type { DB } from './db';
import { isUniqueViolation } from './db';
import { notFound, ok, refuseField, type Outcome } from './outcome';
import { audit } from './audit';

export interface OrganisationInput {
	name: string;
	kind: string;
	district: string;
	street?: string;
	registrationNo?: string;
	/** Communities served, one per line. */
	communities?: string;
	contactName?: string;
	contactPhone?: string;
	introduction?: string;
}

/** The profile columns of an input, blank where the form left them out. */
function profileColumns(input: OrganisationInput) {
	return {
		street: input.street?.trim() ?? '',
		registration_no: input.registrationNo?.trim() ?? '',
		communities: (input.communities ?? '')
			.split('\n')
			.map((c) => c.trim())
			.filter(Boolean)
			.join('\n'),
		contact_name: input.contactName?.trim() ?? '',
		contact_phone: input.contactPhone?.trim() ?? '',
		introduction: input.introduction?.trim() ?? ''
	};
}

/** Another organisation has the name. */
const NAME_TAKEN = refuseField('name', 'org.err.nameTaken');

/** Every organisation with its number of (enabled) staff accounts, by name. */
export async function listOrganisations(db: DB) {
	return db
		.selectFrom('organisations')
		.leftJoin('users', (join) =>
			join
				.onRef('users.organisation_id', '=', 'organisations.id')
				.on('users.role', '=', 'station')
				.on('users.disabled_at', 'is', null)
		)
		.select([
			'organisations.id',
			'organisations.name',
			'organisations.kind',
			'organisations.district',
			(eb) => eb.fn.count<number>('users.id').as('staff_count')
		])
		.groupBy('organisations.id')
		.orderBy('organisations.name')
		.execute();
}

/** Every organisation's id and name, by name: for a choice of organisation. */
export async function listOrganisationNames(db: DB) {
	return db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();
}

export async function getOrganisation(db: DB, id: number) {
	return db
		.selectFrom('organisations')
		.select(['id', 'name', 'kind', 'district'])
		.where('id', '=', id)
		.executeTakeFirst();
}

/** The whole profile, for admins and the organisation's own staff only (it holds a contact). */
export async function getOrganisationProfile(db: DB, id: number) {
	const row = await db
		.selectFrom('organisations')
		.select(['id', 'name', 'kind', 'district', 'street', 'registration_no', 'communities', 'contact_name', 'contact_phone', 'introduction'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		id: row.id,
		name: row.name,
		kind: row.kind,
		district: row.district,
		street: row.street,
		registrationNo: row.registration_no,
		communities: row.communities,
		contactName: row.contact_name,
		contactPhone: row.contact_phone,
		introduction: row.introduction
	};
}

/** Names are unique regardless of surrounding space or Latin letter case. */
async function nameTaken(db: DB, name: string, exceptId?: number): Promise<boolean> {
	let query = db
		.selectFrom('organisations')
		.select('id')
		.where(sql<string>`lower(trim(name))`, '=', name.trim().toLowerCase());
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	return !!(await query.executeTakeFirst());
}

/** Saves the profile; the name stays unique. The detail audited leaves the contact out. */
export async function updateOrganisationProfile(
	db: DB,
	id: number,
	input: OrganisationInput,
	actorId: number
): Promise<Outcome> {
	const name = input.name.trim();
	if (await nameTaken(db, name, id)) return NAME_TAKEN;
	const result = await db
		.updateTable('organisations')
		.set({ name, kind: input.kind, district: input.district, ...profileColumns(input) })
		.where('id', '=', id)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) return notFound();
	await audit(db, {
		actorId,
		action: 'organisation.update',
		entity: 'organisation',
		entityId: id,
		detail: { name, kind: input.kind, district: input.district, street: input.street ?? '' }
	});
	return ok();
}

export async function createOrganisation(
	db: DB,
	input: OrganisationInput,
	actorId: number
): Promise<Outcome<number>> {
	const name = input.name.trim();
	if (await nameTaken(db, name)) return NAME_TAKEN;
	let id: number;
	try {
		({ id } = await db
			.insertInto('organisations')
			.values({
				name,
				kind: input.kind,
				district: input.district,
				...profileColumns(input),
				created_at: new Date().toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow());
	} catch (e) {
		// Two admins adding the same name at once: the unique index decides.
		if (isUniqueViolation(e, 'organisations', 'name')) return NAME_TAKEN;
		throw e;
	}
	await audit(db, {
		actorId,
		action: 'organisation.create',
		entity: 'organisation',
		entityId: id,
		detail: { name, kind: input.kind, district: input.district }
	});
	return ok(id);
}

/**
 * Invitations still waiting to be accepted: not used and not expired. (It reads the invitations
 * table of auth/invite.ts; it would sit better there.)
 */
export async function listPendingInvitations(db: DB, now = new Date()) {
	return db
		.selectFrom('invitations')
		.leftJoin('organisations', 'organisations.id', 'invitations.organisation_id')
		.select([
			'invitations.id',
			'invitations.email',
			'invitations.name',
			'invitations.role',
			'invitations.created_at',
			'invitations.expires_at',
			'organisations.name as organisation_name'
		])
		.where('invitations.used_at', 'is', null)
		.where('invitations.expires_at', '>', now.toISOString())
		.orderBy('invitations.created_at', 'desc')
		.execute();
}
