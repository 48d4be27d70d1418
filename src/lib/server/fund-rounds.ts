import type { DB } from './db';
import { listPublicRounds, phaseOf } from './rounds';
import type { Round } from './schema';
import type { Phase } from '../domain/phases';

/**
 * The rounds the public finds by fund: each fund's page lists the rounds it runs, and the home
 * page finds a resident's street's fund (districts and streets of the places registry) and its
 * rounds, beside the federation's city-wide rounds.
 */

export interface FundRoundLink {
	slug: string;
	title: string;
	year: number;
	phase: Phase;
}

function link(round: Round, now: Date): FundRoundLink {
	return { slug: round.slug, title: round.title, year: round.year, phase: phaseOf(round, now) };
}

/** The public rounds (past draft) the fund runs, newest first. */
export async function roundsOfFund(db: DB, fundId: number, now = new Date()): Promise<FundRoundLink[]> {
	return (await listPublicRounds(db, now)).filter((r) => r.fund_id === fundId).map((r) => link(r, now));
}

export interface PlaceOption {
	id: number;
	name: string;
}

export interface RoundFinder {
	districts: PlaceOption[];
	/** The chosen district's streets (empty until a district is chosen). */
	streets: PlaceOption[];
	districtId: number | null;
	streetId: number | null;
	/** With a street chosen: its funds and the rounds each runs; the city-wide rounds open now. */
	found: {
		funds: { id: number; name: string; rounds: FundRoundLink[] }[];
		cityRounds: FundRoundLink[];
	} | null;
}

function placeId(raw: string | null): number | null {
	return raw && /^\d{1,12}$/.test(raw) ? Number(raw) : null;
}

/** The finder's state for the GET form's `district` and `street` (unknown or mismatched ids are ignored). */
export async function findRounds(db: DB, query: { district: string | null; street: string | null }, now = new Date()): Promise<RoundFinder> {
	const districts = await db.selectFrom('places').select(['id', 'name']).where('kind', '=', 'district').orderBy('position').orderBy('id').execute();
	const districtId = districts.some((d) => d.id === placeId(query.district)) ? placeId(query.district) : null;
	const streets =
		districtId === null
			? []
			: await db
					.selectFrom('places')
					.select(['id', 'name'])
					.where('kind', '=', 'street')
					.where('parent_id', '=', districtId)
					.orderBy('position')
					.orderBy('id')
					.execute();
	const streetId = streets.some((s) => s.id === placeId(query.street)) ? placeId(query.street) : null;
	if (streetId === null) return { districts, streets, districtId, streetId, found: null };
	const funds = await db.selectFrom('funds').select(['id', 'name']).where('street_id', '=', streetId).orderBy('id').execute();
	const rounds = await listPublicRounds(db, now);
	return {
		districts,
		streets,
		districtId,
		streetId,
		found: {
			funds: funds.map((f) => ({ ...f, rounds: rounds.filter((r) => r.fund_id === f.id).map((r) => link(r, now)) })),
			cityRounds: rounds.filter((r) => r.fund_id === null && phaseOf(r, now) !== 'closed').map((r) => link(r, now))
		}
	};
}
