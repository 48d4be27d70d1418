/** A round's proposal rules: the budget limits, banned costs and eligibility checklist admins set. */
import type { DB } from './db';
import type { Round } from './schema';
import { audit } from './audit';
import { inPhase } from './rounds';
import { ok, phaseClosed, type Outcome } from './outcome';
import { formatInZone } from '../domain/time';
import { RULES_PHASES } from '../domain/phases';
import { DEFAULT_BANNED, type BudgetCategory, type ProposalRules } from '../domain/budget';

/** The round's budget rules, with DOMAIN.md's defaults where a stored list cannot be read. */
export function roundRules(round: Round): ProposalRules {
	return {
		grantMinFen: round.grant_min_fen,
		grantMaxFen: round.grant_max_fen,
		matchingMinPct: round.matching_min_pct,
		personnelMaxPct: round.personnel_max_pct,
		adminMaxPct: round.admin_max_pct,
		bannedCategories: parseList(round.banned_categories, DEFAULT_BANNED),
		volunteerHourFen: round.volunteer_hour_fen
	};
}

export function eligibilityChecklist(round: Round): string[] {
	return parseList(round.eligibility_checklist, []);
}

function parseList(json: string, fallback: readonly string[]): string[] {
	try {
		const list = JSON.parse(json);
		return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [...fallback];
	} catch {
		return [...fallback];
	}
}

/** The round's deadline for proposals (the eligibility check starts) on its own wall clock. */
export function deadlineOf(round: Pick<Round, 'eligibility_at' | 'time_zone'>): string {
	return formatInZone(round.eligibility_at, round.time_zone);
}

export interface RulesInput {
	matchingMinPct: number;
	personnelMaxPct: number;
	adminMaxPct: number;
	bannedCategories: BudgetCategory[];
	volunteerHourFen: number;
	checklist: string[];
}

export async function updateProposalRules(
	db: DB,
	args: { round: Round; actorId: number; input: RulesInput; now?: Date }
): Promise<Outcome> {
	const { round, actorId, input, now = new Date() } = args;
	if (!inPhase(round, RULES_PHASES, now)) return phaseClosed(round, now);
	const values = {
		matching_min_pct: input.matchingMinPct,
		personnel_max_pct: input.personnelMaxPct,
		admin_max_pct: input.adminMaxPct,
		banned_categories: JSON.stringify(input.bannedCategories),
		volunteer_hour_fen: input.volunteerHourFen,
		eligibility_checklist: JSON.stringify(input.checklist)
	};
	await db.updateTable('rounds').set(values).where('id', '=', round.id).execute();
	await audit(db, {
		actorId,
		action: 'round.rules',
		entity: 'round',
		entityId: round.id,
		detail: { ...input }
	});
	return ok();
}
