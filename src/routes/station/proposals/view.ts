import type { BudgetLine } from '$lib/domain/budget';

/** A proposal's written content as the pages show it (the same shape as the server's input). */
export interface ProposalContentView {
	title: string;
	summary: string;
	targetGroup: string;
	beneficiaries: number | null;
	team: string;
	matchingCashFen: number;
	volunteerHours: number;
	needIds: number[];
	lines: BudgetLine[];
	activities: { name: string; startMonth: string; endMonth: string }[];
	indicators: { name: string; target: string; unit: string }[];
}
