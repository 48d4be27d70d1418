import type { DB } from './db';
import type { Round } from './schema';
import { phaseOf } from './rounds';
import { publishedRecord } from './results';
import { getFund, listFunds, type FundRow } from './funds';
import { roundMatching, type RoundMatching } from './matching';
import { fenToYuanInput } from '../domain/money';
import { toCsv } from '../domain/csv';
import type { EntryKind } from '../domain/ledger';
import { SOURCE_TYPES, balances, monthOf, netByKind, publicDonor, roundTotals, type Move, type RoundTotals, type SourceType } from '../domain/fund-ledger';

/**
 * What the public reads of the money (信息公开): a round's every entry with totals that reconcile,
 * and a fund's incomes, outflows, balance and the projects it paid for. Only public facts: no
 * donor who did not consent (匿名), no voucher or bank references, no payee account, no actor.
 */

/** An account as the public reads it: its kind, id and name (the outside has neither). */
export interface PublicAccount {
	account: string;
	name: string | null;
}

export interface PublicEntry {
	id: number;
	date: string;
	kind: EntryKind;
	from: PublicAccount;
	to: PublicAccount;
	amountFen: number;
	/** The entry this one reverses, and why. */
	reversesId: number | null;
	reason: string | null;
	fundId: number | null;
	projectId: number | null;
}

async function nameBook(db: DB): Promise<Map<string, string>> {
	const names = new Map<string, string>();
	for (const f of await db.selectFrom('funds').select(['id', 'name']).execute()) names.set(`fund:${f.id}`, f.name);
	return names;
}

function accountOf(names: Map<string, string>, account: string): PublicAccount {
	return { account, name: names.get(account) ?? null };
}

export interface RoundProjectMoney {
	id: number;
	title: string;
	organisation: string;
	awardedFen: number;
	committedFen: number;
	paidFen: number;
	returnedFen: number;
	toPayFen: number;
}

export interface RoundLedger {
	round: { slug: string; title: string; year: number };
	generatedAt: string;
	currency: 'CNY';
	unit: 'fen';
	totals: RoundTotals;
	/** How the totals add up, in words, and why spent-as-reported is 0. */
	identities: string[];
	sources: { fundId: number; fund: string; allocatedFen: number }[];
	projects: RoundProjectMoney[];
	entries: PublicEntry[];
	/** Matching pledged and delivered: memo entries beside the money, in no total above. */
	matching: RoundMatching;
}

/**
 * Every entry of a public round, its totals, its funds and its projects' money; with `asOf` (a
 * day), only the entries that occurred on or before it (a reversal counts from its own day).
 */
export async function roundLedger(db: DB, round: Round, now = new Date(), asOf?: string): Promise<RoundLedger> {
	const rows = await db
		.selectFrom('ledger_entries')
		.select(['id', 'kind', 'from_account', 'to_account', 'amount_fen', 'reverses_id', 'occurred_on', 'reason', 'fund_id', 'proposal_id'])
		.where('round_id', '=', round.id)
		.$if(asOf !== undefined, (q) => q.where('occurred_on', '<=', asOf!))
		.orderBy('id')
		.execute();
	const names = await nameBook(db);
	const record = await publishedRecord(db, round, now);
	const titles = new Map(Object.entries(record?.projects ?? {}).map(([id, p]) => [Number(id), p]));
	names.set(`round:${round.id}`, round.title);
	for (const [id, p] of titles) names.set(`project:${id}`, p.title);
	const moves: Move[] = rows.map((r) => ({ id: r.id, kind: r.kind, from: r.from_account, to: r.to_account, amountFen: Number(r.amount_fen), reversesId: r.reverses_id }));
	const sources = new Map<number, number>();
	for (const [i, r] of rows.entries()) {
		if (r.kind === 'allocation' && r.fund_id != null) sources.set(r.fund_id, (sources.get(r.fund_id) ?? 0) + (r.reverses_id === null ? moves[i].amountFen : -moves[i].amountFen));
	}
	const projects: RoundProjectMoney[] = [];
	const ids = new Set([...titles.keys(), ...rows.map((r) => r.proposal_id).filter((id): id is number => id !== null)]);
	for (const id of [...ids].sort((a, b) => a - b)) {
		const net = netByKind(moves.filter((_, i) => rows[i].proposal_id === id));
		const p = titles.get(id);
		projects.push({
			id,
			title: p?.title ?? '',
			organisation: p?.organisation ?? '',
			awardedFen: p?.awardFen ?? 0,
			committedFen: net.commitment,
			paidFen: net.payment,
			returnedFen: net.return,
			toPayFen: net.commitment - net.payment
		});
	}
	return {
		round: { slug: round.slug, title: round.title, year: round.year },
		generatedAt: now.toISOString(),
		currency: 'CNY',
		unit: 'fen',
		totals: roundTotals(moves),
		identities: [
			'allocatedFen = committedFen + uncommittedFen',
			'committedFen = paidFen + toPayFen',
			'paidFen = spentAsReportedFen + returnedFen + unreportedFen',
			'spentAsReportedFen is 0 until projects file final reports with their spending in the portal; until then every fen paid and not returned is unreported',
			'matching lists memo entries (matching cash and volunteer hours pledged at signing, delivered per the accepted final report, valueFen = cashFen + volunteerHours × hourRateFen): no fen moves, and no total above counts them'
		],
		sources: [...sources].map(([fundId, allocatedFen]) => ({ fundId, fund: names.get(`fund:${fundId}`) ?? '', allocatedFen })),
		projects,
		entries: rows.map((r, i) => ({
			id: r.id,
			date: r.occurred_on,
			kind: r.kind,
			from: accountOf(names, r.from_account),
			to: accountOf(names, r.to_account),
			amountFen: moves[i].amountFen,
			reversesId: r.reverses_id,
			reason: r.reason,
			fundId: r.fund_id ?? null,
			projectId: r.proposal_id
		})),
		matching: await roundMatching(db, round.id)
	};
}

const ENTRY_HEADER = ['id', 'date', 'kind', 'from_account', 'from_name', 'to_account', 'to_name', 'amount_fen', 'amount_yuan', 'reverses_id', 'reason'];

function entryRow(e: PublicEntry) {
	return [e.id, e.date, e.kind, e.from.account, e.from.name, e.to.account, e.to.name, e.amountFen, fenToYuanInput(e.amountFen), e.reversesId, e.reason];
}

/**
 * The round's entries as CSV, then its totals as rows of kind `total` (the name in from_name); then
 * the matching memos (kind `memo_pledged` / `memo_delivered`, the project as from, the value in the
 * amount columns, cash, hours and rate in the reason) and their totals (kind `memo_total`), which
 * move no money and are in no total above.
 */
export function roundLedgerCsv(ledger: RoundLedger): string {
	const totals = Object.entries(ledger.totals).map(([name, fen]) => ['', '', 'total', '', name, '', '', fen, fenToYuanInput(fen), '', '']);
	const title = new Map(ledger.projects.map((p) => [p.id, p.title]));
	const memos = ledger.matching.entries.map((m) => [
		`memo-${m.id}`,
		m.date,
		`memo_${m.kind}`,
		`project:${m.projectId}`,
		title.get(m.projectId) ?? '',
		'',
		'',
		m.valueFen,
		fenToYuanInput(m.valueFen),
		'',
		`cash_fen=${m.cashFen};volunteer_hours=${m.volunteerHours};hour_rate_fen=${m.hourRateFen}`
	]);
	const memoTotals = (['pledged', 'delivered'] as const).map((kind) => {
		const t = ledger.matching[kind];
		return ['', '', 'memo_total', '', kind, '', '', t.valueFen, fenToYuanInput(t.valueFen), '', `cash_fen=${t.cashFen};volunteer_hours=${t.volunteerHours}`];
	});
	return toCsv(ENTRY_HEADER, [...ledger.entries.map(entryRow), ...totals, ...memos, ...memoTotals]);
}

// ---------------------------------------------------------------------------------------------
// A fund's disclosure.
// ---------------------------------------------------------------------------------------------

export interface PublicIncome {
	id: number;
	date: string;
	sourceType: SourceType;
	/** The donor's name with consent; null shows as 匿名 / Anonymous. */
	donor: string | null;
	campaign: string;
	amountFen: number;
	reversed: boolean;
	/** A reversal of an income: what it takes back, and why. */
	reversesId: number | null;
	reason: string | null;
}

export interface FundOutflow {
	entryId: number;
	date: string;
	roundId: number;
	/** Null for a round still in draft: its name is not public yet. */
	round: { slug: string; title: string; year: number } | null;
	amountFen: number;
	reversed: boolean;
	reversesId: number | null;
	reason: string | null;
}

export interface FundProject {
	id: number;
	title: string;
	organisation: string;
	round: { slug: string; title: string };
	committedFen: number;
	paidFen: number;
	/** This fund's part of the round's allocations, applied to the project's commitment. */
	shareFen: number;
}

export interface FundDisclosure {
	fund: Omit<FundRow, 'streetId' | 'balanceFen'>;
	generatedAt: string;
	totals: { incomeFen: number; allocatedFen: number; balanceFen: number };
	byType: { sourceType: SourceType; amountFen: number }[];
	byMonth: { month: string; amountFen: number }[];
	incomes: PublicIncome[];
	outflows: FundOutflow[];
	projects: FundProject[];
}

/** A fund's incomes, outflows, balance and projects, as the public reads them; undefined when there is no such fund. */
export async function fundDisclosure(db: DB, fundId: number, now = new Date()): Promise<FundDisclosure | undefined> {
	const fund = await getFund(db, fundId);
	if (!fund) return undefined;
	const rows = await db
		.selectFrom('ledger_entries')
		.leftJoin('fund_incomes', 'fund_incomes.entry_id', 'ledger_entries.id')
		.select([
			'ledger_entries.id',
			'ledger_entries.kind',
			'ledger_entries.from_account',
			'ledger_entries.to_account',
			'ledger_entries.amount_fen',
			'ledger_entries.reverses_id',
			'ledger_entries.occurred_on',
			'ledger_entries.reason',
			'ledger_entries.round_id',
			'fund_incomes.source_type',
			'fund_incomes.donor_name',
			'fund_incomes.donor_consent',
			'fund_incomes.campaign'
		])
		.where('ledger_entries.fund_id', '=', fundId)
		.orderBy('ledger_entries.id')
		.execute();
	const reversed = new Set(rows.map((r) => r.reverses_id).filter((id) => id !== null));
	const byId = new Map(rows.map((r) => [r.id, r]));
	const account = `fund:${fundId}`;
	const balance = balances(rows.map((r) => ({ id: r.id, kind: r.kind, from: r.from_account, to: r.to_account, amountFen: Number(r.amount_fen), reversesId: r.reverses_id }))).get(account) ?? 0;

	const byType = new Map<SourceType, number>();
	const byMonth = new Map<string, number>();
	const incomes: PublicIncome[] = [];
	const outflows: FundOutflow[] = [];
	const rounds = new Map<number, Round>();
	for (const r of await db.selectFrom('rounds').selectAll().where('id', 'in', [0, ...rows.map((x) => x.round_id ?? 0)]).execute()) rounds.set(r.id, r);
	let incomeFen = 0;
	let allocatedFen = 0;
	for (const r of rows) {
		const amountFen = Number(r.amount_fen);
		// A reversal counts against the entry it takes back: same source, same month.
		const original = r.reverses_id === null ? r : byId.get(r.reverses_id)!;
		const signed = r.reverses_id === null ? amountFen : -amountFen;
		if (r.kind === 'income') {
			incomeFen += signed;
			const source = (original.source_type ?? 'other') as SourceType;
			byType.set(source, (byType.get(source) ?? 0) + signed);
			byMonth.set(monthOf(original.occurred_on), (byMonth.get(monthOf(original.occurred_on)) ?? 0) + signed);
			incomes.push({
				id: r.id,
				date: r.occurred_on,
				sourceType: source,
				donor: publicDonor(original.donor_name, original.donor_consent === 1),
				campaign: original.campaign ?? '',
				amountFen,
				reversed: reversed.has(r.id),
				reversesId: r.reverses_id,
				reason: r.reverses_id === null ? null : r.reason
			});
		} else if (r.kind === 'allocation' && r.round_id !== null) {
			allocatedFen += signed;
			const round = rounds.get(r.round_id)!;
			outflows.push({
				entryId: r.id,
				date: r.occurred_on,
				roundId: r.round_id,
				round: phaseOf(round, now) === 'draft' ? null : { slug: round.slug, title: round.title, year: round.year },
				amountFen,
				reversed: reversed.has(r.id),
				reversesId: r.reverses_id,
				reason: r.reason
			});
		}
	}
	return {
		fund: { id: fund.id, name: fund.name, kind: fund.kind, street: fund.street, district: fund.district, host: fund.host, description: fund.description },
		generatedAt: now.toISOString(),
		totals: { incomeFen, allocatedFen, balanceFen: balance },
		byType: SOURCE_TYPES.filter((s) => byType.has(s)).map((sourceType) => ({ sourceType, amountFen: byType.get(sourceType)! })),
		byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, amountFen]) => ({ month, amountFen })),
		incomes,
		outflows,
		projects: await projectsPaid(db, fundId, outflows, rounds, now)
	};
}

/** The projects of the public rounds a fund allocated to, with the fund's share of each. */
async function projectsPaid(db: DB, fundId: number, outflows: FundOutflow[], rounds: Map<number, Round>, now: Date): Promise<FundProject[]> {
	const out: FundProject[] = [];
	for (const roundId of new Set(outflows.filter((o) => o.round).map((o) => o.roundId))) {
		const round = rounds.get(roundId)!;
		const ledger = await roundLedger(db, round, now);
		const fromFund = ledger.sources.find((s) => s.fundId === fundId)?.allocatedFen ?? 0;
		if (fromFund <= 0 || ledger.totals.allocatedFen <= 0) continue;
		for (const p of ledger.projects.filter((x) => x.committedFen > 0)) {
			out.push({
				id: p.id,
				title: p.title,
				organisation: p.organisation,
				round: { slug: round.slug, title: round.title },
				committedFen: p.committedFen,
				paidFen: p.paidFen,
				shareFen: Math.round((p.committedFen * fromFund) / ledger.totals.allocatedFen)
			});
		}
	}
	return out;
}

/** The fund's entries as CSV: every income (donor only with consent) and allocation. */
export function fundLedgerCsv(d: FundDisclosure, anonymous: string): string {
	const header = ['id', 'date', 'kind', 'source_type', 'donor', 'campaign', 'round', 'amount_fen', 'amount_yuan', 'reverses_id', 'reason'];
	const rows = [
		...d.incomes.map((i) => [i.id, i.date, 'income', i.sourceType, i.donor ?? anonymous, i.campaign, '', i.amountFen, fenToYuanInput(i.amountFen), i.reversesId, i.reason]),
		...d.outflows.map((o) => [o.entryId, o.date, 'allocation', '', '', '', o.round?.slug ?? '', o.amountFen, fenToYuanInput(o.amountFen), o.reversesId, o.reason])
	].sort((a, b) => Number(a[0]) - Number(b[0]));
	const totals = Object.entries(d.totals).map(([name, fen]) => ['', '', 'total', '', name, '', '', fen, fenToYuanInput(fen), '', '']);
	return toCsv(header, [...rows, ...totals]);
}

/** The public list of funds with their totals. */
export async function publicFunds(db: DB) {
	const funds = await listFunds(db);
	const sums = await db
		.selectFrom('ledger_entries')
		.select(['fund_id', 'kind', 'reverses_id', 'amount_fen'])
		.where('fund_id', 'is not', null)
		.execute();
	return funds.map((f) => {
		const mine = sums.filter((s) => s.fund_id === f.id);
		const net = (kind: EntryKind) => mine.filter((s) => s.kind === kind).reduce((t, s) => t + (s.reverses_id === null ? 1 : -1) * Number(s.amount_fen), 0);
		return { id: f.id, name: f.name, kind: f.kind, street: f.street, district: f.district, balanceFen: f.balanceFen, incomeFen: net('income'), allocatedFen: net('allocation') };
	});
}

/** The funds a round's pool came from, for its public page. */
export async function roundSources(db: DB, roundId: number) {
	const rows = await db
		.selectFrom('ledger_entries')
		.innerJoin('funds', 'funds.id', 'ledger_entries.fund_id')
		.select(['funds.id', 'funds.name', 'ledger_entries.amount_fen', 'ledger_entries.reverses_id'])
		.where('ledger_entries.round_id', '=', roundId)
		.where('ledger_entries.kind', '=', 'allocation')
		.execute();
	const by = new Map<number, { id: number; name: string; amountFen: number }>();
	for (const r of rows) {
		const s = by.get(r.id) ?? { id: r.id, name: r.name, amountFen: 0 };
		s.amountFen += (r.reverses_id === null ? 1 : -1) * Number(r.amount_fen);
		by.set(r.id, s);
	}
	return [...by.values()].filter((s) => s.amountFen !== 0);
}
