/**
 * A funded project's life after the award (phases 8 立项实施 and 9 结项): its tranche plan and its
 * public timeline. Pure functions over what the server read; its stage is the one status model's
 * (`grantStage` in status.ts).
 */

export type TrancheCondition = 'signing' | 'midterm_report' | 'final_report';
export type ClosingOutcome = 'completed' | 'terminated';

export const TRANCHE_CONDITIONS: readonly TrancheCondition[] = ['signing', 'midterm_report', 'final_report'];

/** The round's default: 50 % on signing, 30 % after the mid-term report, 20 % after the final report. */
export const DEFAULT_TRANCHE_PERCENTS: readonly number[] = [50, 30, 20];

/**
 * Splits `awardFen` by whole percents adding up to 100, in fen that add up to the award exactly:
 * each tranche is rounded down and the fen left over go one each to the tranches rounded down the
 * most (the earlier first on a tie), so none is a whole fen off its share.
 * Null when the percents are not 1–3 positive whole numbers adding up to 100.
 */
export function splitByPercents(awardFen: number, percents: readonly number[]): number[] | null {
	if (percents.length < 1 || percents.length > TRANCHE_CONDITIONS.length) return null;
	if (percents.some((p) => !Number.isInteger(p) || p <= 0) || percents.reduce((a, b) => a + b, 0) !== 100) return null;
	const amounts = percents.map((p) => Math.floor((awardFen * p) / 100));
	const left = awardFen - amounts.reduce((a, b) => a + b, 0);
	const byRemainder = percents.map((p, i) => ({ i, rest: (awardFen * p) % 100 })).sort((a, b) => b.rest - a.rest || a.i - b.i);
	for (const { i } of byRemainder.slice(0, left)) amounts[i] += 1;
	return amounts;
}

/** Why a plan of tranche amounts does not fit the award; null when each is positive and they add up to it. */
export function planRefusal(awardFen: number, amountsFen: readonly number[]): 'count' | 'amount' | 'sum' | null {
	if (amountsFen.length < 1 || amountsFen.length > TRANCHE_CONDITIONS.length) return 'count';
	if (amountsFen.some((a) => !Number.isSafeInteger(a) || a <= 0)) return 'amount';
	if (amountsFen.reduce((a, b) => a + b, 0) !== awardFen) return 'sum';
	return null;
}

/** The conditions of a plan of `count` tranches: the first on signing, the last after the final report. */
export function conditionsFor(count: number): TrancheCondition[] {
	if (count === 1) return ['signing'];
	if (count === 2) return ['signing', 'final_report'];
	return ['signing', 'midterm_report', 'final_report'];
}

/** Paid as a whole percent of the award (0 before anything is committed). */
export function progressPercent(paidFen: number, awardFen: number): number {
	if (awardFen <= 0) return 0;
	return Math.min(100, Math.floor((paidFen * 100) / awardFen));
}

export type MilestoneKind = 'confirmed' | 'signed' | 'paid' | 'closed';

export interface Milestone {
	kind: MilestoneKind;
	/** YYYY-MM-DD, or an ISO instant for the confirmation. */
	on: string;
	/** For a payment: which tranche (1-based) and how much; for a closing: its outcome. */
	position?: number;
	amountFen?: number;
	outcome?: ClosingOutcome;
}

export interface TimelineFacts {
	confirmedAt: string | null;
	signedOn: string | null;
	payments: { on: string; position: number; amountFen: number }[];
	closing: { on: string; outcome: ClosingOutcome } | null;
}

/** The public timeline, oldest first: confirmed, agreement signed, each payment, closed. */
export function timeline(facts: TimelineFacts): Milestone[] {
	const out: Milestone[] = [];
	if (facts.confirmedAt) out.push({ kind: 'confirmed', on: facts.confirmedAt });
	if (facts.signedOn) out.push({ kind: 'signed', on: facts.signedOn });
	const payments = [...facts.payments].sort((a, b) => a.on.localeCompare(b.on) || a.position - b.position);
	for (const p of payments) out.push({ kind: 'paid', on: p.on, position: p.position, amountFen: p.amountFen });
	if (facts.closing) out.push({ kind: 'closed', on: facts.closing.on, outcome: facts.closing.outcome });
	return out;
}

/**
 * When the reports behind tranches 2 and 3 are due, from the round's schedule: the mid-term report
 * halfway through implementation, the final report when the round's schedule closes.
 */
export function reportDueDates(implementationAt: string, closedAt: string): { midterm_report: string; final_report: string } {
	const start = Date.parse(implementationAt);
	const end = Date.parse(closedAt);
	return { midterm_report: new Date(start + Math.floor((end - start) / 2)).toISOString(), final_report: new Date(end).toISOString() };
}
