import { sql } from 'kysely';
import type { DB } from './db';
import type { Round } from './rounds';
import { stagedLine } from './results';
import { decisionState } from './rounds';
import { stageCountsAsFunded } from '../domain/status';
import { memoUntilWrite } from './cache';

export interface CountRow {
	key: string;
	needs: number;
	proposals: number;
	funded: number;
	awardFen: number;
}

export interface RoundStats {
	needsTotal: number;
	proposalsTotal: number;
	/** Funded projects: only once the list is confirmed (0 during the notice). */
	fundedTotal: number;
	/** Proposed for funding on the notice: only while the list is not yet confirmed. */
	proposedTotal: number;
	/** Whether the list is confirmed: the money and per-row figures are of funded projects; else of proposed ones. */
	final: boolean;
	/** Funded (or, on the notice, proposed) ÷ proposals in the line, 0–1; null without proposals. */
	successRate: number | null;
	awardedFen: number;
	/** Paid out to the funded projects so far; 0 before the list is confirmed. */
	paidFen: number;
	matchingCashFen: number;
	volunteerHours: number;
	volunteerValueFen: number;
	/** (matching cash + volunteer value) ÷ grants awarded; null before anything is awarded. */
	leverage: number | null;
	byCategory: CountRow[];
	byDistrict: CountRow[];
	/** Whether proposal figures are shown: only once the notice or results are public. */
	decided: boolean;
}

function bump(map: Map<string, CountRow>, key: string, f: (r: CountRow) => void) {
	let row = map.get(key);
	if (!row) {
		row = { key, needs: 0, proposals: 0, funded: 0, awardFen: 0 };
		map.set(key, row);
	}
	f(row);
}

/**
 * The round's public figures. Needs count only published ones (what the board shows); proposal
 * and funding figures appear only once the line is public. A proposal's category is that of the
 * needs it answers (it counts once in each), its district that of its organisation.
 */
export async function roundStats(db: DB, round: Round, now = new Date()): Promise<RoundStats> {
	// The same for every visitor until the data changes (or the clock moves the decision on).
	const state = decisionState(round, now);
	return memoUntilWrite(db, `roundStats:${round.id}:${JSON.stringify(state)}`, { round: round.id }, () => computeRoundStats(db, round, state, now));
}

async function computeRoundStats(db: DB, round: Round, state: ReturnType<typeof decisionState>, now: Date): Promise<RoundStats> {
	const needRows = await db
		.selectFrom('needs')
		.select(['category', 'district', sql<number>`count(*)`.as('n')])
		.where('round_id', '=', round.id)
		.where('status', '=', 'published')
		.groupBy(['category', 'district'])
		.execute();
	const byCategory = new Map<string, CountRow>();
	const byDistrict = new Map<string, CountRow>();
	let needsTotal = 0;
	for (const r of needRows) {
		const n = Number(r.n);
		needsTotal += n;
		bump(byCategory, r.category, (row) => (row.needs += n));
		bump(byDistrict, r.district, (row) => (row.needs += n));
	}
	const decided = !!round.notice_published_at || !!round.results_published_at;
	let proposalsTotal = 0;
	let countedTotal = 0;
	let awardedFen = 0;
	let paidFen = 0;
	let matchingCashFen = 0;
	let volunteerHours = 0;
	if (decided) {
		// Through the one status model: funded only once confirmed, proposed (公示中 · 拟资助) before.
		const line = (await stagedLine(db, round, now)).map((p) => ({
			...p,
			funded: state.final ? stageCountsAsFunded(p.stage) : p.stage === 'notice_funded'
		}));
		const funding = new Map(
			(
				await db
					.selectFrom('proposals')
					.select(['id', 'matching_cash_fen', 'volunteer_hours'])
					.where('round_id', '=', round.id)
					.where('status', '=', 'funded')
					.execute()
			).map((p) => [p.id, p])
		);
		for (const p of line) {
			proposalsTotal += 1;
			const award = p.funded ? (p.awardFen ?? 0) : 0;
			if (p.funded) {
				countedTotal += 1;
				awardedFen += award;
				paidFen += p.paidFen;
				matchingCashFen += funding.get(p.id)?.matching_cash_fen ?? 0;
				volunteerHours += funding.get(p.id)?.volunteer_hours ?? 0;
			}
			const count = (row: CountRow) => {
				row.proposals += 1;
				if (p.funded) {
					row.funded += 1;
					row.awardFen += award;
				}
			};
			for (const c of p.categories.length ? p.categories : ['other']) bump(byCategory, c, count);
			bump(byDistrict, p.district, count);
		}
	}
	const hourFen = Number((round as unknown as { volunteer_hour_fen?: number }).volunteer_hour_fen ?? 0);
	const volunteerValueFen = volunteerHours * hourFen;
	const byNeedsThenKey = (a: CountRow, b: CountRow) => b.needs + b.proposals - (a.needs + a.proposals) || a.key.localeCompare(b.key);
	return {
		needsTotal,
		proposalsTotal,
		fundedTotal: state.final ? countedTotal : 0,
		proposedTotal: state.final ? 0 : countedTotal,
		final: state.final,
		successRate: proposalsTotal ? countedTotal / proposalsTotal : null,
		awardedFen,
		paidFen: state.final ? paidFen : 0,
		matchingCashFen,
		volunteerHours,
		volunteerValueFen,
		leverage: awardedFen ? (matchingCashFen + volunteerValueFen) / awardedFen : null,
		byCategory: [...byCategory.values()].sort(byNeedsThenKey),
		byDistrict: [...byDistrict.values()].sort(byNeedsThenKey),
		decided
	};
}
