import type { DB } from '../../src/lib/server/db';
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
