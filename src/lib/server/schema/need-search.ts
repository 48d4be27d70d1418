/** The board's text search index (need-search migration). Merged into Database. */
export interface NeedBigramTable {
	need_id: number;
	/** Two adjacent characters of the need's title, description or affected group, lower-cased. */
	gram: string;
}

export interface NeedSearchTables {
	need_bigrams: NeedBigramTable;
}
