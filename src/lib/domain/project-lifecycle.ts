/**
 * A funded project's life after the award (phases 8 立项实施 and 9 结项): its tranche plan and its
 * public timeline. Pure functions over what the server read; its stage is the one status model's
 * (`grantStage` in status.ts).
 */
import { utcToZonedInput } from './time';
import type { Grade } from './evaluation';

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

export type MilestoneKind = 'confirmed' | 'signed' | 'paid' | 'reportSubmitted' | 'reportAccepted' | 'evaluated' | 'closed';

export interface Milestone {
	kind: MilestoneKind;
	/** YYYY-MM-DD, or an ISO instant for the confirmation. */
	on: string;
	/** For a payment: which tranche (1-based) and how much; for a closing: its outcome. */
	position?: number;
	amountFen?: number;
	outcome?: ClosingOutcome;
	/** For a report or its evaluation: which one ('midterm' or 'final'). */
	report?: 'midterm' | 'final';
	/** For an evaluation: its grade. */
	grade?: Grade;
}

export interface TimelineFacts {
	confirmedAt: string | null;
	signedOn: string | null;
	payments: { on: string; position: number; amountFen: number }[];
	closing: { on: string; outcome: ClosingOutcome } | null;
	/** Each report's first submission and acceptance (ISO instants). */
	reports?: { kind: 'midterm' | 'final'; submittedAt: string | null; acceptedAt: string | null }[];
	/** Each report's evaluation once graded (the instant its grade was decided). */
	evaluations?: { kind: 'midterm' | 'final'; grade: Grade; gradedAt: string }[];
}

/**
 * The public timeline, oldest first: confirmed, agreement signed, each payment and each report
 * submitted and accepted and each evaluation's grade (in the order of their days), closed. Report instants are shown as days
 * in `timeZone`.
 */
export function timeline(facts: TimelineFacts, timeZone = 'Asia/Shanghai'): Milestone[] {
	const out: Milestone[] = [];
	if (facts.confirmedAt) out.push({ kind: 'confirmed', on: facts.confirmedAt });
	if (facts.signedOn) out.push({ kind: 'signed', on: facts.signedOn });
	// On one day, reports (in the order they happened) come before the payments they release.
	const middle: { m: Milestone; at: string }[] = facts.payments.map((p) => ({
		m: { kind: 'paid', on: p.on, position: p.position, amountFen: p.amountFen },
		at: `~${String(p.position).padStart(2, '0')}`
	}));
	const dayOf = (instant: string) => utcToZonedInput(instant, timeZone).slice(0, 10);
	for (const r of facts.reports ?? []) {
		if (r.submittedAt) middle.push({ m: { kind: 'reportSubmitted', on: dayOf(r.submittedAt), report: r.kind }, at: r.submittedAt });
		if (r.acceptedAt) middle.push({ m: { kind: 'reportAccepted', on: dayOf(r.acceptedAt), report: r.kind }, at: r.acceptedAt });
	}
	for (const e of facts.evaluations ?? []) middle.push({ m: { kind: 'evaluated', on: dayOf(e.gradedAt), report: e.kind, grade: e.grade }, at: e.gradedAt });
	middle.sort((a, b) => a.m.on.localeCompare(b.m.on) || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
	out.push(...middle.map((x) => x.m));
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
