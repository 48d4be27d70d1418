/**
 * The one status model: what a proposal (and a need) is, derived from the round's phase and the
 * records. Every page shows a proposal's status through `proposalStage` and its label through
 * `status.proposal.<stage>` of the catalogue, so that the station, the admins' lists, the public
 * project, the tracking page, the stats, the notice, the results and the exports never disagree.
 *
 * The rules, in order:
 * - drafts, withdrawn proposals and proposals waiting for a revision say so in any phase;
 * - until expert review starts, a submitted proposal is submitted (applications) or waiting for
 *   its check (eligibility); the check's outcome shows as soon as it is recorded;
 * - after the check, a proposal that was never decided is "not checked" (never "not eligible");
 * - an eligible proposal is in review, then being decided, until the notice is published;
 * - during the notice, nothing reads as final: proposed for funding or not (公示中);
 * - once the list is confirmed, a funded project's stage comes from its grant facts, never from
 *   the round's phase: funded (已立项, the agreement pending), signed, in progress (a payment
 *   made), then completed or terminated (its closing); the others are not funded (未获资助).
 */
import type { Phase } from './phases';

/** A proposal's record status (the `proposals.status` column). */
export const RECORD_STATUSES = ['draft', 'submitted', 'returned', 'eligible', 'ineligible', 'funded', 'not_funded', 'withdrawn'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const PROPOSAL_STAGES = [
	'draft',
	'submitted',
	'awaiting_check',
	'returned',
	'withdrawn',
	'eligible',
	'ineligible',
	'not_checked',
	'in_review',
	'deciding',
	'notice_funded',
	'notice_not_funded',
	'funded',
	'signed',
	'in_progress',
	'completed',
	'terminated',
	'not_funded'
] as const;
export type ProposalStage = (typeof PROPOSAL_STAGES)[number];

/** What the round says about its decision, besides its phase. */
export interface RoundDecisionState {
	phase: Phase;
	/** The provisional list (公示) is public. */
	noticePublished: boolean;
	/** The list is confirmed (or was published final before notices existed). */
	final: boolean;
}

/** What a funded project's grant records say (agreements, ledger, closings); null before any. */
export interface GrantFacts {
	/** The agreement's signing day, null while it is pending. */
	signedOn: string | null;
	/** Paid out to the project, net of reversals. */
	paidFen: number;
	closing: { outcome: 'completed' | 'terminated' } | null;
}

/** A funded project's stage after confirmation: closed outranks paid, paid outranks signed. */
export type GrantStage = 'funded' | 'signed' | 'in_progress' | 'completed' | 'terminated';

export function grantStage(facts: GrantFacts | null): GrantStage {
	if (!facts) return 'funded';
	if (facts.closing) return facts.closing.outcome;
	if (!facts.signedOn) return 'funded';
	return facts.paidFen > 0 ? 'in_progress' : 'signed';
}

const BEFORE_REVIEW: readonly Phase[] = ['draft', 'needs_call', 'applications', 'eligibility'];

/**
 * `grant`: the project's grant facts (null when it has none yet or is not funded); only read once
 * the list is confirmed and the proposal is funded.
 */
export function proposalStage(status: RecordStatus, round: RoundDecisionState, grant: GrantFacts | null): ProposalStage {
	const { phase } = round;
	switch (status) {
		case 'draft':
		case 'withdrawn':
			return status;
		case 'returned':
		case 'submitted':
			if (BEFORE_REVIEW.includes(phase)) {
				if (status === 'returned') return 'returned';
				return phase === 'eligibility' ? 'awaiting_check' : 'submitted';
			}
			return 'not_checked';
		case 'ineligible':
			return 'ineligible';
		case 'eligible':
		case 'funded':
		case 'not_funded': {
			if (BEFORE_REVIEW.includes(phase)) return 'eligible';
			if (round.final) {
				return status === 'funded' ? grantStage(grant) : 'not_funded';
			}
			if (round.noticePublished) return status === 'funded' ? 'notice_funded' : 'notice_not_funded';
			return phase === 'review' ? 'in_review' : 'deciding';
		}
	}
}

/** The stages that read as good news, as bad news, or as waiting for someone (the badge's tone). */
export function stageTone(stage: ProposalStage): 'green' | 'red' | 'amber' | '' {
	switch (stage) {
		case 'funded':
		case 'signed':
		case 'in_progress':
		case 'completed':
		case 'eligible':
			return 'green';
		case 'terminated':
		case 'ineligible':
		case 'not_funded':
		case 'not_checked':
			return 'red';
		case 'returned':
		case 'awaiting_check':
		case 'notice_funded':
		case 'notice_not_funded':
			return 'amber';
		default:
			return '';
	}
}

/** Whether the stage is a final outcome of the round's decision (never during the notice). */
export function stageIsFinal(stage: ProposalStage): boolean {
	return stageCountsAsFunded(stage) || stage === 'not_funded';
}

/** The stages of a project on the confirmed list (funded, whatever became of it since). */
export const FUNDED_STAGES: readonly ProposalStage[] = ['funded', 'signed', 'in_progress', 'completed', 'terminated'];

/** Whether the stage counts as funded in public figures: only once the list is confirmed. */
export function stageCountsAsFunded(stage: ProposalStage): boolean {
	return FUNDED_STAGES.includes(stage);
}

/**
 * A row of a published line (the notice, the results, a frozen record) carries no record status:
 * its outcome and reason say the same.
 */
export function lineRowStatus(row: { funded: boolean; reason: string }): RecordStatus {
	if (row.funded) return 'funded';
	if (row.reason === 'ineligible') return 'ineligible';
	if (row.reason === 'not_checked') return 'submitted';
	return 'not_funded';
}

// ---------------------------------------------------------------------------------------------
// A need's status: its moderation, then the best news among the proposals that answer it.
// ---------------------------------------------------------------------------------------------

export const NEED_STAGES = [
	'pending',
	'declined',
	'merged',
	'published',
	'answered',
	'notice',
	'funded',
	'implementing',
	'completed',
	'not_funded'
] as const;
export type NeedStage = (typeof NEED_STAGES)[number];

export type NeedRecordStatus = 'new' | 'published' | 'declined' | 'merged';

/**
 * A need's stage from its record status and the stages of the proposals answering it (drafts and
 * withdrawn ones left out by the caller or here). The furthest outcome wins: a completed project
 * over one under way (signed or paid), over a funded one (or a terminated one), over a proposed
 * one on the notice.
 */
export function needStage(status: NeedRecordStatus, answering: readonly ProposalStage[]): NeedStage {
	if (status === 'new') return 'pending';
	if (status === 'declined') return 'declined';
	if (status === 'merged') return 'merged';
	const live = answering.filter((s) => s !== 'draft' && s !== 'withdrawn');
	if (live.includes('completed')) return 'completed';
	if (live.includes('in_progress') || live.includes('signed')) return 'implementing';
	if (live.includes('funded') || live.includes('terminated')) return 'funded';
	if (live.includes('notice_funded')) return 'notice';
	if (live.length === 0) return 'published';
	if (live.every((s) => s === 'not_funded' || s === 'ineligible' || s === 'not_checked') && live.some((s) => s === 'not_funded')) {
		return 'not_funded';
	}
	return 'answered';
}
