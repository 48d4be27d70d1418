/**
 * District caps keyed by place id. Caps were once typed as free text ("越秀" or "越秀区"), and a
 * cap whose text did not equal an organisation's district silently never applied. A cap is now
 * keyed by the id of a district in the places table; an organisation's district text is read as
 * the district of that name (with or without its 区/市 suffix).
 */

export interface DistrictPlace {
	id: number;
	name: string;
}

/** "越秀区" and "越秀" name the same district; surrounding space never matters. */
export function districtKey(name: string): string {
	return name.trim().replace(/(区|市|县)$/u, '');
}

/** The place a district text names, or undefined when none (or more than one) does. */
export function districtPlaceOf(name: string, districts: readonly DistrictPlace[]): DistrictPlace | undefined {
	const exact = districts.filter((d) => d.name === name.trim());
	if (exact.length === 1) return exact[0];
	const loose = districts.filter((d) => districtKey(d.name) === districtKey(name));
	return loose.length === 1 ? loose[0] : undefined;
}

export interface MappedCaps {
	/** { placeId: fen } for the caps whose text names one district. */
	byPlaceId: Record<string, number>;
	/** { text: fen } for the caps that name no district of the places table: shown to the admin. */
	unmatched: Record<string, number>;
}

/** Maps free-text caps to place ids where the text names one district. */
export function mapDistrictCaps(caps: Record<string, number>, districts: readonly DistrictPlace[]): MappedCaps {
	const byPlaceId: Record<string, number> = {};
	const unmatched: Record<string, number> = {};
	for (const [text, fen] of Object.entries(caps)) {
		const place = districtPlaceOf(text, districts);
		if (place && !Object.hasOwn(byPlaceId, String(place.id))) byPlaceId[String(place.id)] = fen;
		else unmatched[text] = fen;
	}
	return { byPlaceId, unmatched };
}
