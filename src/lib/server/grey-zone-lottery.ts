/**
 * What the funding line reads of a round's partial lottery and of its places: the drawn order of
 * the grey zone, whether a recorded zone freezes the line's inputs, and district caps by place id.
 * The steps of the lottery itself (record the zone, draw) are in lottery-steps.ts.
 */
import type { DB } from './db';
import { districtPlaceOf, mapDistrictCaps, type DistrictPlace } from '../domain/district-caps';
import { ok, refuseField, type Outcome } from './outcome';

export interface ZoneEntry {
	id: number;
	/** Hundredths. */
	score: number;
	se: number | null;
}

export interface LotteryRecord {
	zone: ZoneEntry[];
	zHundredths: number;
	commitment: string;
	recordedAt: string;
	/** Null until the draw: the seed is secret before it. */
	seed: string | null;
	drawnAt: string | null;
	drawnOrder: number[] | null;
}

/** The round's lottery as anyone may see it: the seed only once drawn. */
export async function lotteryRecordOf(db: DB, roundId: number): Promise<LotteryRecord | null> {
	const row = await db.selectFrom('grey_zone_lotteries').selectAll().where('round_id', '=', roundId).executeTakeFirst();
	if (!row) return null;
	const drawn = row.drawn_at !== null;
	return {
		zone: JSON.parse(row.zone) as ZoneEntry[],
		zHundredths: row.z_hundredths,
		commitment: row.commitment,
		recordedAt: row.recorded_at,
		seed: drawn ? row.seed : null,
		drawnAt: row.drawn_at,
		drawnOrder: drawn && row.drawn_order ? (JSON.parse(row.drawn_order) as number[]) : null
	};
}

/** The grey zone's drawn order, once drawn; undefined otherwise (the line walks by rank). */
export async function lotteryOrderOf(db: DB, roundId: number): Promise<number[] | undefined> {
	return (await lotteryRecordOf(db, roundId))?.drawnOrder ?? undefined;
}

/**
 * Once the zone is recorded, the line's inputs (rules, overrides, reduced awards) stay as they
 * were: otherwise an admin who saw the draw could change an input and draw again.
 */
export async function lineFrozenByLottery(db: DB, roundId: number): Promise<boolean> {
	return !!(await db.selectFrom('grey_zone_lotteries').select('round_id').where('round_id', '=', roundId).executeTakeFirst());
}

export async function districtPlaces(db: DB): Promise<DistrictPlace[]> {
	return db.selectFrom('places').select(['id', 'name']).where('kind', '=', 'district').orderBy('position').orderBy('id').execute();
}

/** The key an organisation's district text is capped and totalled under: its place id, else the text. */
export async function districtKeysOf(db: DB): Promise<(district: string) => string> {
	const districts = await districtPlaces(db);
	return (district) => {
		const place = districtPlaceOf(district, districts);
		return place ? String(place.id) : district;
	};
}

/** Caps typed by district name, keyed by place id; a name that is no district is the field's error. */
export async function capsByPlaceId(db: DB, caps: Record<string, number>): Promise<Outcome<Record<string, number>>> {
	const mapped = mapDistrictCaps(caps, await districtPlaces(db));
	const unknown = Object.keys(mapped.unmatched);
	if (unknown.length) return refuseField('caps', 'decision.err.capDistrictUnknown', { district: unknown.join('、') });
	return ok(mapped.byPlaceId);
}

/** Place-id keys as district names, for people to read (a key that is no place id is shown as it is). */
export async function districtNames(db: DB): Promise<(key: string) => string> {
	const byId = new Map((await districtPlaces(db)).map((d) => [String(d.id), d.name]));
	return (key) => byId.get(key) ?? key;
}
