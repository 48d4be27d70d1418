/** Limits and messages for the place hierarchy (district → street/town → community). */
export const PLACE_NAME_MAX = 40;
/** A CSV of the whole city is ~3,000 rows; this keeps a wrong file from stalling the server. */
export const PLACE_IMPORT_MAX_ROWS = 20_000;
export const PLACE_IMPORT_MAX_BYTES = 2_000_000;

/** A place id from a form: a positive whole number, else null (nothing chosen or nonsense). */
export function placeIdOf(value: unknown): number | null {
	if (typeof value !== 'string' || !/^\d{1,12}$/.test(value.trim())) return null;
	const n = Number(value.trim());
	return Number.isSafeInteger(n) && n > 0 ? n : null;
}
