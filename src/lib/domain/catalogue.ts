/** Seed lists of DOMAIN.md. Keys are stored; labels come from the message catalogue. */

export const SERVICE_CATEGORIES = [
	'elderly',
	'youth',
	'children',
	'disability',
	'hardship',
	'corrections',
	'drugs',
	'migrants',
	'environment',
	'mutual_aid',
	'other'
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** Guangzhou's eleven districts. Names are proper nouns, the same in both languages' UI. */
export const DISTRICTS = [
	'越秀区',
	'海珠区',
	'荔湾区',
	'天河区',
	'白云区',
	'黄埔区',
	'番禺区',
	'花都区',
	'南沙区',
	'从化区',
	'增城区'
] as const;

export const URGENCIES = ['low', 'medium', 'high'] as const;

export const ORGANISATION_KINDS = [
	'station',
	'family_centre',
	'social_org',
	'residents_committee',
	'volunteer_group'
] as const;

/** Real streets and towns of each district, for the demo and as suggestions in forms. */
export const STREETS: Record<(typeof DISTRICTS)[number], readonly string[]> = {
	越秀区: ['北京街', '人民街', '东山街', '农林街', '大塘街'],
	海珠区: ['南华西街', '沙园街', '江海街', '琶洲街', '昌岗街'],
	荔湾区: ['逢源街', '多宝街', '彩虹街', '沙面街', '冲口街'],
	天河区: ['石牌街', '林和街', '五山街', '员村街', '猎德街'],
	白云区: ['三元里街', '同和街', '京溪街', '松洲街', '景泰街'],
	黄埔区: ['黄埔街', '大沙街', '红山街', '鱼珠街', '长洲街'],
	番禺区: ['市桥街', '沙湾街', '大石街', '洛浦街', '钟村街'],
	花都区: ['新华街', '秀全街', '新雅街', '花城街'],
	南沙区: ['南沙街', '珠江街', '龙穴街', '万顷沙镇'],
	从化区: ['街口街', '江埔街', '城郊街'],
	增城区: ['荔城街', '增江街', '永宁街', '新塘镇']
};
