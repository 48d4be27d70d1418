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
