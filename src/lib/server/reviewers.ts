import type { DB } from './db';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../domain/catalogue';
import { audit } from './audit';
import { ok, refuse, type Outcome } from './outcome';

/** Every reviewer account with affiliation and expertise, for the reviewer pool page. */
export async function listReviewerProfiles(db: DB) {
	const [rows, expertise] = await Promise.all([
		db
			.selectFrom('users')
			.leftJoin('organisations', 'organisations.id', 'users.organisation_id')
			.select([
				'users.id',
				'users.name',
				'users.email',
				'users.organisation_id',
				'users.disabled_at',
				'organisations.name as organisation_name'
			])
			.where('users.role', '=', 'reviewer')
			.orderBy('users.name')
			.orderBy('users.id')
			.execute(),
		db.selectFrom('reviewer_expertise').select(['user_id', 'category']).orderBy('category').execute()
	]);
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		email: r.email,
		organisationId: r.organisation_id,
		organisationName: r.organisation_name,
		active: r.disabled_at === null,
		expertise: expertise.filter((e) => e.user_id === r.id).map((e) => e.category as ServiceCategory)
	}));
}

export type ReviewerProfile = Awaited<ReturnType<typeof listReviewerProfiles>>[number];

/** Sets a reviewer's affiliation (an organisation, or none) and expertise categories. */
export async function updateReviewerProfile(
	db: DB,
	input: { reviewerId: number; organisationId: number | null; categories: readonly string[]; actorId: number }
): Promise<Outcome<void>> {
	const reviewer = await db
		.selectFrom('users')
		.select(['id', 'organisation_id'])
		.where('id', '=', input.reviewerId)
		.where('role', '=', 'reviewer')
		.executeTakeFirst();
	if (!reviewer) return refuse('review.err.noReviewer');
	const categories = [...new Set(input.categories)];
	if (categories.some((c) => !(SERVICE_CATEGORIES as readonly string[]).includes(c))) return refuse('err.choice');
	if (input.organisationId !== null) {
		const org = await db.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
		if (!org) return refuse('err.choice');
	}
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('users').set({ organisation_id: input.organisationId }).where('id', '=', reviewer.id).execute();
		await trx.deleteFrom('reviewer_expertise').where('user_id', '=', reviewer.id).execute();
		if (categories.length > 0) {
			await trx
				.insertInto('reviewer_expertise')
				.values(categories.map((category) => ({ user_id: reviewer.id, category })))
				.execute();
		}
		await audit(trx, {
			actorId: input.actorId,
			action: 'reviewer.profile',
			entity: 'user',
			entityId: reviewer.id,
			detail: { organisationId: input.organisationId, categories }
		});
	});
	return ok(undefined);
}

/** The reviewer ids on a round's panel. */
export async function panelIds(db: DB, roundId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('round_panel')
		.innerJoin('users', 'users.id', 'round_panel.reviewer_id')
		.select('round_panel.reviewer_id')
		.where('round_panel.round_id', '=', roundId)
		.where('users.disabled_at', 'is', null)
		.orderBy('round_panel.reviewer_id')
		.execute();
	return rows.map((r) => r.reviewer_id);
}

/** Replaces a round's panel. Reviewers already assigned keep their assignments. */
export async function setPanel(
	db: DB,
	input: { roundId: number; reviewerIds: readonly number[]; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	const ids = [...new Set(input.reviewerIds)];
	if (ids.length > 0) {
		const found = await db
			.selectFrom('users')
			.select('id')
			.where('id', 'in', ids)
			.where('role', '=', 'reviewer')
			.where('disabled_at', 'is', null)
			.execute();
		if (found.length !== ids.length) return refuse('review.err.noReviewer');
	}
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('round_panel').where('round_id', '=', input.roundId).execute();
		if (ids.length > 0) {
			await trx
				.insertInto('round_panel')
				.values(ids.map((reviewer_id) => ({ round_id: input.roundId, reviewer_id, added_by: input.actorId, added_at: now.toISOString() })))
				.execute();
		}
		await audit(trx, {
			actorId: input.actorId,
			action: 'round.panel',
			entity: 'round',
			entityId: input.roundId,
			detail: { reviewerIds: ids }
		});
	});
	return ok(undefined);
}
