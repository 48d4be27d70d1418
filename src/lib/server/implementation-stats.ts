/**
 * A round's public figures after the award (phases 8–9), beside roundStats: reports in on time,
 * the projects' evaluation grades, beneficiary visits and volunteers, and the matching realised.
 * Only accepted reports count (drafts and reports in review are private), and for each project
 * its latest accepted one (reports count from the start, so the final covers the whole project).
 */
import type { DB } from './db';
import type { Round } from './rounds';
import { memoUntilWrite } from './cache';
import { evaluationFactsOf } from './evaluation-facts';
import { reportDueDates } from '../domain/project-lifecycle';
import { CONDITION_OF, REPORT_KINDS, type ReportContent } from '../domain/project-reports';
import { GRADES, publicGrade, type Grade } from '../domain/evaluation';

export interface ImplementationStats {
	/** Signed projects. */
	projects: number;
	/** Reports whose due date has passed, and those of them first submitted by it. */
	reportsDue: number;
	reportsOnTime: number;
	/** Projects by their public grade (the final evaluation's, else the mid-term's). */
	grades: Record<Grade, number>;
	visits: number;
	volunteers: number;
	/** Matching cash and volunteer hours valued at the round's rate, as the latest accepted reports say. */
	realisedMatchingFen: number;
}

export function implementationStats(db: DB, round: Round, now = new Date()): Promise<ImplementationStats> {
	// Due dates move with the clock: keyed by the day, so a report falling due is counted the same day.
	return memoUntilWrite(db, `implementationStats:${round.id}:${now.toISOString().slice(0, 10)}`, { round: round.id }, () => compute(db, round, now));
}

async function compute(db: DB, round: Round, now: Date): Promise<ImplementationStats> {
	const ids = (await db.selectFrom('agreements').select('proposal_id').where('round_id', '=', round.id).execute()).map((a) => a.proposal_id);
	const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
	const out: ImplementationStats = { projects: ids.length, reportsDue: 0, reportsOnTime: 0, grades, visits: 0, volunteers: 0, realisedMatchingFen: 0 };
	if (ids.length === 0) return out;
	const reports = await db
		.selectFrom('project_reports')
		.select(['proposal_id', 'kind', 'status', 'first_submitted_at', 'visits', 'content'])
		.where('proposal_id', 'in', ids)
		.execute();
	const due = reportDueDates(round.implementation_at, round.closed_at);
	const hourFen = Number(round.volunteer_hour_fen ?? 0);
	for (const id of ids) {
		const mine = reports.filter((r) => r.proposal_id === id);
		for (const kind of REPORT_KINDS) {
			const dueAt = due[CONDITION_OF[kind]];
			if (Date.parse(dueAt) > now.getTime()) continue;
			out.reportsDue += 1;
			const first = mine.find((r) => r.kind === kind)?.first_submitted_at;
			if (first && Date.parse(first) <= Date.parse(dueAt)) out.reportsOnTime += 1;
		}
		const latest = ['final', 'midterm'].map((k) => mine.find((r) => r.kind === k && r.status === 'accepted')).find((r) => !!r);
		if (latest) {
			const content = JSON.parse(latest.content) as ReportContent;
			out.visits += latest.visits;
			out.volunteers += content.volunteers;
			out.realisedMatchingFen += content.matchingCashFen + content.volunteerHours * hourFen;
		}
	}
	for (const facts of (await evaluationFactsOf(db, ids)).values()) {
		const shown = publicGrade({ midterm: facts.midterm.grade, final: facts.final.grade });
		if (shown) grades[shown.grade] += 1;
	}
	return out;
}
