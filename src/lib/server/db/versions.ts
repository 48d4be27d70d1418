import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type SQLite from 'better-sqlite3';
import { engineOf } from './engine';
import { sqliteOf } from './sqlite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- run by migrate, before the schema type may hold every table
type AnyKysely = Kysely<any>;

/**
 * Versions of what the public pages show, for the page cache and memoUntilWrite: one row per
 * round in `round_versions` (round 0 is everything no single round owns: places, categories,
 * organisations, funds, the work calendar, accounts), moved on by every write that changes what
 * the public may see. A round's pages are fresh while the global row and their round's row are
 * unchanged; pages across rounds (home, funds) while the sum of all rows is.
 *
 * The rows are moved on by triggers, one per table and verb, on both engines (each writes them
 * its own way; this is the only place that does): no data function can forget one, whichever
 * transaction, script or process writes. Every table of the app is named below, either with the
 * round(s) its rows belong to or as private (never read by a public page); a table that is in
 * neither list fails the schema test, so a new table has to say where it belongs.
 */

/** How a row names its round(s): SQL expressions over the row `$` (NULL: no round). */
type RoundOf = readonly string[];

const OWN = ['$.round_id'];
const OF_PROPOSAL = ['(select round_id from proposals where id = $.proposal_id)'];
const GLOBAL = ['0'];

export const ROUND_OF_TABLE: Readonly<Record<string, RoundOf>> = {
	// A round's own row also moves the global version: other rounds' pages show its title.
	rounds: ['$.id', '0'],
	needs: ['$.round_id', '$.carried_from_round_id'],
	proposals: OWN,
	agreements: OWN,
	grey_zone_lotteries: OWN,
	objections: OWN,
	published_records: OWN,
	review_assignments: OWN,
	review_conflicts: OWN,
	round_panel: OWN,
	round_questions: OWN,
	rubric_criteria: OWN,
	matching_memos: OWN,
	// An entry of no round is a fund's income or allocation: the global funds' pages.
	ledger_entries: ['coalesce($.round_id, 0)'],
	attachments: OF_PROPOSAL,
	budget_lines: OF_PROPOSAL,
	eligibility_checks: OF_PROPOSAL,
	project_closings: OF_PROPOSAL,
	project_reports: OF_PROPOSAL,
	proposal_activities: OF_PROPOSAL,
	proposal_discussion: OF_PROPOSAL,
	proposal_indicators: OF_PROPOSAL,
	proposal_needs: OF_PROPOSAL,
	proposal_snapshots: OF_PROPOSAL,
	tranches: OF_PROPOSAL,
	budget_changes: OF_PROPOSAL,
	report_files: OF_PROPOSAL,
	evaluation_assignments: OF_PROPOSAL,
	evaluation_overrides: OF_PROPOSAL,
	need_supports: ['(select round_id from needs where id = $.need_id)'],
	review_scores: ['(select round_id from review_assignments where id = $.assignment_id)'],
	review_criterion_comments: ['(select round_id from review_assignments where id = $.assignment_id)'],
	organisations: GLOBAL,
	users: GLOBAL,
	places: GLOBAL,
	need_categories: GLOBAL,
	funds: GLOBAL,
	fund_incomes: GLOBAL,
	calendar_years: GLOBAL,
	calendar_days: GLOBAL,
	app_settings: GLOBAL
};

/** Tables whose writes need no version: no public page reads them, or (why) they change with a row that has one. */
export const UNVERSIONED_TABLES: Readonly<Record<string, string>> = {
	need_bigrams: 'written only by indexNeedTexts, which marks the needs it indexed (search_indexed) in the same call',
	audit_log: 'staff pages only',
	form_submissions: 'double-submit keys',
	invitations: 'staff pages only',
	notices: "a person's inbox",
	outbox: 'e-mail to send',
	password_resets: 'secrets',
	rate_limits: 'counters of requests',
	recovery_codes: 'secrets',
	sessions: 'secrets',
	trusted_devices: 'secrets',
	reviewer_expertise: 'staff pages only',
	report_reminders: 'staff pages only',
	disclosure_reminders: 'staff pages only',
	money_requests: 'staff pages only: a pending move changes no public figure until approved, and the approval writes a ledger entry'
};

/** The row of versions no single round owns. */
export const GLOBAL_VERSION = 0;

/**
 * (Re)creates the version triggers of every table of ROUND_OF_TABLE that exists: run by
 * `migrate` after the migrations, so a trigger's new definition replaces the old one and a table
 * a later migration adds is covered once it is listed above.
 */
export async function installVersionTriggers(db: AnyKysely): Promise<void> {
	const postgres = engineOf(db) === 'postgres';
	await db.transaction().execute(async (trx) => {
		if (postgres) await sql`select pg_advisory_xact_lock(hashtext('round_versions triggers'))`.execute(trx);
		const existing = new Set((await trx.introspection.getTables()).map((t) => t.name));
		if (!existing.has('round_versions')) return;
		for (const [table, roundOf] of Object.entries(ROUND_OF_TABLE)) {
			if (!existing.has(table)) continue;
			if (postgres) await installPostgres(trx, table, roundOf);
			else await installSqlite(trx, table, roundOf);
		}
	});
}

const VERBS = ['insert', 'update', 'delete'] as const;

/** Upserts +1 into the rounds `select` names (a query with one column `v`). */
function bump(select: string): string {
	return `insert into round_versions (round_id, version) select distinct v, 1 from (${select}) bumped where v is not null
		on conflict (round_id) do update set version = round_versions.version + 1`;
}

function over(roundOf: RoundOf, row: string, from: string): string {
	return roundOf.map((expression) => `select ${expression.replaceAll('$', row)} as v${from}`).join(' union ');
}

async function installSqlite(db: AnyKysely, table: string, roundOf: RoundOf): Promise<void> {
	for (const verb of VERBS) {
		const trigger = `${table}_version_${verb}`;
		const rows = verb === 'insert' ? ['new'] : verb === 'delete' ? ['old'] : ['new', 'old'];
		await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
		await sql`create trigger ${sql.raw(trigger)} after ${sql.raw(verb)} on ${sql.raw(table)} begin
			${sql.raw(bump(rows.map((row) => over(roundOf, row, '')).join(' union ')))};
		end`.execute(db);
	}
}

async function installPostgres(db: AnyKysely, table: string, roundOf: RoundOf): Promise<void> {
	const fn = `${table}_version`;
	await sql`create or replace function ${sql.raw(fn)}() returns trigger language plpgsql as $$
		begin
			if tg_op in ('INSERT', 'UPDATE') then ${sql.raw(bump(over(roundOf, 'r', ' from new_rows r')))}; end if;
			if tg_op in ('DELETE', 'UPDATE') then ${sql.raw(bump(over(roundOf, 'r', ' from old_rows r')))}; end if;
			return null;
		end $$`.execute(db);
	// One statement-level trigger per verb (PostgreSQL takes transition tables for one event only).
	for (const verb of VERBS) {
		const trigger = `${table}_version_${verb}`;
		const referencing = verb === 'insert' ? 'new table as new_rows' : verb === 'delete' ? 'old table as old_rows' : 'new table as new_rows old table as old_rows';
		await sql`drop trigger if exists ${sql.raw(trigger)} on ${sql.raw(table)}`.execute(db);
		await sql`create trigger ${sql.raw(trigger)} after ${sql.raw(verb)} on ${sql.raw(table)}
			referencing ${sql.raw(referencing)} for each statement execute function ${sql.raw(fn)}()`.execute(db);
	}
}

/** Which versions a page or a memo depends on. */
export type VersionScope =
	| { round: number }
	| { roundSlug: string }
	| { need: number }
	| { proposal: number }
	| 'global'
	| 'all';

/**
 * The version of `scope`: a string that changes whenever a write committed anything its pages
 * show. One small indexed read (round_versions has a row per round).
 */
export async function readVersion(db: Kysely<Database>, scope: VersionScope): Promise<string> {
	const quick = sqliteVersion(db, scope);
	if (quick !== null) return quick;
	if (scope === 'all') {
		const row = await db.selectFrom('round_versions').select((eb) => eb.fn.sum<number | string | null>('version').as('v')).executeTakeFirst();
		return `all:${row?.v ?? 0}`;
	}
	if (scope === 'global') {
		const row = await db.selectFrom('round_versions').select('version').where('round_id', '=', GLOBAL_VERSION).executeTakeFirst();
		return `g:${row?.version ?? 0}`;
	}
	const round =
		'round' in scope
			? sql<number>`${scope.round}`
			: 'roundSlug' in scope
				? db.selectFrom('rounds').select('id').where('slug', '=', scope.roundSlug)
				: 'need' in scope
					? db.selectFrom('needs').select('round_id').where('id', '=', scope.need)
					: db.selectFrom('proposals').select('round_id').where('id', '=', scope.proposal);
	const rows = await db
		.selectFrom('round_versions')
		.select(['round_id', 'version'])
		.where((eb) => eb.or([eb('round_id', '=', GLOBAL_VERSION), eb('round_id', '=', round)]))
		.execute();
	return roundFingerprint(rows);
}

function roundFingerprint(rows: { round_id: number; version: number | string }[]): string {
	const global = rows.find((r) => Number(r.round_id) === GLOBAL_VERSION);
	const own = rows.find((r) => Number(r.round_id) !== GLOBAL_VERSION);
	return `g:${global?.version ?? 0}|r:${own ? `${own.round_id}:${own.version}` : '-'}`;
}

type Statement = SQLite.Statement<unknown[], { round_id: number; version: number }>;
const sqliteStatements = new WeakMap<SQLite.Database, Record<'all' | 'global' | 'round' | 'roundSlug' | 'need' | 'proposal', Statement>>();

/**
 * SQLite: the same reads as prepared statements on the connection, without Kysely's round trip
 * through its queue (a cached page is served in about a millisecond; Kysely's read took a third
 * of that). Null when the connection is inside a transaction, whose uncommitted versions must not
 * be read: the caller then reads through Kysely, which waits for the transaction to end.
 */
function sqliteVersion(db: Kysely<Database>, scope: VersionScope): string | null {
	if (engineOf(db) !== 'sqlite' || db.isTransaction) return null;
	const sqlite = sqliteOf(db);
	if (sqlite.inTransaction) return null;
	let statements = sqliteStatements.get(sqlite);
	if (!statements) {
		const rounds = (round: string) => sqlite.prepare(`select round_id, version from round_versions where round_id = 0 or round_id = (${round})`) as Statement;
		statements = {
			all: sqlite.prepare('select 0 as round_id, sum(version) as version from round_versions') as Statement,
			global: sqlite.prepare('select round_id, version from round_versions where round_id = 0') as Statement,
			round: rounds('?'),
			roundSlug: rounds('select id from rounds where slug = ?'),
			need: rounds('select round_id from needs where id = ?'),
			proposal: rounds('select round_id from proposals where id = ?')
		};
		sqliteStatements.set(sqlite, statements);
	}
	if (scope === 'all') return `all:${statements.all.get()?.version ?? 0}`;
	if (scope === 'global') return `g:${statements.global.get()?.version ?? 0}`;
	const [kind, key] = Object.entries(scope)[0] as [keyof typeof statements, string | number];
	return roundFingerprint(statements[kind].all(key));
}

/** Undoes installVersionTriggers (before round_versions is dropped: the triggers write to it). */
export async function dropVersionTriggers(db: AnyKysely): Promise<void> {
	const postgres = engineOf(db) === 'postgres';
	const existing = new Set((await db.introspection.getTables()).map((t) => t.name));
	for (const table of Object.keys(ROUND_OF_TABLE)) {
		if (!existing.has(table)) continue;
		for (const verb of VERBS) {
			const trigger = sql.raw(`${table}_version_${verb}`);
			if (postgres) await sql`drop trigger if exists ${trigger} on ${sql.raw(table)}`.execute(db);
			else await sql`drop trigger if exists ${trigger}`.execute(db);
		}
		if (postgres) await sql`drop function if exists ${sql.raw(`${table}_version`)}()`.execute(db);
	}
}

/**
 * PostgreSQL: drops the statement triggers that announced every change on channel `app_changed`
 * (what the caches compared before round versions), with their function.
 */
export async function dropChangeNotifications(db: AnyKysely): Promise<void> {
	if (engineOf(db) !== 'postgres') return;
	const triggers = await sql<{ name: string; table: string }>`
		select t.tgname as name, c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
		join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = current_schema() and t.tgname = c.relname || '_changed'`.execute(db);
	for (const { name, table } of triggers.rows) await sql`drop trigger ${sql.id(name)} on ${sql.table(table)}`.execute(db);
	await sql`drop function if exists app_changed()`.execute(db);
}
