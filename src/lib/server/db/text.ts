import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { engineOf } from './engine';

/**
 * `ref LIKE pattern ESCAPE '\'` ignoring the case of ASCII letters on both engines, as SQLite's
 * LIKE always does (PostgreSQL's LIKE is case-sensitive; its ILIKE is not). `pattern` escapes its
 * own `%`, `_` and `\` with a backslash.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database's Kysely
export function likeAnyCase(db: Kysely<any>, ref: Expression<string>, pattern: string): RawBuilder<SqlBool> {
	const operator = engineOf(db) === 'postgres' ? sql.raw('ilike') : sql.raw('like');
	return sql<SqlBool>`${ref} ${operator} ${pattern} escape '\\'`;
}
