/**
 * Tables added by the needs-registry migration. Columns added to the core tables are declared in
 * schema.ts itself; new tables go here and are merged into Database.
 */
import type { Generated } from 'kysely';

export type PlaceKind = 'district' | 'street' | 'community';

export interface PlaceTable {
	id: Generated<number>;
	kind: PlaceKind;
	name: string;
	parent_id: number | null;
	/** "越秀区/北京街/…": unique, so importing the same file twice adds nothing. */
	path: string;
	position: Generated<number>;
	created_at: string;
}

export interface NeedCategoryTable {
	key: string;
	name_zh: string;
	name_en: string;
	position: Generated<number>;
	retired_at: string | null;
}

export interface NeedSupportTable {
	need_id: number;
	/** SHA-256 of a random browser cookie and the client address: never the address itself. */
	supporter_hash: string;
	created_at: string;
}

export interface NeedsRegistryTables {
	places: PlaceTable;
	need_categories: NeedCategoryTable;
	need_supports: NeedSupportTable;
}
