/**
 * The station's reports after the award: the mid-term report (中期报告) behind tranche 2 and the
 * final report (结项报告) behind tranche 3. Pure rules over what the server read: what a report
 * holds against the proposal's plan, which spending lines need an explanation, when a report is
 * late, and which moves between its states are allowed.
 */
import type { TrancheCondition } from './project-lifecycle';

export type ReportKind = 'midterm' | 'final';
export const REPORT_KINDS: readonly ReportKind[] = ['midterm', 'final'];
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

/** The tranche condition a report's acceptance meets. */
export const CONDITION_OF: Record<ReportKind, Exclude<TrancheCondition, 'signing'>> = { midterm: 'midterm_report', final: 'final_report' };

/** A spending line may differ from its budget by this share before it needs an explanation. */
export const EXPLAIN_OVER_PERCENT = 10;

export interface ReportActivity {
	/** From the proposal's plan. */
	name: string;
	plannedStart: string;
	plannedEnd: string;
	/** What was done: the dates as the station writes them ("3月5日、3月12日"). */
	dates: string;
	sessions: number;
	/** 受益人次: beneficiary visits. */
	visits: number;
}

export interface ReportIndicator {
	name: string;
	target: string;
	unit: string;
	actual: string;
}

export interface ReportLine {
	item: string;
	budgetFen: number;
	actualFen: number;
	explanation: string;
}

export interface ReportContent {
	activities: ReportActivity[];
	indicators: ReportIndicator[];
	lines: ReportLine[];
	matchingCashFen: number;
	volunteerHours: number;
	volunteers: number;
	narrative: string;
}

/** The plan a report is written against: the funded proposal's activities, indicators and budget. */
export interface ReportPlan {
	activities: { name: string; startMonth: string; endMonth: string }[];
	indicators: { name: string; target: string; unit: string }[];
	lines: { item: string; budgetFen: number }[];
}

/** An empty report on the plan, or the plan with what an earlier draft already says. */
export function reportOnPlan(plan: ReportPlan, earlier: ReportContent | null = null): ReportContent {
	return {
		activities: plan.activities.map((a, i) => ({
			name: a.name,
			plannedStart: a.startMonth,
			plannedEnd: a.endMonth,
			dates: earlier?.activities[i]?.dates ?? '',
			sessions: earlier?.activities[i]?.sessions ?? 0,
			visits: earlier?.activities[i]?.visits ?? 0
		})),
		indicators: plan.indicators.map((ind, i) => ({ ...ind, actual: earlier?.indicators[i]?.actual ?? '' })),
		lines: plan.lines.map((l, i) => ({
			item: l.item,
			budgetFen: l.budgetFen,
			actualFen: earlier?.lines[i]?.actualFen ?? 0,
			explanation: earlier?.lines[i]?.explanation ?? ''
		})),
		matchingCashFen: earlier?.matchingCashFen ?? 0,
		volunteerHours: earlier?.volunteerHours ?? 0,
		volunteers: earlier?.volunteers ?? 0,
		narrative: earlier?.narrative ?? ''
	};
}

/** True when actual spending differs from the line's budget by more than 10 % of it. */
export function needsExplanation(line: Pick<ReportLine, 'budgetFen' | 'actualFen'>): boolean {
	return Math.abs(line.actualFen - line.budgetFen) * 100 > line.budgetFen * EXPLAIN_OVER_PERCENT;
}

/** The indexes of the lines that differ by more than 10 % and say nothing about why. */
export function unexplainedLines(content: ReportContent): number[] {
	return content.lines.flatMap((l, i) => (needsExplanation(l) && l.explanation.trim() === '' ? [i] : []));
}

export function spentFen(content: ReportContent): number {
	return content.lines.reduce((sum, l) => sum + l.actualFen, 0);
}

export function beneficiaryVisits(content: ReportContent): number {
	return content.activities.reduce((sum, a) => sum + a.visits, 0);
}

export type ReportMove = 'save' | 'submit' | 'return' | 'accept';

/** From which states each move is allowed: the station writes drafts and returned reports, the admin reviews submitted ones. */
const ALLOWED: Record<ReportMove, readonly (ReportStatus | 'none')[]> = {
	save: ['none', 'draft', 'returned'],
	submit: ['none', 'draft', 'returned'],
	return: ['submitted'],
	accept: ['submitted']
};

export function moveAllowed(move: ReportMove, status: ReportStatus | null): boolean {
	return ALLOWED[move].includes(status ?? 'none');
}

/** Late: not submitted by its due instant (a report submitted late stays flagged). */
export function isLate(dueAt: string, submittedAt: string | null, now: Date): boolean {
	const due = Date.parse(dueAt);
	return submittedAt ? Date.parse(submittedAt) > due : now.getTime() > due;
}

/** Days before the due date when the station is reminded of a report it has not submitted. */
export const REMIND_DAYS_BEFORE = 14;

/** A reminder is due when the report is not in, its due date is within 14 days, and none was sent. */
export function reminderDue(dueAt: string, status: ReportStatus | null, remindedAt: string | null, now: Date): boolean {
	if (remindedAt || status === 'submitted' || status === 'accepted') return false;
	const left = Date.parse(dueAt) - now.getTime();
	return left >= 0 && left <= REMIND_DAYS_BEFORE * 86_400_000;
}
