import type { Instant } from './instant';
/** Tables of the holiday calendar (work-calendar migration). */


export type CalendarDayKind = 'holiday' | 'workday';

/** A year whose State Council arrangement is recorded: the year is covered, its days are known. */
export interface CalendarYearTable {
	year: number;
	/** The notice it was taken from: title, number, date. */
	source: string;
	/** 1 when the admin confirmed an arrangement that departs from the usual statutory pattern. */
	departs_from_rules: number;
	/** Null for the years the migration recorded. */
	recorded_by: number | null;
	recorded_at: Instant;
}

/** A day off (放假) or a weekend day made a working day (调休上班), as the year's notice lists it. */
export interface CalendarDayTable {
	year: number;
	day: string;
	kind: CalendarDayKind;
}
