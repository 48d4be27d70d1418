import type { Kysely } from 'kysely';
import { identity } from '../src/lib/server/db/columns';
import { dropRefusalFunction, refuseChanges } from '../src/lib/server/db/append-only';

/**
 * Matching realised (配套落实): the matching cash and volunteer hours (时间银行) a funded project
 * pledged in its proposal, recorded when its agreement is signed, and what it delivered as its
 * accepted final report says, each valued at the round's volunteer-hour rate. They are memo
 * entries beside the money, in a table of their own: no fen moves between accounts, so the
 * ledger's balances (sums of ledger_entries) cannot include them. Append-only like the ledger.
 * Existing agreements and accepted final reports are backfilled.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('matching_memos')
		.addColumn('id', 'integer', identity(db))
		// 'pledged' (the proposal, at signing) or 'delivered' (the accepted final report).
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
		.addColumn('cash_fen', 'bigint', (c) => c.notNull())
		.addColumn('volunteer_hours', 'integer', (c) => c.notNull())
		// The round's rate for one volunteer hour when the memo was written, and the hours' value at it.
		.addColumn('hour_rate_fen', 'bigint', (c) => c.notNull())
		.addColumn('value_fen', 'bigint', (c) => c.notNull())
		.addColumn('occurred_on', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('matching_memos_once', ['proposal_id', 'kind'])
		.execute();
	await db.schema.createIndex('matching_memos_round').on('matching_memos').columns(['round_id', 'id']).execute();
	await refuseChanges(db, 'matching_memos');

	const at = new Date().toISOString();
	const signed = await db
		.selectFrom('agreements')
		.innerJoin('proposals', 'proposals.id', 'agreements.proposal_id')
		.innerJoin('rounds', 'rounds.id', 'agreements.round_id')
		.select(['agreements.proposal_id', 'agreements.round_id', 'agreements.signed_on', 'proposals.matching_cash_fen', 'proposals.volunteer_hours', 'rounds.volunteer_hour_fen'])
		.orderBy('agreements.proposal_id')
		.execute();
	const finals = await db
		.selectFrom('project_reports')
		.innerJoin('agreements', 'agreements.proposal_id', 'project_reports.proposal_id')
		.innerJoin('rounds', 'rounds.id', 'agreements.round_id')
		.select(['project_reports.proposal_id', 'agreements.round_id', 'project_reports.accepted_at', 'project_reports.content', 'rounds.volunteer_hour_fen'])
		.where('project_reports.kind', '=', 'final')
		.where('project_reports.status', '=', 'accepted')
		.orderBy('project_reports.proposal_id')
		.execute();
	const memo = (kind: string, r: { proposal_id: number; round_id: number; volunteer_hour_fen: number | string }, cash: number, hours: number, on: string) => ({
		kind,
		round_id: r.round_id,
		proposal_id: r.proposal_id,
		cash_fen: cash,
		volunteer_hours: hours,
		hour_rate_fen: Number(r.volunteer_hour_fen),
		value_fen: cash + hours * Number(r.volunteer_hour_fen),
		occurred_on: on,
		actor_id: null,
		created_at: at
	});
	const rows = [
		...signed.map((r) => memo('pledged', r, Number(r.matching_cash_fen), Number(r.volunteer_hours), r.signed_on)),
		...finals.map((r) => {
			const content = JSON.parse(r.content) as { matchingCashFen?: number; volunteerHours?: number };
			return memo('delivered', r, content.matchingCashFen ?? 0, content.volunteerHours ?? 0, String(r.accepted_at).slice(0, 10));
		})
	];
	if (rows.length) await db.insertInto('matching_memos').values(rows).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('matching_memos').execute();
	await dropRefusalFunction(db, 'matching_memos');
}
