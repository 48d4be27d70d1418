import { describe, expect, it } from 'vitest';
import { districtPlaceOf, mapDistrictCaps } from './district-caps';

const DISTRICTS = [
	{ id: 1, name: '越秀区' },
	{ id: 2, name: '海珠区' },
	{ id: 3, name: '从化区' }
];

describe('district caps by place id', () => {
	it('reads a district text with or without its suffix as the one district it names', () => {
		expect(districtPlaceOf('越秀', DISTRICTS)?.id).toBe(1);
		expect(districtPlaceOf(' 越秀区 ', DISTRICTS)?.id).toBe(1);
		expect(districtPlaceOf('天河区', DISTRICTS)).toBeUndefined();
	});

	it('maps the caps that name a district to its id and reports the others', () => {
		// "越秀" once never applied to 越秀区: now it does; "天河" names no district and is reported.
		expect(mapDistrictCaps({ 越秀: 100, 海珠区: 200, 天河: 300 }, DISTRICTS)).toEqual({
			byPlaceId: { '1': 100, '2': 200 },
			unmatched: { 天河: 300 }
		});
		// Two texts for one district: the first is kept, the second reported, never silently merged.
		expect(mapDistrictCaps({ 越秀: 100, 越秀区: 50 }, DISTRICTS)).toEqual({ byPlaceId: { '1': 100 }, unmatched: { 越秀区: 50 } });
	});
});
