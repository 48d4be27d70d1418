import { z } from 'zod';
import { money, moneyFen, optionalWholeNumber, text, wholeNumber } from './form';
import { isBlank, textOrEmpty } from './text';
import { BUDGET_CATEGORIES } from '../domain/budget';
import { PHASES, PHASE_START, scheduleErrors, type ScheduledPhase } from '../domain/phases';
import { isValidTimeZone, zonedToUtc } from '../domain/time';

const SCHEDULED = PHASES.slice(1) as ScheduledPhase[];

const scheduleFields = Object.fromEntries(
	SCHEDULED.map((p) => [PHASE_START[p], z.string().trim().min(1, 'err.required')])
) as Record<(typeof PHASE_START)[ScheduledPhase], z.ZodString>;

/** The round settings form: amounts typed in yuan, dates on the round zone's wall clock. */
export const roundSchema = z
	.object({
		slug: z
			.string()
			.trim()
			.min(1, 'err.required')
			.max(40)
			.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'round.err.slug'),
		title: text(80),
		year: wholeNumber(2000, 2100),
		pool: moneyFen,
		grantMin: moneyFen,
		grantMax: moneyFen,
		proposalsPerOrg: wholeNumber(1, 20),
		reviewersPerProposal: wholeNumber(1, 15),
		timeZone: z.string().trim().refine(isValidTimeZone, 'round.err.timeZone'),
		...scheduleFields
	})
	.transform((v, ctx) => {
		if (v.grantMin > v.grantMax) {
			ctx.addIssue({ code: 'custom', path: ['grantMax'], message: 'round.err.grantRange' });
		}
		if (v.grantMax > v.pool) {
			ctx.addIssue({ code: 'custom', path: ['pool'], message: 'round.err.poolTooSmall' });
		}
		const schedule = {} as Record<(typeof PHASE_START)[ScheduledPhase], string>;
		for (const p of SCHEDULED) {
			const column = PHASE_START[p];
			const utc = zonedToUtc(v[column], v.timeZone);
			if (!utc) ctx.addIssue({ code: 'custom', path: [column], message: 'err.date' });
			else schedule[column] = utc;
		}
		for (const p of scheduleErrors(schedule)) {
			const column = PHASE_START[p];
			if (schedule[column]) {
				ctx.addIssue({ code: 'custom', path: [column], message: 'round.err.scheduleOrder' });
			}
		}
		return {
			slug: v.slug,
			title: v.title,
			year: v.year,
			pool_fen: v.pool,
			grant_min_fen: v.grantMin,
			grant_max_fen: v.grantMax,
			proposals_per_org: v.proposalsPerOrg,
			reviewers_per_proposal: v.reviewersPerProposal,
			time_zone: v.timeZone,
			...schedule
		};
	});

/** The earlier round a new round starts from (the picker's `from`, the form's hidden field), or none. */
export const templateChoiceSchema = z.object({ templateId: optionalWholeNumber(1, Number.MAX_SAFE_INTEGER) });

/** The most one volunteer hour may count for towards matching funds: ¥1,000. */
export const VOLUNTEER_RATE_MAX_FEN = 100_000;

/** The round's proposal rules: percentages, the volunteer-hour rate, banned costs, the checklist. */
export const rulesSchema = z.object({
	matchingMinPct: wholeNumber(0, 100),
	personnelMaxPct: wholeNumber(0, 100),
	adminMaxPct: wholeNumber(0, 100),
	volunteerRate: money({ max: VOLUNTEER_RATE_MAX_FEN }),
	banned: z.array(z.enum(BUDGET_CATEGORIES)),
	// One item per line; blank lines are dropped.
	checklist: textOrEmpty(4000, { multiline: true })
		.transform((v) => v.split('\n').filter((line) => !isBlank(line)))
		.pipe(z.array(text(200)).min(1, 'err.required').max(20))
});

export const phaseOverrideSchema = z.object({
	phase: z.enum([...PHASES, 'schedule']),
	reason: text(500, { multiline: true })
});
