/** A round's life. Each phase after draft starts at an instant on the round's schedule. */
export const PHASES = [
	'draft',
	'needs_call',
	'applications',
	'eligibility',
	'review',
	'decision',
	'notice',
	'implementation',
	'closed'
] as const;

export type Phase = (typeof PHASES)[number];

export type ScheduledPhase = Exclude<Phase, 'draft'>;

// The phases in which each phase-bound step is open: one list a step, read by the data function
// that gates it and by the page that offers (or hides) its form.
/** Residents report needs during the needs call only. */
export const NEEDS_CALL_PHASES: readonly Phase[] = ['needs_call'];
/** An admin may change the proposal rules until applications close. */
export const RULES_PHASES: readonly Phase[] = ['draft', 'needs_call', 'applications'];
/** A station may withdraw a proposal until expert review ends. */
export const WITHDRAW_PHASES: readonly Phase[] = ['applications', 'eligibility', 'review'];
/** Admins check proposals' eligibility. */
export const ELIGIBILITY_PHASES: readonly Phase[] = ['eligibility'];
/** The panel may be built or changed, and conflicts declared. */
export const ASSIGNMENT_PHASES: readonly Phase[] = ['eligibility', 'review'];
/** Reviewers score only while the round is in expert review. */
export const SCORING_PHASES: readonly Phase[] = ['review'];
/** The funding line may be drawn and adjusted. */
export const LINE_EDIT_PHASES: readonly Phase[] = ['decision'];
/** The public notice runs: objections are filed and answered, the list confirmed. */
export const NOTICE_PHASES: readonly Phase[] = ['notice'];
/** A round whose needs may move on to another round: its own call and applications are over. */
export const ROLLOVER_FROM_PHASES: readonly Phase[] = ['eligibility', 'review', 'decision', 'notice', 'implementation', 'closed'];
/** A round that may take needs over: it has not yet closed applications. */
export const ROLLOVER_TO_PHASES: readonly Phase[] = ['draft', 'needs_call', 'applications'];

/** The schedule column that starts each phase. */
export const PHASE_START = {
	needs_call: 'needs_call_at',
	applications: 'applications_at',
	eligibility: 'eligibility_at',
	review: 'review_at',
	decision: 'decision_at',
	notice: 'notice_at',
	implementation: 'implementation_at',
	closed: 'closed_at'
} as const satisfies Record<ScheduledPhase, string>;

export type Schedule = Record<(typeof PHASE_START)[ScheduledPhase], string>;

export function isPhase(value: unknown): value is Phase {
	return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** The phase the schedule gives at `now`: the last phase whose start has come. */
export function scheduledPhase(schedule: Schedule, now: Date): Phase {
	let phase: Phase = 'draft';
	const t = now.getTime();
	for (const p of PHASES.slice(1) as ScheduledPhase[]) {
		if (Date.parse(schedule[PHASE_START[p]]) <= t) phase = p;
	}
	return phase;
}

/** The phase in force: an admin's override (moved on early, or held) wins over the schedule. */
export function currentPhase(
	round: Schedule & { phase_override: string | null },
	now: Date
): Phase {
	return isPhase(round.phase_override) ? round.phase_override : scheduledPhase(round, now);
}

export function nextPhase(phase: Phase): Phase | null {
	const i = PHASES.indexOf(phase);
	return i < PHASES.length - 1 ? PHASES[i + 1] : null;
}

/** Problems with a schedule: each phase must start after the one before it. */
export function scheduleErrors(schedule: Partial<Schedule>): ScheduledPhase[] {
	const wrong: ScheduledPhase[] = [];
	let previous = -Infinity;
	for (const p of PHASES.slice(1) as ScheduledPhase[]) {
		const value = schedule[PHASE_START[p]];
		const t = value ? Date.parse(value) : NaN;
		if (Number.isNaN(t) || t <= previous) wrong.push(p);
		else previous = t;
	}
	return wrong;
}

/** The panel discusses a proposal from expert review until the final list is confirmed. */
export const DISCUSSION_PHASES: readonly Phase[] = ['review', 'decision', 'notice'];
