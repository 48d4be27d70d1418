/**
 * The ranked list of a round (funded projects first, then the others, each in rank order) in
 * pages, so the results and the notice stay small on a phone at city scale; the whole list is
 * one page in the print view, and always in the open data (CSV, JSON).
 */
export const RANKED_PAGE_SIZE = 50;

export interface RankedPage<T> {
	funded: T[];
	others: T[];
	/** 1-based; 0 in the print view, which shows every row. */
	page: number;
	pages: number;
	/** The positions in the whole list of the first and last row shown (1-based; 0, 0 when empty). */
	from: number;
	to: number;
	total: number;
}

/**
 * The page `requested` (a query parameter, clamped to the pages there are) of the ranked list,
 * or every row when `all` (the print view).
 */
export function rankedPage<T extends { funded: boolean }>(
	rows: readonly T[],
	requested: string | null,
	all = false,
	size = RANKED_PAGE_SIZE
): RankedPage<T> {
	const ordered = [...rows.filter((r) => r.funded), ...rows.filter((r) => !r.funded)];
	const pages = Math.max(1, Math.ceil(ordered.length / size));
	const wanted = Number.parseInt(requested ?? '', 10);
	const page = all ? 0 : Number.isFinite(wanted) ? Math.min(Math.max(1, wanted), pages) : 1;
	const shown = all ? ordered : ordered.slice((page - 1) * size, page * size);
	const start = all ? 0 : (page - 1) * size;
	return {
		funded: shown.filter((r) => r.funded),
		others: shown.filter((r) => !r.funded),
		page,
		pages,
		from: shown.length ? start + 1 : 0,
		to: start + shown.length,
		total: ordered.length
	};
}
