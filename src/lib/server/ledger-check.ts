import type { DB } from './db';
import { formatFen } from '../domain/money';
import { matchingValueFen } from '../domain/matching';
import type { ReportContent } from '../domain/project-reports';
import { balances, netByKind, reconciles, roundTotals, type Move } from '../domain/fund-ledger';

/**
 * Recomputes every balance from the ledger's entries alone and compares it with what the rest of
 * the database says and with the ledger's rules: each fund's kept balance, each round's pool,
 * each agreement's award; no fund, round pool or project below zero; commitments within
 * allocations; every entry between the accounts its kind allows, every reversal the mirror of the
 * entry it names. Returns the problems found, in words (none: the ledger is sound).
 */
export async function checkLedger(db: DB): Promise<string[]> {
	const problems: string[] = [];
	const rows = await db.selectFrom('ledger_entries').selectAll().orderBy('id').execute();
	const moves: Move[] = rows.map((r) => ({ id: r.id, kind: r.kind, from: r.from_account, to: r.to_account, amountFen: Number(r.amount_fen), reversesId: r.reverses_id }));
	const byId = new Map(rows.map((r) => [r.id, r]));

	for (const r of rows) {
		const amount = Number(r.amount_fen);
		const where = `entry ${r.id} (${r.kind})`;
		if (!Number.isSafeInteger(amount) || amount <= 0) problems.push(`${where}: amount ${r.amount_fen} is not a positive number of fen`);
		if (r.reverses_id !== null) {
			const original = byId.get(r.reverses_id);
			if (!original) problems.push(`${where}: reverses entry ${r.reverses_id}, which does not exist`);
			else if (original.reverses_id !== null || original.kind !== r.kind || Number(original.amount_fen) !== amount || original.from_account !== r.to_account || original.to_account !== r.from_account) {
				problems.push(`${where}: is not the mirror of entry ${original.id}, which it reverses`);
			}
			continue;
		}
		const expected = {
			income: ['outside', `fund:${r.fund_id}`],
			allocation: [`fund:${r.fund_id}`, `round:${r.round_id}`],
			commitment: [`round:${r.round_id}`, `project:${r.proposal_id}`],
			payment: [`project:${r.proposal_id}`, 'outside'],
			return: ['outside', `round:${r.round_id}`]
		}[r.kind];
		if (!expected || r.from_account !== expected[0] || r.to_account !== expected[1]) {
			problems.push(`${where}: moves ${r.from_account} → ${r.to_account}, where its kind moves ${expected?.join(' → ') ?? 'nothing'}`);
		}
	}

	const computed = balances(moves);
	for (const f of await db.selectFrom('funds').select(['id', 'name', 'balance_fen']).orderBy('id').execute()) {
		const fromEntries = computed.get(`fund:${f.id}`) ?? 0;
		if (fromEntries !== Number(f.balance_fen)) problems.push(`fund ${f.id} ${f.name}: balance ${formatFen(Number(f.balance_fen))} kept, ${formatFen(fromEntries)} from its entries`);
		if (fromEntries < 0) problems.push(`fund ${f.id} ${f.name}: below zero (${formatFen(fromEntries)})`);
	}

	for (const round of await db.selectFrom('rounds').select(['id', 'slug', 'pool_fen']).orderBy('id').execute()) {
		const totals = roundTotals(moves.filter((_, i) => rows[i].round_id === round.id));
		const where = `round ${round.slug}`;
		if (Number(round.pool_fen) !== totals.allocatedFen) problems.push(`${where}: pool ${formatFen(Number(round.pool_fen))}, but ${formatFen(totals.allocatedFen)} allocated`);
		if (totals.committedFen > totals.allocatedFen) problems.push(`${where}: ${formatFen(totals.committedFen)} committed, more than the ${formatFen(totals.allocatedFen)} allocated`);
		if (totals.poolBalanceFen !== (computed.get(`round:${round.id}`) ?? 0)) problems.push(`${where}: pool account does not add up`);
		if (!reconciles(totals)) problems.push(`${where}: totals do not reconcile`);
	}

	const awards = new Map((await db.selectFrom('agreements').select(['proposal_id', 'award_fen']).execute()).map((a) => [a.proposal_id, Number(a.award_fen)]));
	const projects = new Set([...awards.keys(), ...rows.map((r) => r.proposal_id).filter((id): id is number => id !== null)]);
	for (const id of projects) {
		const net = netByKind(moves.filter((_, i) => rows[i].proposal_id === id));
		const where = `project ${id}`;
		if ((awards.get(id) ?? 0) !== net.commitment) problems.push(`${where}: award ${formatFen(awards.get(id) ?? 0)}, but ${formatFen(net.commitment)} committed`);
		if (net.payment > net.commitment) problems.push(`${where}: ${formatFen(net.payment)} paid, more than the ${formatFen(net.commitment)} committed`);
		if (net.return > net.payment) problems.push(`${where}: ${formatFen(net.return)} returned, more than the ${formatFen(net.payment)} paid`);
	}

	// Four eyes: an entry a second admin approved names someone other than whoever entered it.
	for (const r of rows) if (r.approved_by != null && r.approved_by === r.actor_id) problems.push(`entry ${r.id} (${r.kind}): approved by the admin who entered it`);

	problems.push(...(await checkMatching(db)));
	return problems;
}

/**
 * The matching memos: each worth its cash plus its hours at its rate, of a project of its round,
 * and saying what their source says (the proposal's pledge; the accepted final report's delivery).
 * They are not in ledger_entries, so no balance above counts them.
 */
async function checkMatching(db: DB): Promise<string[]> {
	const problems: string[] = [];
	const memos = await db
		.selectFrom('matching_memos')
		.innerJoin('proposals', 'proposals.id', 'matching_memos.proposal_id')
		.leftJoin('project_reports', (join) =>
			join.onRef('project_reports.proposal_id', '=', 'matching_memos.proposal_id').on('project_reports.kind', '=', 'final').on('project_reports.status', '=', 'accepted')
		)
		.select([
			'matching_memos.id',
			'matching_memos.kind',
			'matching_memos.round_id',
			'matching_memos.cash_fen',
			'matching_memos.volunteer_hours',
			'matching_memos.hour_rate_fen',
			'matching_memos.value_fen',
			'proposals.round_id as proposal_round',
			'proposals.matching_cash_fen',
			'proposals.volunteer_hours as pledged_hours',
			'project_reports.content'
		])
		.orderBy('matching_memos.id')
		.execute();
	for (const m of memos) {
		const where = `matching memo ${m.id} (${m.kind})`;
		const [cash, hours, rate, value] = [Number(m.cash_fen), Number(m.volunteer_hours), Number(m.hour_rate_fen), Number(m.value_fen)];
		if (cash < 0 || hours < 0 || rate < 0) problems.push(`${where}: a negative amount`);
		if (value !== matchingValueFen(cash, hours, rate)) problems.push(`${where}: worth ${formatFen(value)}, but its cash and hours make ${formatFen(matchingValueFen(cash, hours, rate))}`);
		if (m.round_id !== m.proposal_round) problems.push(`${where}: of round ${m.round_id}, but its project is of round ${m.proposal_round}`);
		const source =
			m.kind === 'pledged'
				? { cash: Number(m.matching_cash_fen), hours: Number(m.pledged_hours) }
				: m.content
					? (({ matchingCashFen, volunteerHours }) => ({ cash: matchingCashFen, hours: volunteerHours }))(JSON.parse(m.content) as ReportContent)
					: null;
		if (!source) problems.push(`${where}: its project has no accepted final report`);
		else if (source.cash !== cash || source.hours !== hours) problems.push(`${where}: says ${formatFen(cash)} and ${hours} h, its source ${formatFen(source.cash)} and ${source.hours} h`);
	}
	return problems;
}
