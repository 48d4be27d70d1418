import type { DB } from '../db';
import { recordCalendarYear, yearInBeijing } from '../work-calendar';

/**
 * The years a database publishing notices around `now` needs: last year (a round decided a year
 * ago, as the demo's earlier round), this year and the next (a notice in late December), as the
 * calendar in Beijing counts them.
 */
export function yearsAround(now: Date): number[] {
	const year = yearInBeijing(now);
	return [year - 1, year, year + 1];
}

/**
 * Records, through the same function an admin's form uses, each of `years` the calendar lacks as
 * a year of weekends only, under `source` (which must say it is not a State Council arrangement):
 * for test and demo databases, so that they can publish a notice in any year. Returns the years
 * it recorded.
 */
export async function recordWeekendsOnly(db: DB, input: { years: number[]; source: string; actorId: number | null }): Promise<number[]> {
	const recorded = new Set((await db.selectFrom('calendar_years').select('year').execute()).map((r) => r.year));
	const added: number[] = [];
	for (const year of input.years.filter((y) => !recorded.has(y))) {
		const outcome = await recordCalendarYear(db, {
			year,
			holidays: [],
			makeupWorkdays: [],
			source: input.source,
			departs: true,
			reason: null,
			actorId: input.actorId
		});
		if (!outcome.ok) throw new Error(`recordWeekendsOnly ${year}: ${JSON.stringify(outcome.errors)}`);
		added.push(year);
	}
	return added;
}
