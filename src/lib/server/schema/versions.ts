/** What the page cache compares (round-versions migration, see db/versions.ts). Merged into Database. */
export interface RoundVersionTable {
	/** A round's id, or 0 for what no round owns. */
	round_id: number;
	/** Moved on by the triggers with every write a public page may show (bigint: a string on PostgreSQL). */
	version: number | string;
}

export interface VersionTables {
	round_versions: RoundVersionTable;
}
