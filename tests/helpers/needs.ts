import type { Insertable } from 'kysely';
import type { DB } from '../../src/lib/server/db';
import type { NeedTable } from '../../src/lib/server/schema';
import { seedPlaces } from '../../src/lib/server/seed/places';

/** Seeds the demo places (once per database) and gives the form's ids of a district and street. */
export async function placeIds(db: DB, district = '海珠区', street = '南华西街', community?: string) {
	await seedPlaces(db);
	const id = async (path: string) =>
		String(
			(await db.selectFrom('places').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id
		);
	return {
		district_id: await id(district),
		street_id: await id(`${district}/${street}`),
		community_id: community ? await id(`${district}/${street}/${community}`) : ''
	};
}

let needs = 0;

/** A published need of the round, written straight into the table; returns its id. */
export async function insertPublishedNeed(db: DB, roundId: number, fields: Partial<Insertable<NeedTable>> = {}): Promise<number> {
	needs += 1;
	const now = new Date().toISOString();
	const { id } = await db
		.insertInto('needs')
		.values({
			round_id: roundId,
			receipt_code: `t${process.pid.toString(36)}${Date.now().toString(36)}${needs}`,
			submission_key: null,
			title: '长者助餐',
			description: '居民反映的需求',
			category: 'elderly',
			district: '海珠区',
			street: '南华西街',
			affected_group: '长者',
			affected_count: 20,
			urgency: 'high',
			contact_name: null,
			contact_phone: null,
			status: 'published',
			decline_reason: null,
			created_at: now,
			published_at: now,
			...fields
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}
