/**
 * A new round started from an earlier one: its rubric, proposal rules, eligibility checklist,
 * review and decision settings, and its schedule a year on. Service categories are the
 * installation's own list, shared by every round, so a new round has them already.
 */
import type { DB } from './db';
import type { Round } from './schema';
import { roundFormValues, type RoundFormValues } from './round-form';
import { rubricWithGuidance } from './rubric';
import { PHASES, PHASE_START, type ScheduledPhase } from '../domain/phases';
import { shiftWallClockByYears, withYear } from '../domain/round-template';

const SCHEDULED = PHASES.slice(1) as ScheduledPhase[];

/** The rounds an admin may start from, newest first: what the template picker lists. */
export async function listTemplateRounds(db: DB): Promise<{ id: number; title: string; year: number }[]> {
	return db.selectFrom('rounds').select(['id', 'title', 'year']).orderBy('year', 'desc').orderBy('id', 'desc').execute();
}

/**
 * The new-round form filled from `template`: the year, title and slug a year on (the slug must
 * still be free when the form is sent), the same amounts and zone, and each phase's start on the
 * same local date and time a year later in the template's zone.
 */
export function templateFormValues(template: Round): RoundFormValues {
	const values = roundFormValues(template);
	const year = template.year + 1;
	values.year = String(year);
	values.title = withYear(template.title, template.year, year);
	values.slug = withYear(template.slug, template.year, year);
	for (const p of SCHEDULED) values[PHASE_START[p]] = shiftWallClockByYears(values[PHASE_START[p]], 1);
	values.templateId = String(template.id);
	return values;
}

/** The columns of `template` a round started from it keeps: rules, checklist, review and decision settings. */
export function templateSettings(template: Round) {
	return {
		matching_min_pct: template.matching_min_pct,
		personnel_max_pct: template.personnel_max_pct,
		admin_max_pct: template.admin_max_pct,
		banned_categories: template.banned_categories,
		volunteer_hour_fen: template.volunteer_hour_fen,
		eligibility_checklist: template.eligibility_checklist,
		score_visibility: template.score_visibility,
		blind_review: template.blind_review,
		ranking_score: template.ranking_score,
		notice_working_days: template.notice_working_days,
		funding_tie_rule: template.funding_tie_rule,
		funding_min_score: template.funding_min_score,
		district_caps: template.district_caps
	};
}

/** The template's rubric as rows for the new round: criteria, weights, scales and guidance. */
export async function templateRubric(db: DB, templateId: number, roundId: number) {
	return (await rubricWithGuidance(db, templateId)).map(({ id: _id, ...criterion }) => ({ ...criterion, round_id: roundId }));
}
