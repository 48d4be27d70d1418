import { PHASES, PHASE_START, type ScheduledPhase } from '../domain/phases';
import { fenToYuanInput } from '../domain/money';
import { utcToZonedInput } from '../domain/time';
import type { Round } from './schema';
import { ROUND_DEFAULTS } from '../domain/round-defaults';

const DAY = 24 * 60 * 60 * 1000;
const SCHEDULED = PHASES.slice(1) as ScheduledPhase[];
/** Days after today that each phase starts in a new round's suggested schedule. */
const SUGGESTED_DAYS = [7, 37, 67, 81, 95, 102, 109, 365];

export type RoundFormValues = Record<string, string>;

/** The settings form filled from a round, amounts in yuan and dates on the round's wall clock. */
export function roundFormValues(round: Round): RoundFormValues {
	const values: RoundFormValues = {
		slug: round.slug,
		title: round.title,
		year: String(round.year),
		pool: fenToYuanInput(round.pool_fen),
		grantMin: fenToYuanInput(round.grant_min_fen),
		grantMax: fenToYuanInput(round.grant_max_fen),
		proposalsPerOrg: String(round.proposals_per_org),
		reviewersPerProposal: String(round.reviewers_per_proposal),
		timeZone: round.time_zone
	};
	for (const p of SCHEDULED) values[PHASE_START[p]] = utcToZonedInput(round[PHASE_START[p]], round.time_zone);
	return values;
}

/** A new round's form with DOMAIN.md's defaults and a schedule starting next week. */
export function newRoundFormValues(now = new Date()): RoundFormValues {
	const timeZone = ROUND_DEFAULTS.time_zone;
	const today = utcToZonedInput(now.toISOString(), timeZone).slice(0, 10);
	const midnight = Date.parse(`${today}T00:00:00Z`);
	const values: RoundFormValues = {
		slug: '',
		title: '',
		year: today.slice(0, 4),
		pool: fenToYuanInput(ROUND_DEFAULTS.pool_fen),
		grantMin: fenToYuanInput(ROUND_DEFAULTS.grant_min_fen),
		grantMax: fenToYuanInput(ROUND_DEFAULTS.grant_max_fen),
		proposalsPerOrg: String(ROUND_DEFAULTS.proposals_per_org),
		reviewersPerProposal: String(ROUND_DEFAULTS.reviewers_per_proposal),
		timeZone
	};
	SCHEDULED.forEach((p, i) => {
		values[PHASE_START[p]] = `${new Date(midnight + SUGGESTED_DAYS[i] * DAY).toISOString().slice(0, 10)}T09:00`;
	});
	return values;
}
