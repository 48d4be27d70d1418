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
