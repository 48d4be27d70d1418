import type { DB } from '../db';
import { DISTRICTS, STREETS } from '../../domain/catalogue';
import { addPlaces, type PlaceRow } from '../places';
import { audit } from '../audit';

/** A few communities (社区/村) per street for the demo; streets not listed get none. */
const COMMUNITIES: Record<string, readonly string[]> = {
	北京街: ['西湖社区', '盐运西社区', '府学西社区'],
	人民街: ['大新社区', '光复南社区'],
	东山街: ['新河浦社区', '庙前西社区', '龟岗社区'],
	农林街: ['东华东社区', '竹丝岗社区'],
	大塘街: ['大塘社区', '文德社区'],
	南华西街: ['龙导尾社区', '洪德社区', '同庆社区'],
	沙园街: ['沙园社区', '宝岗社区'],
	江海街: ['红卫社区', '大塘社区'],
	琶洲街: ['琶洲社区', '黄埔村'],
	昌岗街: ['晓港社区', '昌岗东社区'],
	逢源街: ['文昌社区', '逢源社区'],
	多宝街: ['宝华社区', '多宝社区'],
	沙面街: ['沙面社区'],
	石牌街: ['石牌东社区', '龙口西社区', '华师社区'],
	林和街: ['林和西社区', '广州东站社区'],
	五山街: ['五山社区', '茶山社区'],
	员村街: ['员村二横路社区', '员村新街社区'],
	猎德街: ['猎德社区', '利雅湾社区'],
	三元里街: ['三元里社区', '松柏社区'],
	同和街: ['同和社区', '蟾蜍石社区'],
	京溪街: ['京溪社区', '云景社区'],
	黄埔街: ['黄埔社区', '横沙社区'],
	大沙街: ['大沙地社区', '丰乐社区'],
	长洲街: ['长洲社区', '深井社区'],
	市桥街: ['东涌社区', '繁华社区'],
	沙湾街: ['三善村', '龙岐村'],
	大石街: ['大石社区', '植村'],
	新华街: ['新华社区', '三华村'],
	南沙街: ['南沙社区', '塘坑村'],
	珠江街: ['珠江社区'],
	街口街: ['街口社区', '新城社区'],
	荔城街: ['荔城社区', '廖村'],
	新塘镇: ['新塘社区', '瓜岭村']
};

/** Guangzhou's 11 districts, their real streets and towns, and a few communities: for the demo. */
export function guangzhouPlaceRows(): PlaceRow[] {
	const rows: PlaceRow[] = [];
	for (const district of DISTRICTS) {
		for (const street of STREETS[district]) {
			const communities = COMMUNITIES[street] ?? [];
			if (communities.length === 0) rows.push({ district, street, community: '' });
			for (const community of communities) rows.push({ district, street, community });
		}
	}
	return rows;
}

/** An admin adding Guangzhou's districts and streets from the catalogue, recorded; gives back how many were new. */
export async function addGuangzhouPlaces(db: DB, actorId: number): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const added = await addPlaces(trx, guangzhouPlaceRows());
		await audit(trx, { actorId, action: 'places.seed', entity: 'place', detail: { added } });
		return added;
	});
}

/** Seeds the demo's places; running it again adds nothing. Returns how many places were added. */
export async function seedPlaces(db: DB): Promise<number> {
	return db.transaction().execute((trx) => addPlaces(trx, guangzhouPlaceRows()));
}
