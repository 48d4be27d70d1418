/**
 * What changed between two submitted versions of a proposal: the fields, the needs answered, and
 * the budget lines, activities and indicators, matched by what they are (a line by its category
 * and item, an activity or indicator by its name), so a reworded price reads as a change of that
 * line rather than one line removed and another added.
 */
import { lineTotalFen, type BudgetLine } from './budget';

export interface ProposalActivity {
	name: string;
	startMonth: string;
	endMonth: string;
}

export interface ProposalIndicator {
	name: string;
	target: string;
	unit: string;
}

/**
 * Everything the organisation writes in a proposal: the shape of a stored proposal snapshot, which
 * the diff reads, and of the checked form (lib/schemas/proposals.ts calls it ProposalInput).
 */
export interface ProposalVersionContent {
	title: string;
	summary: string;
	targetGroup: string;
	beneficiaries: number | null;
	team: string;
	matchingCashFen: number;
	volunteerHours: number;
	needIds: number[];
	lines: BudgetLine[];
	activities: ProposalActivity[];
	indicators: ProposalIndicator[];
}

type Scalar = string | number | null;

export const DIFF_FIELDS = ['title', 'summary', 'targetGroup', 'beneficiaries', 'team', 'matchingCashFen', 'volunteerHours'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number] | 'requestedFen';

export type ListChange = 'added' | 'removed' | 'changed';

export type ProposalChange =
	| { kind: 'field'; field: DiffField; before: Scalar; after: Scalar }
	| { kind: 'need'; change: 'added' | 'removed'; needId: number }
	| { kind: 'line'; change: ListChange; before: BudgetLine | null; after: BudgetLine | null }
	| { kind: 'activity'; change: ListChange; name: string; before: string | null; after: string | null }
	| { kind: 'indicator'; change: ListChange; name: string; before: string | null; after: string | null };

/** Pairs the items of two lists by key, in order; unmatched items are added or removed. */
function pairUp<T>(before: readonly T[], after: readonly T[], key: (x: T) => string) {
	const waiting = new Map<string, T[]>();
	for (const b of before) waiting.set(key(b), [...(waiting.get(key(b)) ?? []), b]);
	const pairs: { before: T | null; after: T | null }[] = [];
	for (const a of after) {
		const queue = waiting.get(key(a));
		pairs.push({ before: queue?.shift() ?? null, after: a });
	}
	for (const rest of waiting.values()) for (const b of rest) pairs.push({ before: b, after: null });
	return pairs;
}

function listChange<T>(pair: { before: T | null; after: T | null }, same: (a: T, b: T) => boolean): ListChange | null {
	if (!pair.before) return 'added';
	if (!pair.after) return 'removed';
	return same(pair.before, pair.after) ? null : 'changed';
}

const total = (lines: readonly BudgetLine[]) => lines.reduce((s, l) => s + lineTotalFen(l), 0);
const months = (a: { startMonth: string; endMonth: string }) => `${a.startMonth} – ${a.endMonth}`;
const target = (i: { target: string; unit: string }) => `${i.target} ${i.unit}`.trim();

export function proposalDiff(older: ProposalVersionContent, newer: ProposalVersionContent): ProposalChange[] {
	const changes: ProposalChange[] = [];
	for (const field of DIFF_FIELDS) {
		if (older[field] !== newer[field]) changes.push({ kind: 'field', field, before: older[field], after: newer[field] });
	}
	if (total(older.lines) !== total(newer.lines)) {
		changes.push({ kind: 'field', field: 'requestedFen', before: total(older.lines), after: total(newer.lines) });
	}
	for (const id of newer.needIds) if (!older.needIds.includes(id)) changes.push({ kind: 'need', change: 'added', needId: id });
	for (const id of older.needIds) if (!newer.needIds.includes(id)) changes.push({ kind: 'need', change: 'removed', needId: id });
	for (const pair of pairUp(older.lines, newer.lines, (l) => `${l.category}\u0000${l.item}`)) {
		const change = listChange(pair, (a, b) => a.unit === b.unit && a.quantity === b.quantity && a.unitPriceFen === b.unitPriceFen);
		if (change) changes.push({ kind: 'line', change, before: pair.before, after: pair.after });
	}
	for (const pair of pairUp(older.activities, newer.activities, (a) => a.name)) {
		const change = listChange(pair, (a, b) => months(a) === months(b));
		const name = (pair.after ?? pair.before)!.name;
		if (change) changes.push({ kind: 'activity', change, name, before: pair.before && months(pair.before), after: pair.after && months(pair.after) });
	}
	for (const pair of pairUp(older.indicators, newer.indicators, (i) => i.name)) {
		const change = listChange(pair, (a, b) => target(a) === target(b));
		const name = (pair.after ?? pair.before)!.name;
		if (change) changes.push({ kind: 'indicator', change, name, before: pair.before && target(pair.before), after: pair.after && target(pair.after) });
	}
	return changes;
}
